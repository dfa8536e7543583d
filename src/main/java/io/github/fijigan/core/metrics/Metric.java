package io.github.fijigan.core.metrics;

/**
 * A full-reference image-quality metric: compares a test image with a reference image of the same
 * size and channel count, both in their own units with a stated data range (the width of the value
 * interval, as scikit-image's {@code data_range}: 255 for 8-bit, 1 for images in [0, 1]).
 *
 * <p>Implementations are stateless and thread-safe; {@link MetricRegistry} finds them by name.
 *
 * <pre>{@code
 * Metric ssim = MetricRegistry.get("ssim");
 * double s = ssim.compute(reference, output, 255);     // 1 for identical images
 * boolean better = ssim.higherIsBetter();             // true
 * }</pre>
 */
public interface Metric {

    /** @return the name used in commands and CSV headers, lower case with underscores (e.g. "ms_ssim") */
    String name();

    /** @return whether a larger value means a test image closer to the reference */
    boolean higherIsBetter();

    /** @return the value for identical images (e.g. 1 for SSIM, 0 for GMSD, +∞ for PSNR) */
    double ideal();

    /**
     * @param reference the reference (ground truth) image
     * @param test the image to judge, same size and channel count
     * @param dataRange the width of the images' value range; positive and finite
     * @return the metric's value
     * @throws IllegalArgumentException when sizes or channel counts differ, a value is NaN or
     *     infinite, the data range is not positive and finite, the image is too small for the metric,
     *     or its channel count is one the metric does not define
     */
    double compute(MetricImage reference, MetricImage test, double dataRange);
}
