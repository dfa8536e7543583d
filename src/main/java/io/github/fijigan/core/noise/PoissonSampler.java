package io.github.fijigan.core.noise;

import java.util.SplittableRandom;

/**
 * Exact Poisson random numbers from a {@link SplittableRandom}, for any mean: the multiplication
 * method (Knuth) below a mean of {@value #SMALL_MEAN}, and above it Hörmann's transformed rejection
 * with squeeze, PTRS (W. Hörmann, "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12, 1993), which needs about two uniforms per
 * number whatever the mean. Both are exact: no normal approximation, so the counts' variance
 * equals their mean at every dose.
 *
 * <pre>{@code
 * long photons = PoissonSampler.sample(random, 1e4 * Math.exp(-0.38));
 * }</pre>
 */
public final class PoissonSampler {

    /** The mean from which PTRS is used (its constants are fitted for means of 10 and more). */
    public static final double SMALL_MEAN = 10;

    /** ln k! for k below the table's length; Stirling's series above. */
    private static final double[] LOG_FACTORIAL = logFactorials(64);

    private PoissonSampler() {}

    /**
     * @param mean the Poisson mean, finite and at least 0
     * @return a Poisson(mean) count
     * @throws IllegalArgumentException for a negative, NaN or infinite mean
     */
    public static long sample(SplittableRandom random, double mean) {
        if (!(mean >= 0 && mean < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a Poisson mean must be finite and at least 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        return mean < SMALL_MEAN ? multiplication(random, mean) : ptrs(random, mean);
    }

    /** Counts uniforms until their product falls below e^-mean. */
    private static long multiplication(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        long k = 0;
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    /** Hörmann's PTRS: a transformed uniform proposes k, a squeeze accepts most, the rest are checked against the pmf. */
    private static long ptrs(SplittableRandom random, double mean) {
        double slam = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (long) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
                return (long) k;
            }
        }
    }

    /** @return ln k! for a whole k at least 0 */
    static double logFactorial(double k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        // Stirling's series; the first omitted term, 1/(1680 k^7), is below 1e-15 here.
        double inv = 1 / k, inv2 = inv * inv;
        return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }

    private static double[] logFactorials(int n) {
        double[] table = new double[n];
        for (int k = 1; k < n; k++) {
            table[k] = table[k - 1] + Math.log(k);
        }
        return table;
    }
}
