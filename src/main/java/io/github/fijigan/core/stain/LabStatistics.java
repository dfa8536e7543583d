package io.github.fijigan.core.stain;

import java.util.Arrays;

/**
 * Reinhard's target: the mean and standard deviation (population, as NumPy's {@code std}) of L, a
 * and b over the tissue pixels of an image.
 *
 * @param mean L, a, b means
 * @param std L, a, b standard deviations, each positive
 * @param tissue the mask that chose the pixels; the same mask chooses a source image's pixels
 */
public record LabStatistics(double[] mean, double[] std, TissueMask tissue) {

    /**
     * Standard deviations below this (in Lab units) mean a channel has no spread to match: a gray
     * image stored as RGB has a and b spreads of about 1e-5 from rounding alone.
     */
    public static final double MIN_STD = 1e-3;

    public LabStatistics {
        mean = check(mean, "mean", false);
        std = check(std, "std", true);
        if (tissue == null) {
            throw new IllegalArgumentException("Lab statistics need the tissue mask they were taken over");
        }
    }

    private static double[] check(double[] v, String what, boolean positive) {
        if (v == null || v.length != 3) {
            throw new IllegalArgumentException("Lab " + what + " needs 3 values (L, a, b), got " + (v == null ? "none" : v.length));
        }
        for (int c = 0; c < 3; c++) {
            if (!Double.isFinite(v[c]) || (positive && !(v[c] > 0))) {
                throw new IllegalArgumentException("Lab " + what + " of " + "Lab".charAt(c) + " must be " + (positive ? "positive and " : "")
                        + "finite, got " + v[c]);
            }
        }
        return v.clone();
    }

    /**
     * Measures the statistics of an image over its tissue pixels.
     *
     * @param lab the image's L, a, b planes ({@link CieLab#fromRgb})
     * @throws IllegalArgumentException when there is no tissue, or a channel has no spread (a gray
     *     or single-colour image)
     */
    public static LabStatistics of(float[] lab, TissueMask tissue) {
        int n = lab.length / 3;
        boolean[] mask = tissue.of(lab, n);
        long count = TissueMask.count(mask);
        if (count == 0) {
            throw new IllegalArgumentException("no tissue: all " + n + " pixels have Lab L >= " + tissue.lightnessBelow()
                    + " (background); give an image with stained tissue or a higher tissue threshold");
        }
        double[] mean = new double[3], std = new double[3];
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (mask[i]) sum += lab[c * n + i];
            }
            mean[c] = sum / count;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                if (mask[i]) {
                    double d = lab[c * n + i] - mean[c];
                    sq += d * d;
                }
            }
            std[c] = Math.sqrt(sq / count);
            if (!(std[c] >= MIN_STD)) {
                throw new IllegalArgumentException("no colour spread: Lab " + "Lab".charAt(c) + " has standard deviation " + (float) std[c]
                        + " over the " + count + " tissue pixels (a gray or single-colour image cannot be matched)");
            }
        }
        return new LabStatistics(mean, std, tissue);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabStatistics s && Arrays.equals(s.mean, mean) && Arrays.equals(s.std, std) && s.tissue.equals(tissue);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(std)) + tissue.hashCode();
    }

    @Override
    public String toString() {
        return "LabStatistics[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ", " + tissue + "]";
    }
}
