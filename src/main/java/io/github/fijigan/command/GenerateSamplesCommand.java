package io.github.fijigan.command;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import io.github.fijigan.core.train.GenerateJob;
import io.github.fijigan.ij.SampleWriters;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Draws samples from a trained synthesis model (DCGAN, WGAN-GP, SN-GAN, AC-GAN) into a folder, one
 * subfolder per class ({@code output_folder/<class>/sample_00001.png}): 8-bit and RGB as PNG, other
 * pixel types as calibrated TIFF. With a display the samples also open as a stack.
 *
 * <pre>
 * run("Generate Samples", "model=[/runs/lesions/model.zip] output_folder=[/data/synthetic] count=500 class_name=melanoma seed=7");
 * fiji --headless --run "Plugins>GAN>Generate Samples" "model='/runs/m.zip',output_folder='/data/synthetic',count=500"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>GAN>Generate Samples", headless = true)
public class GenerateSamplesCommand extends JobCommand {

    /** The most samples the stack shown on screen holds; the folder gets every one. */
    static final int MAX_SHOWN = 1000;

    @Parameter(label = "Model file", style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE)
    private File output_folder;

    @Parameter(label = "Samples per class", min = "1", max = "1000000")
    private int count = 64;

    @Parameter(label = "Class (empty: every class)", required = false)
    private String class_name = "";

    @Parameter(label = "Seed")
    private long seed = 0;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(type = ItemIO.OUTPUT, label = "Samples", required = false)
    private ImagePlus samples;

    @Override
    public void run() {
        GenerateJob job = GenerateJob.create(path(model), path(output_folder), count)
                .className(class_name)
                .seed(seed)
                .device(device)
                .writers(SampleWriters.BY_OUTPUT_TYPE);
        GenerateJob.Result result = runJob(job);
        if (result != null && hasDisplay()) {
            samples = stack(result.files(), "Samples from " + model.getName());
        }
    }

    /** @return the first {@link #MAX_SHOWN} files as one stack, each slice labelled by its path in the folder */
    ImagePlus stack(List<Path> files, String title) {
        ImageStack stack = null;
        for (Path file : files.subList(0, Math.min(files.size(), MAX_SHOWN))) {
            ImagePlus one = IJ.openImage(file.toString());
            if (one == null) {
                log.warn("Cannot open " + file + " to show it");
                continue;
            }
            if (stack == null) {
                stack = new ImageStack(one.getWidth(), one.getHeight());
            }
            stack.addSlice(output_folder.toPath().relativize(file).toString(), one.getProcessor());
        }
        return stack == null ? null : new ImagePlus(title, stack);
    }
}
