package io.github.fijigan.core.metrics.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Singular values against NumPy's svd (LAPACK), on tall, wide, square and rank-deficient matrices. */
class SingularValuesTest {

    @Test
    void matchesNumpyIncludingTheZerosOfRankDeficientMatrices() throws Exception {
        for (JsonElement element : FrechetReference.read().getAsJsonArray("singular_values")) {
            JsonObject c = element.getAsJsonObject();
            double[][] matrix = FrechetReference.matrix(c.getAsJsonArray("matrix"));
            double[] expected = FrechetReference.vector(c.getAsJsonArray("values"));
            double[] actual = SingularValues.of(matrix);
            String name = matrix.length + "x" + matrix[0].length;
            // Absolute error of a few ulps of the largest value, zeros included (no square roots of round-off).
            assertArrayEquals(expected, actual, 1e-14 * expected[0] * Math.max(matrix.length, matrix[0].length), name);
            double sum = 0;
            for (double s : expected) {
                sum += s;
            }
            assertEquals(sum, SingularValues.nuclearNorm(matrix), 1e-13 * sum, name);
        }
    }

    @Test
    void closedForms() {
        assertArrayEquals(new double[] {3, 2}, SingularValues.of(new double[][] {{3, 0}, {0, -2}, {0, 0}}), 1e-15);
        // A rotation by 30° scaled by 5: both singular values 5.
        double c = 5 * Math.cos(Math.PI / 6), s = 5 * Math.sin(Math.PI / 6);
        assertArrayEquals(new double[] {5, 5}, SingularValues.of(new double[][] {{c, -s}, {s, c}}), 1e-14);
        // An outer product u vᵀ: |u| |v|, then zeros.
        assertArrayEquals(new double[] {5 * Math.sqrt(2), 0}, SingularValues.of(new double[][] {{3, 3}, {4, 4}}), 1e-14);
        assertEquals(0, SingularValues.of(new double[0][0]).length);
        assertArrayEquals(new double[] {0, 0}, SingularValues.of(new double[2][3]));
    }

    @Test
    void badMatricesAreRefused() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> SingularValues.of(new double[][] {{1, 2}, {3}}));
        assertEquals("singular values need a rectangular matrix; row 1 has 1 values, row 0 has 2", ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SingularValues.of(new double[][] {{Double.POSITIVE_INFINITY}}));
    }
}
