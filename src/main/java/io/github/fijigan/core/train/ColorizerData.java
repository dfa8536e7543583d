package io.github.fijigan.core.train;

import java.nio.file.Path;

import io.github.fijigan.core.data.ColorizerImages;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.Preprocess;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Loads what a {@code colorizer} config names: its {@code data} is a folder of 8-bit RGB images
 * (slides or tiles) of the TARGET stain style; the colorizer learns to colour their grey versions.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults(ModelKind.COLORIZER).with("data", "/data/lab-b-tiles");
 * ColorizerImages tiles = ColorizerData.load(config, Path.of(config.data()), new ImageJReader());
 * new GanTrainer(config, tiles, Path.of("runs/lab-b")).train();
 * }</pre>
 */
public final class ColorizerData {

    private ColorizerData() {}

    /** @return the config's tiling options: preprocess, load and crop sizes, flips, tiles per image */
    public static ColorizerImages.Options options(TrainConfig config) {
        if (!config.isColorizer()) {
            throw new IllegalArgumentException("kind " + config.kind().id() + " is not a colorizer");
        }
        return ColorizerImages.Options.DEFAULT.withPreprocess(Preprocess.parse(config.preprocess()), config.loadSize())
                .withCropSize(config.cropSize()).withFlip(!config.noFlip()).withPatchesPerImage(config.patchesPerImage());
    }

    /** Loads {@code folder} as {@link #load(TrainConfig, Path, ImageReader, ProgressListener, CancellationToken)} does. */
    public static ColorizerImages load(TrainConfig config, Path folder, ImageReader reader) throws ImageReadException {
        return load(config, folder, reader, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * @param folder the target style's RGB images
     * @throws ImageReadException naming the folder or file that cannot be used (e.g. not 8-bit RGB)
     */
    public static ColorizerImages load(TrainConfig config, Path folder, ImageReader reader, ProgressListener progress,
            CancellationToken cancel) throws ImageReadException {
        return ColorizerImages.load(folder, reader, options(config), progress, cancel);
    }
}
