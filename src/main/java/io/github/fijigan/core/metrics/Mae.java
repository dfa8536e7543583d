package io.github.fijigan.core.metrics;

/**
 * Mean absolute error over every value of every channel, in the images' units. The data range is
 * checked but does not enter the value.
 *
 * <pre>{@code
 * double mae = Mae.INSTANCE.compute(reference, test, 255);   // 0 for identical images
 * }</pre>
 */
public final class Mae implements Metric {

    /** The metric. */
    public static final Mae INSTANCE = new Mae();

    private Mae() {}

    @Override
    public String name() {
        return "mae";
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
        MetricInputs.check("MAE", reference, test, dataRange);
        float[] x = reference.values();
        float[] y = test.values();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((double) x[i] - y[i]);
        }
        return sum / x.length;
    }
}
