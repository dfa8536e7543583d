package io.github.fijigan.core.metrics;

/**
 * Mean squared error over every value of every channel, in the images' units squared (scikit-image's
 * {@code mean_squared_error}). The data range is checked but does not enter the value.
 *
 * <pre>{@code
 * double mse = Mse.INSTANCE.compute(reference, test, 255);   // 0 for identical images
 * }</pre>
 */
public final class Mse implements Metric {

    /** The metric. */
    public static final Mse INSTANCE = new Mse();

    private Mse() {}

    @Override
    public String name() {
        return "mse";
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
        MetricInputs.check("MSE", reference, test, dataRange);
        return meanSquaredError(reference.values(), test.values());
    }

    /** @return the mean of (x - y)² in double precision */
    static double meanSquaredError(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - y[i];
            sum += d * d;
        }
        return sum / x.length;
    }
}
