package io.github.fijigan.core.train;

import java.util.Locale;

import ai.djl.ndarray.NDArray;
import io.github.fijigan.core.data.TrainingImages;

/**
 * How far a set of samples is from the real images, in network units: the L1 distance between their
 * intensity histograms (32 bins over [-1, 1], each normalised to sum 1; 0 = same, 2 = disjoint) and
 * the RMS difference of their mean images. Both are blind to which sample matches which image, so
 * they measure the distribution, as a GAN is asked to match it.
 */
record SampleDistance(double histogram, double meanImage) {

    static final int BINS = 32;

    static SampleDistance between(NDArray samples, TrainingImages real) {
        float[] s = samples.toFloatArray();
        int pixels = s.length / (int) samples.getShape().get(0);
        double[] hs = new double[BINS];
        double[] ms = new double[pixels];
        accumulate(s, pixels, hs, ms);
        double[] hr = new double[BINS];
        double[] mr = new double[pixels];
        for (int i = 0; i < real.size(); i++) {
            accumulate(real.pixels(i), pixels, hr, mr);
        }
        normalise(hs);
        normalise(hr);
        double h = 0;
        for (int b = 0; b < BINS; b++) {
            h += Math.abs(hs[b] - hr[b]);
        }
        int ns = s.length / pixels;
        double m = 0;
        for (int p = 0; p < pixels; p++) {
            double d = ms[p] / ns - mr[p] / real.size();
            m += d * d;
        }
        return new SampleDistance(h, Math.sqrt(m / pixels));
    }

    private static void accumulate(float[] values, int pixels, double[] histogram, double[] mean) {
        for (int i = 0; i < values.length; i++) {
            int bin = (int) Math.floor((values[i] + 1) / 2 * BINS);
            histogram[Math.max(0, Math.min(BINS - 1, bin))]++;
            mean[i % pixels] += values[i];
        }
    }

    private static void normalise(double[] h) {
        double sum = 0;
        for (double v : h) {
            sum += v;
        }
        for (int i = 0; i < h.length; i++) {
            h[i] /= sum;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "histogram L1 %.3f, mean-image RMS %.3f", histogram, meanImage);
    }
}
