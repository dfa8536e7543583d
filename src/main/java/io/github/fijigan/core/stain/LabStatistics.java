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
        // Two passes (mean, then squared deviations) for accuracy; one branch per pixel, not per value.
        double[] mean = new double[3], std = new double[3];
        double l = 0, a = 0, b = 0;
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                l += lab[i];
                a += lab[n + i];
                b += lab[2 * n + i];
            }
        }
        mean[0] = l / count;
        mean[1] = a / count;
        mean[2] = b / count;
        l = a = b = 0;
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                double dl = lab[i] - mean[0], da = lab[n + i] - mean[1], db = lab[2 * n + i] - mean[2];
                l += dl * dl;
                a += da * da;
                b += db * db;
            }
        }
        std[0] = Math.sqrt(l / count);
        std[1] = Math.sqrt(a / count);
        std[2] = Math.sqrt(b / count);
        for (int c = 0; c < 3; c++) {
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
