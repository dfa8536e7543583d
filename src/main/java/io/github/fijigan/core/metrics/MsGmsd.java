package io.github.fijigan.core.metrics;

/**
 * Multi-scale GMSD (Zhang, Sander and Bermak 2017), on luminance (RGB images become
 * Y = 0.299 R + 0.587 G + 0.114 B, the Y of YIQ). Lower is better; 0 for identical images.
 *
 * <p>Four scales: the full image, then each halved by the same 2×2 averaging and subsampling as
 * {@link Gmsd}. At each scale the similarity map uses the paper's masking parameter α = 0.5:
 * {@code GMS = ((2 - α) m_r m_d + c) / (m_r² + m_d² - α m_r m_d + c)} with Prewitt magnitudes and
 * c = 170 for values rescaled to [0, 255]; {@code GMSD_j} is its standard deviation (1/N) and
 * {@code MS-GMSD = sqrt(Σ w_j GMSD_j²)} with w = (0.096, 0.596, 0.289, 0.019). The paper's chromatic
 * extension MS-GMSDc is not included. Images need at least 17×17 pixels (3×3 at the fourth scale).
 *
 * <pre>{@code
 * double g = MsGmsd.INSTANCE.compute(reference, test, 255);
 * }</pre>
 */
public final class MsGmsd implements Metric {

    /** The metric. */
    public static final MsGmsd INSTANCE = new MsGmsd();

    private static final double[] WEIGHTS = {0.096, 0.596, 0.289, 0.019};
    private static final double ALPHA = 0.5;

    private MsGmsd() {}

    @Override
    public String name() {
        return "ms_gmsd";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double ideal() {
        return 0;
    }

    @Override
    public double compute(MetricImage reference, MetricImage test, double dataRange) {
        MetricInputs.check("MS-GMSD", reference, test, dataRange);
        MetricInputs.grayOrRgb("MS-GMSD", reference);
        MetricInputs.minimumSize("MS-GMSD", reference, 17, "3x3 at the 4th scale");
        double scale = 255 / dataRange;
        Plane r = Plane.luma(reference, scale);
        Plane d = Plane.luma(test, scale);
        double total = 0;
        for (int j = 0; j < WEIGHTS.length; j++) {
            if (j > 0) {
                r = Filters.subsample(r, 2);
                d = Filters.subsample(d, 2);
            }
            double[] mr = Filters.prewittMagnitude(r);
            double[] md = Filters.prewittMagnitude(d);
            double[] gms = new double[mr.length];
            for (int i = 0; i < gms.length; i++) {
                double p = mr[i] * md[i];
                gms[i] = ((2 - ALPHA) * p + Gmsd.C) / (mr[i] * mr[i] + md[i] * md[i] - ALPHA * p + Gmsd.C);
            }
            double s = Filters.std(gms);
            total += WEIGHTS[j] * s * s;
        }
        return Math.sqrt(total);
    }
}
