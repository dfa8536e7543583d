package io.github.fijigan.command;

import java.io.File;

import ij.ImagePlus;
import io.github.fijigan.core.infer.DenoiseJob;
import io.github.fijigan.core.infer.Denoising;
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
 * Denoises images with a trained denoising GAN (low-dose CT, MRI), tiled, in the images' own units
 * (HU stays HU): the active image or stack (the result opens as a new image, with the removed
 * noise as a second one when asked), or an image file or folder (results written to the output
 * folder as calibrated TIFFs, {@code NAME.tif} and {@code NAME_noise.tif}).
 *
 * <pre>
 * run("Denoise", "model=[/models/ldct.zip] input=[/data/low-dose] output_folder=[/data/denoised] removed_noise=true");
 * fiji --headless --run "Plugins>GAN>Denoise" "model='/models/ldct.zip',input='/data/low-dose',output_folder='/data/denoised'"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>GAN>Denoise", headless = true)
public class DenoiseCommand extends JobCommand {

    @Parameter(required = false, persist = false)
    private ImagePlus image;

    @Parameter(label = "Model file", style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(label = "Input image or folder (empty: the active image)", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
            required = false)
    private File input;

    @Parameter(label = "Output folder (empty: show only)", style = FileWidget.DIRECTORY_STYLE, required = false)
    private File output_folder;

    @Parameter(label = "Also output the removed noise")
    private boolean removed_noise = false;

    @Parameter(label = "Tile size (pixels)", min = "16", max = "16384")
    private int tile_size = TranslateOptions.DEFAULTS.tileSize();

    @Parameter(label = "Tile overlap (pixels)", min = "0", max = "4096")
    private int overlap = TranslateOptions.DEFAULTS.overlap();

    @Parameter(label = "Tiles per batch", min = "1", max = "256")
    private int tile_batch = TranslateOptions.DEFAULTS.tileBatch();

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(type = ItemIO.OUTPUT, label = "Denoised", required = false)
    private ImagePlus denoised;

    @Parameter(type = ItemIO.OUTPUT, label = "Removed noise", required = false)
    private ImagePlus noise;

    @Override
    public void run() {
        TranslateOptions options = TranslateOptions.DEFAULTS.withTileSize(tile_size).withOverlap(overlap).withTileBatch(tile_batch);
        DenoiseJob job;
        if (path(input) != null) {
            job = DenoiseJob.create(path(model), path(input), path(output_folder));
        } else if (image != null) {
            job = DenoiseJob.forImage(path(model), ImagePlusBridge.toCalibratedImage(image, w -> log.warn(w)), path(output_folder));
        } else {
            fail("input: no image or folder given, and no image is open");
            return;
        }
        job.options(options).removedNoise(removed_noise).device(device).reader(new ImageJReader(w -> log.warn(w)))
                .writer(SampleWriters.tiff());
        DenoiseJob.Result result = runJob(job);
        if (result == null || result.inMemory().isEmpty()) {
            return;
        }
        Denoising d = result.inMemory().get();
        denoised = ImagePlusBridge.toImagePlus(d.image());
        denoised.setTitle(Titles.derived(image, "denoised"));
        d.removedNoise().ifPresent(n -> {
            noise = ImagePlusBridge.toImagePlus(n);
            noise.setTitle(Titles.derived(image, "removed noise"));
        });
    }
}
