package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The small linear algebra and the selection-based percentiles, against their definitions. */
class NumericsTest {

    @Test
    void percentilesEqualNumpysLinearInterpolationOfTheSortedValues() {
        SplittableRandom random = new SplittableRandom(11);
        for (int count : new int[] {1, 2, 3, 10, 101, 5000}) {
            for (boolean ties : new boolean[] {false, true}) {
                float[] values = new float[count];
                for (int i = 0; i < count; i++) {
                    values[i] = ties ? random.nextInt(7) : (float) random.nextGaussian();
                }
                float[] sorted = values.clone();
                Arrays.sort(sorted);
                for (double q : new double[] {0, 1, 25, 50, 99, 100}) {
                    double h = (count - 1) * q / 100;
                    int lo = (int) Math.floor(h);
                    double expected = lo + 1 < count ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
                    assertEquals(expected, Percentiles.of(values.clone(), count, q), 1e-6, count + " values, q " + q + ", ties " + ties);
                }
            }
        }
        // numpy.percentile([1, 2, 3, 4], 99) = 3.97
        assertEquals(3.97, Percentiles.of(new float[] {4, 1, 3, 2}, 4, 99), 1e-6);
    }

    @Test
    void eigenvectorsSatisfyTheirEquation() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            double[][] b = new double[3][3];
            for (double[] row : b) for (int j = 0; j < 3; j++) row[j] = random.nextGaussian();
            double[][] a = new double[3][3];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) a[i][j] += b[i][k] * b[j][k];
            double[][] v = new double[3][3];
            double[] values = Matrices.symmetricEigen(a, v);
            assertTrue(values[0] >= values[1] && values[1] >= values[2], Arrays.toString(values));
            for (int k = 0; k < 3; k++) {
                assertEquals(1, Matrices.norm(v[k]), 1e-12);
                for (int i = 0; i < 3; i++) {
                    assertEquals(values[k] * v[k][i], Matrices.dot(a[i], v[k]), 1e-10, "A v = lambda v, trial " + trial);
                }
            }
            assertEquals(a[0][0] + a[1][1] + a[2][2], values[0] + values[1] + values[2], 1e-10, "trace");
        }
        // repeated eigenvalues
        double[][] v = new double[3][3];
        double[] values = Matrices.symmetricEigen(new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 5}}, v);
        assertEquals(5, values[0], 0);
        assertEquals(1, Math.abs(v[0][2]), 0);
    }

    @Test
    void inverseAndPseudoInverse() {
        double[][] inv = Matrices.inverse3(CieLab.XYZ_FROM_RGB);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += CieLab.XYZ_FROM_RGB[i][k] * inv[k][j];
                assertEquals(i == j ? 1 : 0, s, 1e-12);
            }
        }
        double[] h = {0.65, 0.70, 0.29}, e = {0.07, 0.99, 0.11};
        double[][] p = Matrices.pseudoInverse(h, e);
        // P S = I, and an OD in the plane unmixes exactly
        for (int k = 0; k < 2; k++) {
            assertEquals(k == 0 ? 1 : 0, Matrices.dot(p[k], h), 1e-12);
            assertEquals(k == 1 ? 1 : 0, Matrices.dot(p[k], e), 1e-12);
        }
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> Matrices.pseudoInverse(h, h.clone()));
        assertEquals("the two stain vectors are parallel; they cannot separate two stains", x.getMessage());
    }

    @Test
    void opticalDensityAndItsInverse() {
        assertEquals(-Math.log(256 / 255.0), OpticalDensity.of(255f), 1e-7);
        assertEquals(Math.log(255), OpticalDensity.of(0f), 1e-6);
        for (float v = 0; v <= 255; v += 0.37f) {
            assertEquals(v, OpticalDensity.intensity(OpticalDensity.of(v)), 1e-3);
        }
    }
}
