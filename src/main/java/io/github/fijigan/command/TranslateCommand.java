package io.github.fijigan.command;

import java.io.File;

import ij.ImagePlus;
import io.github.fijigan.core.infer.TranslateJob;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.ImagePlusBridge;
import io.github.fijigan.ij.SampleWriters;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Translates images with a pix2pix, CycleGAN or TorchScript model, tiled so any size fits: the
 * active image (the result opens as a new image, in the input's type, units and calibration), or
 * an image file or a folder of them (results written to the output folder as calibrated TIFFs,
 * which is what macros and headless runs use).
 *
 * <pre>
 * run("Translate", "model=[/models/t1t2.zip] input=[/data/t1] output_folder=[/data/t2] direction=A->B");
 * fiji --headless --run "Plugins>GAN>Translate" "model='/models/t1t2.zip',input='/data/t1',output_folder='/data/t2'"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>GAN>Translate", headless = true)
public class TranslateCommand extends JobCommand {

    @Parameter(required = false, persist = false)
    private ImagePlus image;

    @Parameter(label = "Model file", style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(label = "Input image or folder (empty: the active image)", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
            required = false)
    private File input;

    @Parameter(label = "Output folder (empty: show only)", style = FileWidget.DIRECTORY_STYLE, required = false)
    private File output_folder;

    @Parameter(label = "Direction", choices = {"model default", "A->B", "B->A"})
    private String direction = "model default";

    @Parameter(label = "Tile size (pixels)", min = "16", max = "16384")
    private int tile_size = TranslateOptions.DEFAULTS.tileSize();

    @Parameter(label = "Tile overlap (pixels)", min = "0", max = "4096")
    private int overlap = TranslateOptions.DEFAULTS.overlap();

    @Parameter(label = "Tiles per batch", min = "1", max = "256")
    private int tile_batch = TranslateOptions.DEFAULTS.tileBatch();

    @Parameter(label = "Output type", choices = {"same", "float32"})
    private String output_type = "same";

    @Parameter(label = "Reliability map (CycleGAN)")
    private boolean reliability = false;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(type = ItemIO.OUTPUT, label = "Translated", required = false)
    private ImagePlus translated;

    @Parameter(type = ItemIO.OUTPUT, label = "Reliability", required = false)
    private ImagePlus reliability_map;

    @Override
    public void run() {
        TranslateOptions options = TranslateOptions.DEFAULTS.withTileSize(tile_size).withOverlap(overlap).withTileBatch(tile_batch)
                .withOutputType(TranslateOptions.OutputType.parse(output_type));
        TranslateJob job;
        if (path(input) != null) {
            job = TranslateJob.create(path(model), path(input), path(output_folder));
        } else if (image != null) {
            job = TranslateJob.forImage(path(model), ImagePlusBridge.toCalibratedImage(image, w -> log.warn(w)), path(output_folder));
        } else {
            fail("input: no image or folder given, and no image is open");
            return;
        }
        job.direction(direction.equals("model default") ? "" : direction)
                .options(options)
                .reliability(reliability)
                .device(device)
                .reader(new ImageJReader(w -> log.warn(w)))
                .writer(SampleWriters.tiff());
        TranslateJob.Result result = runJob(job);
        if (result == null || result.inMemory().isEmpty()) {
            return;
        }
        translated = ImagePlusBridge.toImagePlus(result.inMemory().get().image());
        translated.setTitle(Titles.derived(image, result.direction()));
        result.inMemory().get().reliability().ifPresent(map -> {
            reliability_map = ImagePlusBridge.toImagePlus(map);
            reliability_map.setTitle(Titles.derived(image, "reliability"));
        });
    }
}
