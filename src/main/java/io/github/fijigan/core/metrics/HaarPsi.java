package io.github.fijigan.core.metrics;

import java.util.Arrays;

/**
 * The Haar wavelet-based perceptual similarity index (Reisenhofer, Bosse, Kutyniok and Wiegand
 * 2018), for gray and RGB images; higher is better, 1 for identical images.
 *
 * <p>With the paper's constants C = 30 and α = 4.2, on values rescaled to [0, 255] by
 * {@code 255 / dataRange}: RGB images go to YIQ (Y = 0.299 R + 0.587 G + 0.114 B,
 * I = 0.596 R - 0.274 G - 0.322 B, Q = 0.211 R - 0.523 G + 0.312 B); every channel is averaged over
 * 2×2 and subsampled by 2 (as {@link Gmsd}). Haar high-pass filters at scales k = 1, 2, 3
 * (2^k × 2^k, entries ±2^-k, upper half negative) and their transposes give coefficients by
 * {@code conv2 'same'}. For each orientation the local similarity is the mean over scales 1 and 2 of
 * {@code S(a, b) = (2|a||b| + C) / (a² + b² + C)} and the weight is max(|ref|, |test|) at scale 3.
 * Colour adds a third map, the mean of S over |I| and |Q| after a 2×2 mean, weighted by the mean of
 * the two luminance weights. Finally
 * {@code HaarPSI = (logit_α(Σ sigmoid_α(LS)·W / Σ W))²}, where sigmoid_α(x) = 1/(1 + e^{-αx}).
 * When every weight is 0 (both images black), the plain mean of sigmoid_α(LS) stands for the
 * weighted one. Images need at least 15×15 pixels (8×8, the coarsest filter, after subsampling).
 *
 * <pre>{@code
 * double h = HaarPsi.INSTANCE.compute(reference, test, 255);
 * }</pre>
 */
public final class HaarPsi implements Metric {

    /** The metric. */
    public static final HaarPsi INSTANCE = new HaarPsi();

    private static final double C = 30;
    private static final double ALPHA = 4.2;
    private static final double[] HALF = {0.5, 0.5};

    private HaarPsi() {}

    @Override
    public String name() {
        return "haarpsi";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double ideal() {
        return 1;
    }

    @Override
    public double compute(MetricImage reference, MetricImage test, double dataRange) {
        MetricInputs.check("HaarPSI", reference, test, dataRange);
        MetricInputs.grayOrRgb("HaarPSI", reference);
        MetricInputs.minimumSize("HaarPSI", reference, 15, "8x8, the coarsest Haar filter, after the 2x subsampling");
        double scale = 255 / dataRange;
        Plane y1 = Filters.subsample(Plane.luma(reference, scale), 2);
        Plane y2 = Filters.subsample(Plane.luma(test, scale), 2);
        boolean colour = reference.channels() == 3;
        int maps = colour ? 3 : 2;
        double[][] similarity = new double[maps][];
        double[][] weight = new double[maps][];
        for (int o = 0; o < 2; o++) {
            double[][] r = new double[3][];
            double[][] d = new double[3][];
            for (int k = 1; k <= 3; k++) {
                r[k - 1] = haar(y1, k, o == 1);
                d[k - 1] = haar(y2, k, o == 1);
            }
            double[] s1 = Filters.similarity(r[0], d[0], C);
            double[] s2 = Filters.similarity(r[1], d[1], C);
            similarity[o] = new double[s1.length];
            weight[o] = new double[s1.length];
            for (int i = 0; i < s1.length; i++) {
                similarity[o][i] = (s1[i] + s2[i]) / 2;
                weight[o][i] = Math.max(r[2][i], d[2][i]);
            }
        }
        if (colour) {
            double[] si = chroma(reference, test, scale, 0.596, -0.274, -0.322);
            double[] sq = chroma(reference, test, scale, 0.211, -0.523, 0.312);
            similarity[2] = new double[si.length];
            weight[2] = new double[si.length];
            for (int i = 0; i < si.length; i++) {
                similarity[2][i] = (si[i] + sq[i]) / 2;
                weight[2][i] = (weight[0][i] + weight[1][i]) / 2;
            }
        }
        // The weighted means of sigmoid and of 1 - sigmoid, each summed directly: forming 1 - p from
        // p near 1 would lose digits before the logit magnifies them.
        double weightedP = 0;
        double weightedQ = 0;
        double weights = 0;
        double plainP = 0;
        double plainQ = 0;
        for (int m = 0; m < maps; m++) {
            for (int i = 0; i < similarity[m].length; i++) {
                double p = 1 / (1 + Math.exp(-ALPHA * similarity[m][i]));
                double q = 1 / (1 + Math.exp(ALPHA * similarity[m][i]));
                weightedP += p * weight[m][i];
                weightedQ += q * weight[m][i];
                weights += weight[m][i];
                plainP += p;
                plainQ += q;
            }
        }
        double logit = (weights > 0 ? Math.log(weightedP / weightedQ) : Math.log(plainP / plainQ)) / ALPHA;
        return logit * logit;
    }

    /** @return |Haar coefficients| at scale k: along Y, or along X when {@code transposed} */
    private static double[] haar(Plane y, int k, boolean transposed) {
        int size = 1 << k;
        double[] signed = new double[size];
        double[] ones = new double[size];
        double amplitude = Math.pow(2, -k);
        for (int p = 0; p < size; p++) {
            signed[p] = p < size / 2 ? -amplitude : amplitude;
        }
        Arrays.fill(ones, 1);
        double[] c = (transposed ? Filters.conv2Same(y, ones, signed) : Filters.conv2Same(y, signed, ones)).v();
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.abs(c[i]);
        }
        return c;
    }

    /** @return S over one chroma channel: mixed, subsampled, 2×2 mean, absolute value */
    private static double[] chroma(MetricImage reference, MetricImage test, double scale, double kr, double kg, double kb) {
        double[] a = chromaMagnitude(reference, scale, kr, kg, kb);
        double[] b = chromaMagnitude(test, scale, kr, kg, kb);
        return Filters.similarity(a, b, C);
    }

    private static double[] chromaMagnitude(MetricImage image, double scale, double kr, double kg, double kb) {
        Plane p = Filters.subsample(new Plane(image.mix(kr, kg, kb), image.width(), image.height()).times(scale), 2);
        double[] v = Filters.conv2Same(p, HALF, HALF).v();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i]);
        }
        return v;
    }
}
