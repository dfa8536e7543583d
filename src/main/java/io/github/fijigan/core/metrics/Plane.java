package io.github.fijigan.core.metrics;

/**
 * One channel in double precision, rows of X, for the metrics' intermediate steps.
 *
 * @param v width × height values
 * @param width pixels along X
 * @param height pixels along Y
 */
record Plane(double[] v, int width, int height) {

    Plane {
        if (v.length != (long) width * height) {
            throw new IllegalArgumentException(width + "x" + height + " plane needs " + (long) width * height + " values, got " + v.length);
        }
    }

    /** @return the luminance Y = 0.299 R + 0.587 G + 0.114 B of an RGB image, or the channel of a gray one, times {@code scale} */
    static Plane luma(MetricImage image, double scale) {
        double[] v = image.channels() == 1 ? image.channel(0) : image.mix(0.299, 0.587, 0.114);
        return new Plane(v, image.width(), image.height()).times(scale);
    }

    /** @return this plane's values times {@code s}, in place */
    Plane times(double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
        return this;
    }
}
