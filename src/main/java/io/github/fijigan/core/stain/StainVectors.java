package io.github.fijigan.core.stain;

import java.util.Arrays;

/**
 * Macenko's target: the two stains' unit vectors in optical-density space and the 99th percentiles
 * of their concentrations. Together the vectors are the 3×2 stain matrix; here they are its
 * columns, one array each, in R, G, B order.
 *
 * <p>Order: stain 0 is hematoxylin, the vector with the larger red component (hematoxylin is blue
 * to purple, so it absorbs red more than eosin, which is pink, or DAB, which is brown); stain 1 is
 * the other one (eosin in H&amp;E, DAB in an IHC image with hematoxylin counterstain). This is the
 * convention of Macenko's reference implementations.
 *
 * @param stains 2 unit vectors of 3 optical densities (R, G, B): hematoxylin, then the other stain
 * @param maxConcentrations the 99th percentile of each stain's concentration over the image's
 *     pixels, each positive
 * @param parameters how the vectors were found; the same parameters fit a source image
 */
public record StainVectors(double[][] stains, double[] maxConcentrations, MacenkoParameters parameters) {

    /** How far from 1 a stored vector's length may be. */
    static final double UNIT_TOLERANCE = 1e-3;

    public StainVectors {
        if (stains == null || stains.length != 2) {
            throw new IllegalArgumentException("the stain matrix needs 2 stain vectors, got " + (stains == null ? "none" : stains.length));
        }
        double[][] copy = new double[2][];
        for (int k = 0; k < 2; k++) {
            double[] s = stains[k];
            if (s == null || s.length != 3 || !Double.isFinite(s[0] + s[1] + s[2])) {
                throw new IllegalArgumentException("stain vector " + k + " needs 3 finite optical densities (R, G, B), got "
                        + Arrays.toString(s));
            }
            if (Math.abs(Matrices.norm(s) - 1) > UNIT_TOLERANCE) {
                throw new IllegalArgumentException("stain vector " + k + " " + Arrays.toString(s) + " must have length 1, has "
                        + Matrices.norm(s));
            }
            copy[k] = s.clone();
        }
        stains = copy;
        if (maxConcentrations == null || maxConcentrations.length != 2) {
            throw new IllegalArgumentException("need 2 maximum concentrations, got " + Arrays.toString(maxConcentrations));
        }
        for (double m : maxConcentrations) {
            if (!(m > 0 && Double.isFinite(m))) {
                throw new IllegalArgumentException("maximum concentrations must be positive and finite, got " + Arrays.toString(maxConcentrations));
            }
        }
        maxConcentrations = maxConcentrations.clone();
        if (parameters == null) {
            throw new IllegalArgumentException("stain vectors need the Macenko parameters they were found with");
        }
        Matrices.pseudoInverse(stains[0], stains[1]);
    }

    @Override
    public double[][] stains() {
        return new double[][] {stains[0].clone(), stains[1].clone()};
    }

    /** @return stain {@code k}'s unit vector (0 hematoxylin, 1 the other) */
    public double[] stain(int k) {
        return stains[k].clone();
    }

    @Override
    public double[] maxConcentrations() {
        return maxConcentrations.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StainVectors v && Arrays.deepEquals(v.stains, stains) && Arrays.equals(v.maxConcentrations, maxConcentrations)
                && v.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(stains) + Arrays.hashCode(maxConcentrations)) + parameters.hashCode();
    }

    @Override
    public String toString() {
        return "StainVectors[hematoxylin=" + Arrays.toString(stains[0]) + ", other=" + Arrays.toString(stains[1]) + ", max="
                + Arrays.toString(maxConcentrations) + ", " + parameters + "]";
    }
}
