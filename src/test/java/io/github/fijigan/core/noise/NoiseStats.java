package io.github.fijigan.core.noise;

/** Sample statistics for the noise tests, in double precision. */
final class NoiseStats {

    private NoiseStats() {}

    /** @return the mean and the unbiased variance of {@code values - offset} */
    static double[] meanAndVariance(float[] values, double offset) {
        double sum = 0;
        for (float v : values) {
            sum += v - offset;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            double d = v - offset - mean;
            squares += d * d;
        }
        return new double[] {mean, squares / (values.length - 1)};
    }

    /** @return the mean and the unbiased variance of counts */
    static double[] meanAndVariance(long[] values) {
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (long v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, squares / (values.length - 1)};
    }
}
