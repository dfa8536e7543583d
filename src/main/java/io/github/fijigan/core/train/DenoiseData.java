package io.github.fijigan.core.train;

import java.nio.file.Path;

import io.github.fijigan.core.data.DenoiseImages;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.noise.GaussianNoise;
import io.github.fijigan.core.noise.NoiseSimulator;
import io.github.fijigan.core.noise.PoissonNoise;
import io.github.fijigan.core.noise.RicianNoise;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Loads what a {@code denoise} config names: its {@code data} root holds {@code noisy/} and {@code
 * clean/} (real pairs, {@code noise} none), or clean images only ({@code clean/}, or the root
 * itself) for the config's noise simulator.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults(ModelKind.DENOISE).with("noise", "gaussian").with("noise_sigma", 25);
 * DenoiseImages data = DenoiseData.load(config, Path.of("/data/ct"), new ImageJReader());
 * }</pre>
 */
public final class DenoiseData {

    private DenoiseData() {}

    /** @return the simulator the config's {@code noise} names, with its parameters; null for {@code none} (real pairs) */
    public static NoiseSimulator simulator(TrainConfig config) {
        requireDenoise(config);
        return switch (config.noise()) {
            case GaussianNoise.NAME -> new GaussianNoise(config.noiseSigma());
            case RicianNoise.NAME -> new RicianNoise(config.noiseSigma());
            case PoissonNoise.NAME -> new PoissonNoise(config.noiseI0(), config.noiseDose(), config.noiseMuWater(),
                    config.noisePathLength());
            default -> null;
        };
    }

    /** @return the config's data options: crop, slices, flips, normalisation, patches per image, simulator */
    public static DenoiseImages.Options options(TrainConfig config) {
        requireDenoise(config);
        return DenoiseImages.Options.DEFAULT.withCropSize(config.cropSize()).withSlices(config.slices()).withFlip(!config.noFlip())
                .withNormalization(config.normalization()).withPatchesPerImage(config.patchesPerImage()).withNoise(simulator(config));
    }

    /** Loads {@code root} as {@link #load(TrainConfig, Path, ImageReader, ProgressListener, CancellationToken)} does. */
    public static DenoiseImages load(TrainConfig config, Path root, ImageReader reader) throws ImageReadException {
        return load(config, root, reader, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * @param root the dataset's root folder (see the class comment)
     * @throws ImageReadException naming the folder or file that cannot be used
     */
    public static DenoiseImages load(TrainConfig config, Path root, ImageReader reader, ProgressListener progress,
            CancellationToken cancel) throws ImageReadException {
        return DenoiseImages.load(root, reader, options(config), progress, cancel);
    }

    private static void requireDenoise(TrainConfig config) {
        if (!config.isDenoise()) {
            throw new IllegalArgumentException("kind " + config.kind().id() + " is not a denoiser");
        }
    }
}
