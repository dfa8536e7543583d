package io.github.fijigan.core.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The counts are Poisson (variance equal to the mean, the right probabilities on both sides of the
 * method switch at 10), and the HU noise follows the propagation formulas
 * {@code Var(HU) = (1000 / (mu_w L))^2 / lambda} (first order) and {@code E[HU] - HU = 1000 / (mu_w L) / (2 lambda)}
 * (second order), worked out here by hand rather than taken from the class.
 */
class PoissonNoiseTest {

    @Test
    void countVarianceEqualsItsMeanForSmallAndLargeMeans() {
        SplittableRandom random = new SplittableRandom(21);
        int n = 200_000;
        for (double mean : new double[] {0.3, 3, 9.99, 10, 47.5, 1000, 1e5}) {
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                counts[i] = PoissonSampler.sample(random, mean);
            }
            double[] m = NoiseStats.meanAndVariance(counts);
            // Standard errors: sqrt(mean / n) for the mean; about mean * sqrt(2 / n) for the variance.
            assertEquals(mean, m[0], 5 * Math.sqrt(mean / n), "mean of Poisson(" + mean + ")");
            assertEquals(mean, m[1], 5 * Math.sqrt((2 * mean * mean + mean) / n), "variance of Poisson(" + mean + ")");
        }
        assertEquals(0, PoissonSampler.sample(random, 0));
    }

    @Test
    void probabilitiesMatchThePoissonMassFunctionOnBothSidesOfTheMethodSwitch() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 300_000;
        for (double mean : new double[] {4, 15}) {
            int[] histogram = new int[100];
            for (int i = 0; i < n; i++) {
                histogram[(int) PoissonSampler.sample(random, mean)]++;
            }
            double logP = -mean;   // ln P(0)
            for (int k = 0; k < 40; k++) {
                double p = Math.exp(logP);
                double tolerance = 5 * Math.sqrt(p * (1 - p) / n) + 1e-5;
                assertEquals(p, histogram[k] / (double) n, tolerance, "P(N = " + k + ") for mean " + mean);
                logP += Math.log(mean) - Math.log(k + 1);
            }
        }
    }

    @Test
    void logFactorialIsExactEnoughAcrossTheTableAndTheSeries() {
        double sum = 0;
        for (int k = 1; k <= 200; k++) {
            sum += Math.log(k);
            assertEquals(sum, PoissonSampler.logFactorial(k), 1e-12 * Math.max(1, sum), "ln " + k + "!");
        }
    }

    @Test
    void huNoiseVarianceFollowsThePropagationFormula() {
        double i0 = 1e4, dose = 0.25, muWater = 0.0192, length = 20;
        PoissonNoise noise = new PoissonNoise(i0, dose, muWater, length);
        int n = 200_000;
        for (double hu : new double[] {-1000, 0, 1000}) {
            double lambda = i0 * dose * Math.exp(-muWater * (1 + hu / 1000) * length);
            double variance = Math.pow(1000 / (muWater * length), 2) / lambda;
            float[] clean = new float[n];
            Arrays.fill(clean, (float) hu);
            double[] m = NoiseStats.meanAndVariance(noise.noisy(clean, new SplittableRandom((long) hu + 5000)), hu);
            System.out.printf("Poisson noise at %.0f HU: lambda %.0f, variance %.1f HU^2 (formula %.1f), mean %.3f HU%n", hu, lambda,
                    m[1], variance, m[0]);
            assertEquals(variance, m[1], 0.03 * variance, "HU noise variance at " + hu + " HU");
            // Second order: E[ln N] = ln lambda - 1 / (2 lambda), a bias of 1000 / (mu_w L) / (2 lambda) HU.
            double bias = 1000 / (muWater * length) / (2 * lambda);
            assertEquals(bias, m[0], 5 * Math.sqrt(variance / n), "HU noise mean at " + hu + " HU");
            assertEquals(Math.sqrt(variance), noise.standardDeviation(hu), 1e-9 * Math.sqrt(variance));
        }
    }

    @Test
    void lowerDoseMeansMoreNoiseAndTheSameStreamTheSameNoise() {
        float[] water = new float[50_000];
        PoissonNoise full = new PoissonNoise(1e5, 1, PoissonNoise.MU_WATER, 20);
        PoissonNoise quarter = new PoissonNoise(1e5, 0.25, PoissonNoise.MU_WATER, 20);
        double sdFull = Math.sqrt(NoiseStats.meanAndVariance(full.noisy(water, new SplittableRandom(1)), 0)[1]);
        double sdQuarter = Math.sqrt(NoiseStats.meanAndVariance(quarter.noisy(water, new SplittableRandom(1)), 0)[1]);
        assertEquals(2, sdQuarter / sdFull, 0.05, "a quarter of the dose doubles the noise");
        assertEquals(19.96, quarter.standardDeviation(0), 0.01);
        assertArrayEquals(quarter.noisy(water, new SplittableRandom(9)), quarter.noisy(water, new SplittableRandom(9)));
    }

    @Test
    void badParametersAreRefusedByName() {
        assertMessage(() -> new PoissonNoise(0, 0.25, 0.0192, 20), "incident photons");
        assertMessage(() -> new PoissonNoise(1e5, 0, 0.0192, 20), "dose fraction must be in (0, 1]");
        assertMessage(() -> new PoissonNoise(1e5, 1.5, 0.0192, 20), "dose fraction must be in (0, 1]");
        assertMessage(() -> new PoissonNoise(1e5, 0.5, -1, 20), "muWater");
        assertMessage(() -> new PoissonNoise(1e5, 0.5, 0.0192, Double.NaN), "path length");
        assertMessage(() -> PoissonSampler.sample(new SplittableRandom(1), -2), "Poisson mean must be finite and at least 0");
    }

    private static void assertMessage(Runnable r, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
