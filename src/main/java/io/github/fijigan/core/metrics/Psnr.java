package io.github.fijigan.core.metrics;

/**
 * Peak signal-to-noise ratio in dB, {@code 10 log10(range² / MSE)} with the MSE over every value of
 * every channel (scikit-image's {@code peak_signal_noise_ratio}).
 *
 * <p>Identical images have MSE 0: the result is then {@link Double#POSITIVE_INFINITY}, on purpose
 * and without a division warning; {@link EvaluationTable}'s summary counts such rows apart.
 *
 * <pre>{@code
 * double db = Psnr.INSTANCE.compute(reference, test, 255);
 * }</pre>
 */
public final class Psnr implements Metric {

    /** The metric. */
    public static final Psnr INSTANCE = new Psnr();

    private Psnr() {}

    @Override
    public String name() {
        return "psnr";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double ideal() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double compute(MetricImage reference, MetricImage test, double dataRange) {
        MetricInputs.check("PSNR", reference, test, dataRange);
        double mse = Mse.meanSquaredError(reference.values(), test.values());
        if (mse == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(dataRange * dataRange / mse);
    }
}
