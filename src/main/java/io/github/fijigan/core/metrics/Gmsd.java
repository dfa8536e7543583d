package io.github.fijigan.core.metrics;

/**
 * Gradient magnitude similarity deviation (Xue, Zhang, Mou and Bovik 2014), on luminance: RGB
 * images become Y = 0.299 R + 0.587 G + 0.114 B first. Lower is better; 0 for identical images.
 *
 * <p>As in the authors' {@code GMSD.m}: values are rescaled to [0, 255] by {@code 255 / dataRange}
 * (the constant c = 170 belongs to that range); both images are averaged over 2×2 and subsampled by 2
 * ({@code conv2 'same'} then every second pixel, so an odd last row meets zeros past the edge);
 * Prewitt gradient magnitudes {@code m} (3×3, divided by 3, zeros outside); the similarity map
 * {@code GMS = (2 m_r m_d + c) / (m_r² + m_d² + c)}; GMSD is its standard deviation with 1/N as in
 * the paper's equation (the authors' {@code std2} divides by N - 1, a relative difference of about
 * 1/(2N)). Images need at least 5×5 pixels (3×3 after subsampling).
 *
 * <pre>{@code
 * double g = Gmsd.INSTANCE.compute(reference, test, 255);
 * }</pre>
 */
public final class Gmsd implements Metric {

    /** The metric. */
    public static final Gmsd INSTANCE = new Gmsd();

    /** The stability constant for [0, 255] images. */
    static final double C = 170;

    private Gmsd() {}

    @Override
    public String name() {
        return "gmsd";
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
        MetricInputs.check("GMSD", reference, test, dataRange);
        MetricInputs.grayOrRgb("GMSD", reference);
        MetricInputs.minimumSize("GMSD", reference, 5, "3x3 after the 2x subsampling");
        double scale = 255 / dataRange;
        Plane r = Filters.subsample(Plane.luma(reference, scale), 2);
        Plane d = Filters.subsample(Plane.luma(test, scale), 2);
        return Filters.std(Filters.similarity(Filters.prewittMagnitude(r), Filters.prewittMagnitude(d), C));
    }
}
