package io.github.fijigan.core.metrics.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** The Fréchet distance against SciPy (FID's sqrtm formula) and against its exact special cases. */
class FrechetDistanceTest {

    /**
     * FID's own formula (scipy.linalg.sqrtm) to 1e-6, and NumPy's SVD of AᵀB to 1e-12: measured
     * 1e-15 against the SVD, 2e-8 against sqrtm where the covariances are singular (sqrtm's error).
     */
    @Test
    void matchesScipysSqrtmFormulaAndNumpysSvd() throws Exception {
        for (JsonElement element : FrechetReference.read().getAsJsonArray("frechet")) {
            JsonObject c = element.getAsJsonObject();
            double[][] x = FrechetReference.matrix(c.getAsJsonArray("x"));
            double[][] y = FrechetReference.matrix(c.getAsJsonArray("y"));
            double expected = c.get("distance").getAsDouble();
            double sqrtm = c.get("distance_sqrtm").getAsDouble();
            String name = c.get("name").getAsString();
            assertEquals(sqrtm, FrechetDistance.between(x, y), 1e-6 * sqrtm, name + " against sqrtm");
            assertEquals(expected, FrechetDistance.between(x, y), 1e-12 * expected, name);
            // Symmetric in its arguments, and the same from floats (the vectors are float32 values).
            assertEquals(expected, FrechetDistance.between(y, x), 1e-6 * expected, name + " swapped");
            assertEquals(expected, FrechetDistance.between(narrow(x), narrow(y)), 1e-6 * expected, name + " float");
        }
    }

    @Test
    void identicalSetsAreZeroApartAndAMeanShiftIsItsSquaredLength() {
        SplittableRandom random = new SplittableRandom(3);
        for (int[] nd : new int[][] {{30, 5}, {10, 64}}) {
            double[][] x = gaussian(random, nd[0], nd[1]);
            // The traces cancel: round-off is relative to them, not to the result.
            double trace = trace(x);
            assertEquals(0, FrechetDistance.between(x, shifted(x, new double[nd[1]])), 1e-14 * trace, "identical sets");
            double[] delta = new double[nd[1]];
            double squared = 0;
            for (int k = 0; k < delta.length; k++) {
                delta[k] = random.nextDouble(-2, 2);
                squared += delta[k] * delta[k];
            }
            assertEquals(squared, FrechetDistance.between(x, shifted(x, delta)), 1e-14 * trace, "shift");
        }
    }

    @Test
    void scalingOneSetByTwoInOneDimensionGivesTheVariance() {
        // Two 1-D Gaussians with the same mean: (σ1 − σ2)²; here σ2 = 2 σ1, so σ1².
        double[][] x = {{1}, {2}, {4}, {7}};
        double[][] y = {{2}, {4}, {8}, {14}};
        double mean = 3.5;
        double variance = (6.25 + 2.25 + 0.25 + 12.25) / 3;
        assertEquals(mean * mean + variance, FrechetDistance.between(x, y), 1e-12);
    }

    @Test
    void tooFewVectorsOrMixedLengthsAreRefused() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(new double[][] {{1, 2}}, new double[][] {{1, 2}, {3, 4}}));
        assertTrue(one.getMessage().contains("first set needs at least 2 vectors"), one.getMessage());
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1}, {3}}));
        assertTrue(dims.getMessage().contains("differ in dimension, 2 and 1"), dims.getMessage());
    }

    private static double[][] gaussian(SplittableRandom random, int n, int d) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = random.nextGaussian() * (k + 1);
            }
        }
        return x;
    }

    /** @return the trace of the sample covariance */
    private static double trace(double[][] x) {
        double sum = 0;
        for (int k = 0; k < x[0].length; k++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[k] / x.length;
            }
            for (double[] row : x) {
                sum += (row[k] - mean) * (row[k] - mean) / (x.length - 1);
            }
        }
        return sum;
    }

    private static double[][] shifted(double[][] x, double[] delta) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
            for (int k = 0; k < delta.length; k++) {
                y[i][k] += delta[k];
            }
        }
        return y;
    }

    private static float[][] narrow(double[][] x) {
        float[][] f = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = new float[x[i].length];
            for (int k = 0; k < f[i].length; k++) {
                f[i][k] = (float) x[i][k];
            }
        }
        return f;
    }
}
