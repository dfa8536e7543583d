package io.github.fijigan.core.metrics;

import java.util.Objects;

/** The checks every metric starts with, so all report bad input in the same words. */
final class MetricInputs {

    private MetricInputs() {}

    /**
     * @throws IllegalArgumentException when the images differ in size or channels, hold NaN or
     *     infinite values, or the data range is not positive and finite
     */
    static void check(String metric, MetricImage reference, MetricImage test, double dataRange) {
        Objects.requireNonNull(reference, "reference image");
        Objects.requireNonNull(test, "test image");
        if (reference.width() != test.width() || reference.height() != test.height()) {
            throw new IllegalArgumentException(metric + ": the reference is " + reference.width() + "x" + reference.height()
                    + " pixels but the test image is " + test.width() + "x" + test.height());
        }
        if (reference.channels() != test.channels()) {
            throw new IllegalArgumentException(metric + ": the reference has " + reference.channels()
                    + " channel(s) but the test image has " + test.channels());
        }
        if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException(metric + " needs a positive, finite data range, got " + dataRange);
        }
        finite(metric, "reference", reference);
        finite(metric, "test image", test);
    }

    /** @throws IllegalArgumentException unless the image is gray or RGB */
    static void grayOrRgb(String metric, MetricImage image) {
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException(metric + " is defined for gray (1 channel) and RGB (3 channels) images, got "
                    + image.channels() + " channels");
        }
    }

    /** @throws IllegalArgumentException when the image is smaller than {@code min} along X or Y */
    static void minimumSize(String metric, MetricImage image, int min, String why) {
        if (image.width() < min || image.height() < min) {
            throw new IllegalArgumentException(metric + " needs images of at least " + min + "x" + min + " pixels (" + why
                    + "), got " + image.width() + "x" + image.height());
        }
    }

    private static void finite(String metric, String which, MetricImage image) {
        int i = image.firstNonFinite();
        if (i >= 0) {
            throw new IllegalArgumentException(metric + ": the " + which + " has " + image.values()[i] + " at "
                    + image.position(i) + "; metrics need finite values");
        }
    }
}
