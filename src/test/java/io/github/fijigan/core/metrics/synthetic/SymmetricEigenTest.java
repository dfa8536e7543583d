package io.github.fijigan.core.metrics.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Eigenvalues against NumPy's eigvalsh (LAPACK) and against closed forms. */
class SymmetricEigenTest {

    @Test
    void matchesNumpyOnRandomRepeatedAndRankDeficientMatrices() throws Exception {
        for (JsonElement element : FrechetReference.read().getAsJsonArray("eigenvalues")) {
            JsonObject c = element.getAsJsonObject();
            double[][] matrix = FrechetReference.matrix(c.getAsJsonArray("matrix"));
            double[] expected = FrechetReference.vector(c.getAsJsonArray("values"));
            double scale = 0;
            for (double v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            double[] actual = SymmetricEigen.eigenvalues(matrix);
            // Both are backward stable: each value within a few ulps of the largest one.
            assertArrayEquals(expected, actual, 1e-13 * scale * matrix.length, matrix.length + "x" + matrix.length);
        }
    }

    @Test
    void closedForms() {
        assertArrayEquals(new double[] {1, 3}, SymmetricEigen.eigenvalues(new double[][] {{2, 1}, {1, 2}}), 1e-15);
        assertArrayEquals(new double[] {-2, 0, 5}, SymmetricEigen.eigenvalues(new double[][] {{5, 0, 0}, {0, -2, 0}, {0, 0, 0}}));
        assertArrayEquals(new double[] {0, 0, 0}, SymmetricEigen.eigenvalues(new double[3][3]));
        assertEquals(0, SymmetricEigen.eigenvalues(new double[0][0]).length);
        // The path graph P4's adjacency matrix: 2 cos(kπ/5), k = 1..4.
        double[][] path = {{0, 1, 0, 0}, {1, 0, 1, 0}, {0, 1, 0, 1}, {0, 0, 1, 0}};
        double[] expected = new double[4];
        for (int k = 1; k <= 4; k++) {
            expected[4 - k] = 2 * Math.cos(k * Math.PI / 5);
        }
        assertArrayEquals(expected, SymmetricEigen.eigenvalues(path), 1e-15);
        // Only the lower triangle is read.
        assertArrayEquals(new double[] {1, 3}, SymmetricEigen.eigenvalues(new double[][] {{2, 99}, {1, 2}}), 1e-15);
    }

    @Test
    void badMatricesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.eigenvalues(new double[][] {{1, 2}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.eigenvalues(new double[][] {{1, 0}, {Double.NaN, 1}}));
        assertEquals("eigenvalues need finite values; (1, 0) is NaN", e.getMessage());
    }
}
