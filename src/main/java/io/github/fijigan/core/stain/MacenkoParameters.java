package io.github.fijigan.core.stain;

/**
 * The two choices of Macenko et al. (2009) that decide which pixels and angles define the stains.
 *
 * @param beta pixels with an optical density below beta in any channel are left out of the fit
 *     (too transparent to show a stain's direction); 0.15 in the paper
 * @param alpha the robust extreme angles are the alpha-th and (100 − alpha)-th percentiles; 1 in
 *     the paper
 */
public record MacenkoParameters(double beta, double alpha) {

    /** beta = 0.15, alpha = 1, as in the paper. */
    public static final MacenkoParameters DEFAULTS = new MacenkoParameters(0.15, 1);

    public MacenkoParameters {
        if (!(beta >= 0 && beta < 5)) {
            throw new IllegalArgumentException("Macenko beta (optical density threshold) must be in [0, 5), got " + beta);
        }
        if (!(alpha >= 0 && alpha < 50)) {
            throw new IllegalArgumentException("Macenko alpha (percentile of the extreme angles) must be in [0, 50), got " + alpha);
        }
    }
}
