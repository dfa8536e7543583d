package io.github.fijigan.core.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The magnitude of a constant signal A with Rician noise has the Rician mean {@code sigma sqrt(pi/2)
 * L_1/2(-A^2 / 2 sigma^2)}, the Laguerre function written with modified Bessel functions:
 * {@code L_1/2(x) = e^(x/2) [(1 - x) I0(-x/2) - x I1(-x/2)]}; at A = 0 the bias is {@code sigma sqrt(pi/2)}.
 */
class RicianNoiseTest {

    @Test
    void meanMagnitudeIsTheRicianMean() {
        double sigma = 20;
        int n = 200_000;
        for (double ratio : new double[] {0, 0.5, 1, 2, 4}) {
            double a = ratio * sigma;
            float[] clean = new float[n];
            Arrays.fill(clean, (float) a);
            double[] m = NoiseStats.meanAndVariance(new RicianNoise(sigma).noisy(clean, new SplittableRandom(31)), 0);
            double expected = sigma * Math.sqrt(Math.PI / 2) * laguerreHalf(-a * a / (2 * sigma * sigma));
            System.out.printf("Rician A/sigma %.1f: mean %.3f, expected %.3f%n", ratio, m[0], expected);
            // The magnitude's standard deviation is at most sigma: standard error below 20 / sqrt(n) = 0.045.
            assertEquals(expected, m[0], 0.25, "mean magnitude for A = " + a);
        }
    }

    @Test
    void zeroSignalHasTheRayleighBias() {
        double sigma = 7;
        float[] noisy = new RicianNoise(sigma).noisy(new float[200_000], new SplittableRandom(2));
        double[] m = NoiseStats.meanAndVariance(noisy, 0);
        assertEquals(sigma * Math.sqrt(Math.PI / 2), m[0], 0.05);
        assertEquals((2 - Math.PI / 2) * sigma * sigma, m[1], 0.02 * sigma * sigma, "Rayleigh variance");
    }

    @Test
    void besselFunctionsOfTheTestAreRight() {
        // scipy.special.i0(1), i1(1), i0(3), i1(3)
        assertEquals(1.2660658777520082, besselI(0, 1), 1e-14);
        assertEquals(0.5651591039924851, besselI(1, 1), 1e-14);
        assertEquals(4.880792585865024, besselI(0, 3), 1e-13);
        assertEquals(3.953370217402609, besselI(1, 3), 1e-13);
        assertEquals(1, laguerreHalf(0), 1e-15);
    }

    /** L_1/2(x) for x <= 0, through I0 and I1. */
    static double laguerreHalf(double x) {
        return Math.exp(x / 2) * ((1 - x) * besselI(0, -x / 2) - x * besselI(1, -x / 2));
    }

    /** The modified Bessel function of the first kind, order 0 or 1, by its power series (fine for x up to about 20). */
    static double besselI(int order, double x) {
        double term = order == 0 ? 1 : x / 2;
        double sum = term;
        for (int k = 1; k < 200; k++) {
            term *= (x / 2) * (x / 2) / (k * (double) (k + order));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
