package io.github.fijigan.core.infer;

import java.util.Objects;
import java.util.Optional;

import io.github.fijigan.core.image.CalibratedImage;
import net.imglib2.type.numeric.real.FloatType;

/**
 * What {@link Denoiser#denoise} gives: the denoised image and, when asked, the noise it removed.
 *
 * @param image the denoised image, in the input's type, units and calibration (or float32)
 * @param removedNoise per pixel and channel, input minus output in the input's physical units
 *     (e.g. HU), float32; empty unless asked for
 */
public record Denoising(CalibratedImage<?> image, Optional<CalibratedImage<FloatType>> removedNoise) {

    public Denoising {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(removedNoise, "removedNoise");
    }
}
