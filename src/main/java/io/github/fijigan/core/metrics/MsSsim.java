package io.github.fijigan.core.metrics;

/**
 * Multi-scale SSIM (Wang, Simoncelli and Bovik 2003): five scales, the first the full image, each
 * next one halved by 2×2 averaging; at each scale the mean contrast-structure term {@code cs_j} of
 * {@link Ssim#GAUSSIAN} (11×11 Gaussian window, σ 1.5, K1 0.01, K2 0.03), and at the last scale the
 * mean SSIM; {@code MS-SSIM = Π_{j<5} cs_j^{w_j} · ssim_5^{w_5}} with the standard weights
 * (0.0448, 0.2856, 0.3001, 0.2363, 0.1333), as in Wang's {@code msssim.m}. RGB and other
 * multi-channel images: the mean over the channels, as for SSIM.
 *
 * <p>Downsampling averages non-overlapping 2×2 blocks; an odd last row or column is mirrored, i.e.
 * averaged with itself ({@code msssim.m}'s symmetric filtering), so a side of n pixels becomes
 * ⌈n/2⌉.
 *
 * <p><b>Small images</b> are refused: the 11×11 window must fit at the fifth scale, so both sides
 * need at least 161 pixels (⌈161/16⌉ = 11). Use {@link Ssim} for smaller images. A negative mean
 * term (possible for unrelated images) is clamped at 0 before its fractional power, as
 * pytorch-msssim does, so the result is then 0 rather than undefined.
 *
 * <pre>{@code
 * double m = MsSsim.INSTANCE.compute(reference, test, 255);   // 1 for identical images
 * }</pre>
 */
public final class MsSsim implements Metric {

    /** The metric. */
    public static final MsSsim INSTANCE = new MsSsim();

    /** The smallest side, in pixels, for which the window fits at the fifth scale. */
    public static final int MIN_SIZE = 161;

    private static final double[] WEIGHTS = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};

    private MsSsim() {}

    @Override
    public String name() {
        return "ms_ssim";
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
        MetricInputs.check("MS-SSIM", reference, test, dataRange);
        MetricInputs.minimumSize("MS-SSIM", reference, MIN_SIZE, "the 11x11 window must fit at the 5th scale; use ssim for smaller images");
        double sum = 0;
        for (int c = 0; c < reference.channels(); c++) {
            sum += gray(reference.channel(c), test.channel(c), reference.width(), reference.height(), dataRange);
        }
        return sum / reference.channels();
    }

    private static double gray(double[] x, double[] y, int width, int height, double dataRange) {
        double value = 1;
        for (int j = 0; j < WEIGHTS.length; j++) {
            if (j > 0) {
                x = halve(x, width, height);
                y = halve(y, width, height);
                width = (width + 1) / 2;
                height = (height + 1) / 2;
            }
            double[] stats = Ssim.GAUSSIAN.stats(x, y, width, height, dataRange);
            double term = j == WEIGHTS.length - 1 ? stats[0] : stats[1];
            value *= Math.pow(Math.max(term, 0), WEIGHTS[j]);
        }
        return value;
    }

    /** 2×2 block means; an odd last row/column is averaged with itself. */
    static double[] halve(double[] v, int width, int height) {
        int w2 = (width + 1) / 2;
        int h2 = (height + 1) / 2;
        double[] out = new double[w2 * h2];
        for (int r = 0; r < h2; r++) {
            int r0 = 2 * r * width;
            int r1 = Math.min(2 * r + 1, height - 1) * width;
            for (int c = 0; c < w2; c++) {
                int c0 = 2 * c;
                int c1 = Math.min(2 * c + 1, width - 1);
                out[r * w2 + c] = 0.25 * (v[r0 + c0] + v[r0 + c1] + v[r1 + c0] + v[r1 + c1]);
            }
        }
        return out;
    }
}
