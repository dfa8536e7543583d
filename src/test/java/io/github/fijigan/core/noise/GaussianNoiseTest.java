package io.github.fijigan.core.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Gaussian noise has mean 0 and variance sigma², whatever the signal, and is a function of the random stream alone. */
class GaussianNoiseTest {

    private static final int N = 200_000;

    @Test
    void addedNoiseHasMeanZeroAndVarianceSigmaSquared() {
        for (double signal : new double[] {-1000, 0, 40}) {
            float[] clean = new float[N];
            Arrays.fill(clean, (float) signal);
            float[] noisy = new GaussianNoise(25).noisy(clean, new SplittableRandom(11));
            double[] m = NoiseStats.meanAndVariance(noisy, signal);
            // Standard errors: 25 / sqrt(N) = 0.056 for the mean, 625 * sqrt(2 / N) = 2.0 for the variance.
            assertEquals(0, m[0], 0.3, "mean of the noise at " + signal);
            assertEquals(625, m[1], 12, "variance of the noise at " + signal);
        }
    }

    @Test
    void theSameStreamGivesTheSameNoiseAndOnlyTheRangeAsked() {
        float[] clean = new float[1000];
        Arrays.fill(clean, 5f);
        GaussianNoise g = new GaussianNoise(3);
        assertArrayEquals(g.noisy(clean, new SplittableRandom(4)), g.noisy(clean, new SplittableRandom(4)));
        assertFalse(Arrays.equals(g.noisy(clean, new SplittableRandom(4)), g.noisy(clean, new SplittableRandom(5))));
        float[] part = clean.clone();
        g.addTo(part, 100, 50, new SplittableRandom(4));
        for (int i = 0; i < part.length; i++) {
            assertEquals(i >= 100 && i < 150, part[i] != 5f, "pixel " + i);
        }
        assertEquals(5f, clean[0]);
    }

    @Test
    void badSigmaIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(-1));
        assertTrue(e.getMessage().contains("sigma"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new RicianNoise(Double.POSITIVE_INFINITY));
    }
}
