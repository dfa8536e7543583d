package io.github.fijigan.command;

import java.io.File;

import ij.ImagePlus;
import io.github.fijigan.core.stain.NormalizeStainJob;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.ImagePlusBridge;
import io.github.fijigan.ij.SampleWriters;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Normalises the stain of bright-field histology images (H&amp;E, IHC) to a target institution's
 * appearance, by Reinhard (Lab statistics) or Macenko (stain vectors and concentrations): the
 * active image (the result opens as a new image), or an image file or folder (results written as
 * TIFFs of the input's type). The target is a reference image, or a target file saved earlier.
 *
 * <pre>
 * run("Normalize Stain", "method=macenko target=[/ref/target.png] input=[/slides] output_folder=[/slides_normalized]");
 * fiji --headless --run "Plugins>GAN>Normalize Stain" "method='reinhard',target='/ref/target.json',input='/slides',output_folder='/out'"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>GAN>Normalize Stain", headless = true)
public class NormalizeStainCommand extends JobCommand {

    @Parameter(required = false, persist = false)
    private ImagePlus image;

    @Parameter(label = "Method", choices = {"macenko", "reinhard", "gan"})
    private String method = "macenko";

    @Parameter(label = "Target (reference image or target .json; gan: colorizer model)", style = FileWidget.OPEN_STYLE)
    private File target;

    @Parameter(label = "Input image or folder (empty: the active image)", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
            required = false)
    private File input;

    @Parameter(label = "Output folder (empty: show only)", style = FileWidget.DIRECTORY_STYLE, required = false)
    private File output_folder;

    @Parameter(label = "Save the fitted target as (optional .json)", style = FileWidget.SAVE_STYLE, required = false,
            persist = false)
    private File save_target;

    @Parameter(type = ItemIO.OUTPUT, label = "Normalized", required = false)
    private ImagePlus normalized;

    @Override
    public void run() {
        NormalizeStainJob job;
        if (path(input) != null) {
            job = NormalizeStainJob.create(method, path(target), path(input), path(output_folder));
        } else if (image != null) {
            job = NormalizeStainJob.forImage(method, path(target), ImagePlusBridge.toCalibratedImage(image, w -> log.warn(w)),
                    path(output_folder));
        } else {
            fail("input: no image or folder given, and no image is open");
            return;
        }
        job.saveTarget(path(save_target)).reader(new ImageJReader(w -> log.warn(w))).writer(SampleWriters.tiff());
        NormalizeStainJob.Result result = runJob(job);
        if (result != null && result.inMemory().isPresent()) {
            normalized = ImagePlusBridge.toImagePlus(result.inMemory().get());
            normalized.setTitle(Titles.derived(image, method));
        }
    }
}
