package io.github.fijigan.core.metrics.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Centroid, Fréchet and per-sample distances of one class, on points worked out by hand. */
class ClassDistancesTest {

    private static final float[][] REAL = {{0, 0}, {2, 0}, {0, 2}, {2, 2}};

    @Test
    void distancesToTheRealCentroid() {
        float[][] synthetic = {{4, 5}, {6, 5}};
        ClassDistances d = ClassDistances.of("circle", REAL, synthetic);
        assertEquals("circle", d.name());
        assertEquals(4, d.realCount());
        assertEquals(2, d.syntheticCount());
        // centroids (1, 1) and (5, 5)
        assertEquals(Math.sqrt(32), d.centroidDistance(), 1e-12);
        double r = Math.sqrt(2);
        assertArrayEquals(new double[] {r, r, r, r}, d.realDistances(), 1e-12);
        // (4, 5) - (1, 1) = (3, 4): 5; (6, 5) - (1, 1) = (5, 4): sqrt(41)
        assertArrayEquals(new double[] {5, Math.sqrt(41)}, d.syntheticDistances(), 1e-12);
        assertEquals(FrechetDistance.between(REAL, synthetic), d.frechetDistance(), 0);
        // Covariances: real diag(4/3, 4/3); synthetic diag(2, 0). |Δμ|² 32, traces 8/3 + 2, and
        // tr sqrt(S1^½ S2 S1^½) = sqrt(4/3 · 2).
        assertEquals(32 + 8.0 / 3 + 2 - 2 * Math.sqrt(8.0 / 3), d.frechetDistance(), 1e-12);
        assertEquals(5, d.syntheticSummary().min(), 1e-12);
        assertEquals(r, d.realSummary().median(), 1e-12);
    }

    @Test
    void tooFewSyntheticImagesLeaveTheirDistancesUndefined() {
        ClassDistances one = ClassDistances.of("square", REAL, new float[][] {{1, 1}});
        assertEquals(0, one.centroidDistance(), 1e-15);
        assertTrue(Double.isNaN(one.frechetDistance()), "a covariance needs 2 images");
        ClassDistances none = ClassDistances.of("square", REAL, new float[0][]);
        assertTrue(Double.isNaN(none.centroidDistance()));
        assertEquals(0, none.syntheticDistances().length);
        assertEquals(0, none.syntheticSummary().n());
    }
}
