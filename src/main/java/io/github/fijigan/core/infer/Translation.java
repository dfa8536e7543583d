package io.github.fijigan.core.infer;

import java.util.Objects;
import java.util.Optional;

import io.github.fijigan.core.image.CalibratedImage;
import net.imglib2.type.numeric.real.FloatType;

/**
 * What {@link Translator#translate} gives: the translated image and, when a backward network was
 * given, the reliability map {@code |x - G_BA(G_AB(x))|}.
 *
 * @param image the translated image
 * @param reliability per pixel and channel, the absolute difference between the input and its
 *     reconstruction, in the input's physical units, float32; empty without a backward network
 */
public record Translation(CalibratedImage<?> image, Optional<CalibratedImage<FloatType>> reliability) {

    public Translation {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(reliability, "reliability");
    }
}
