package io.github.fijigan.core.stain;

import io.github.fijigan.core.image.CalibratedImage;

/**
 * Brings a bright-field histology image to a target's stain appearance, keeping its structure. The
 * classical methods ({@link Reinhard}, {@link Macenko}) match statistics stored in a {@link
 * StainTarget}; a learned colorizer implements the same interface.
 *
 * <p>Implementations work on one RGB plane in 8-bit units; the default methods take any RGB {@link
 * CalibratedImage} ({@link RgbImages}: ARGB, or 8-bit, 16-bit or float with 3 channels), normalise
 * each slice and frame on its own and return the input's type, axes and calibration.
 *
 * <pre>{@code
 * StainTarget target = StainTarget.read(Path.of("target.json"));     // or StainTarget.fit(reference)
 * StainNormalizer normalizer = StainNormalizers.create("macenko", target);
 * CalibratedImage<?> out = normalizer.normalize(image);              // 8-bit, 16-bit or ARGB
 * CalibratedImage<?> outF = normalizer.normalize(floatImage, 1.0);   // float RGB in [0, 1]
 * }</pre>
 */
public interface StainNormalizer {

    /** @return the method's name, as {@link StainNormalizers#create} takes it (e.g. "reinhard") */
    String method();

    /**
     * Normalises one 8-bit RGB plane in the target's stain style.
     *
     * @param image values in 8-bit units (0..255)
     * @return a new image of the same size in 8-bit units, not rounded
     * @throws IllegalArgumentException when the image cannot be normalised (no tissue, a gray
     *     image, too few stained pixels); the message says why
     */
    RgbPixels normalize(RgbPixels image);

    /** Normalises every plane of an RGB image whose type has a natural white level (ARGB, 8-bit: 255; 16-bit: 65535). */
    default <T> CalibratedImage<T> normalize(CalibratedImage<T> image) {
        return normalize(image, RgbImages.typeMax(image));
    }

    /**
     * Normalises every plane of an RGB image.
     *
     * @param max the value that means full intensity (a white background), e.g. 4095 for 12-bit data
     */
    default <T> CalibratedImage<T> normalize(CalibratedImage<T> image, double max) {
        return RgbImages.map(image, max, this::normalize);
    }
}
