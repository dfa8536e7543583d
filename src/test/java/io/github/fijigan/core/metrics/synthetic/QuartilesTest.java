package io.github.fijigan.core.metrics.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Quartiles as NumPy's percentile (linear) gives them, worked out by hand, and Tukey's whiskers. */
class QuartilesTest {

    @Test
    void tenValuesWithAnOutlier() {
        // sorted 1..9, 30; positions 0.25 * 9 = 2.25, 4.5, 6.75
        Quartiles q = Quartiles.of(new double[] {30, 9, 1, 8, 2, 7, 3, 6, 4, 5});
        assertEquals(10, q.n());
        assertEquals(3.25, q.q1(), 1e-15);
        assertEquals(5.5, q.median(), 1e-15);
        assertEquals(7.75, q.q3(), 1e-15);
        assertEquals(1, q.min());
        assertEquals(30, q.max());
        // IQR 4.5: fences -3.5 and 14.5
        assertEquals(1, q.lowWhisker());
        assertEquals(9, q.highWhisker());
        assertTrue(q.isOutlier(30));
        assertFalse(q.isOutlier(9));
        assertEquals(7.5, q.mean(), 1e-15);
    }

    @Test
    void oddCountsSingleValuesAndNonFiniteValues() {
        Quartiles five = Quartiles.of(new double[] {10, 14, 12, 11, 13, Double.NaN});
        assertEquals(5, five.n());
        assertEquals(11, five.q1());
        assertEquals(12, five.median());
        assertEquals(13, five.q3());
        Quartiles one = Quartiles.of(new double[] {4});
        assertEquals(4, one.q1());
        assertEquals(4, one.highWhisker());
        assertEquals(Quartiles.EMPTY, Quartiles.of(new double[] {Double.NaN}));
        assertTrue(Double.isNaN(Quartiles.of(new double[0]).median()));
    }
}
