package io.github.fijigan.core.stain;

/**
 * Macenko et al. (2009), "A method for normalizing histology slides for quantitative analysis",
 * applied to one image: its optical densities, its two stain vectors, every pixel's concentrations
 * and their 99th percentiles.
 *
 * <ol>
 *   <li>OD = −ln((I + 1) / 255) per channel ({@link OpticalDensity}).
 *   <li>Pixels with OD &lt; beta in any channel are dropped; the covariance (double sums) of the rest
 *       gives, by a symmetric eigen-decomposition, the plane of its two largest eigenvectors. The
 *       largest is signed to point into the positive octant (positive sum).
 *   <li>Each kept pixel's angle in that plane, {@code atan2(od·e₂, od·e₁)}, from the largest
 *       direction; the vectors at the alpha-th and (100 − alpha)-th percentile angles are the stains,
 *       ordered hematoxylin first (larger red component; see {@link StainVectors}). When every kept
 *       pixel has {@code od·e₁ > 0} (the usual case) the tangent {@code od·e₂ / od·e₁} stands in
 *       for the angle: it orders the pixels alike and costs a division instead of an atan2.
 *   <li>Concentrations of every pixel by least squares, {@code c = (SᵀS)⁻¹Sᵀ od}; their 99th
 *       percentiles over every pixel (background included, as the reference implementations do)
 *       are the maximum concentrations.
 * </ol>
 */
final class MacenkoFit {

    /** Fewer stained pixels than this cannot define a 3×3 covariance and two robust extremes. */
    static final int MIN_STAINED_PIXELS = 10;
    /**
     * The second eigenvalue must be at least this fraction of the largest: below it the stained
     * pixels have a single colour direction (a gray image: OD ∝ (1, 1, 1)), with no plane to find.
     */
    static final double MIN_EIGENVALUE_RATIO = 1e-4;
    /** Percentile of the concentrations taken as their maximum. */
    static final double MAX_PERCENTILE = 99;

    /** Optical densities, 3 planes of n. */
    final float[] od;
    /** Hematoxylin, then the other stain; unit vectors. */
    final double[][] stains;
    /** Concentrations, 2 planes of n in the order of {@link #stains}. */
    final float[] concentrations;
    /** 99th percentiles of the concentrations. */
    final double[] max;
    /** Pixels that passed the beta threshold. */
    final int stainedPixels;

    private MacenkoFit(float[] od, double[][] stains, float[] concentrations, double[] max, int stainedPixels) {
        this.od = od;
        this.stains = stains;
        this.concentrations = concentrations;
        this.max = max;
        this.stainedPixels = stainedPixels;
    }

    /**
     * @throws IllegalArgumentException when too few pixels are stained, the stained pixels have one
     *     colour (a gray image), or a stain is absent
     */
    static MacenkoFit fit(RgbPixels rgb, MacenkoParameters parameters) {
        return fit(rgb, parameters, false);
    }

    /** @param exactAngles use atan2 even where the tangent would do (to compare the two) */
    static MacenkoFit fit(RgbPixels rgb, MacenkoParameters parameters, boolean exactAngles) {
        int n = rgb.pixelCount();
        float[] od = OpticalDensity.of(rgb);
        float beta = (float) parameters.beta();
        double[] sum = new double[3];
        double[][] products = new double[3][3];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            float r = od[i], g = od[n + i], b = od[2 * n + i];
            if (r >= beta && g >= beta && b >= beta) {
                kept++;
                accumulate(sum, products, r, g, b);
            }
        }
        if (kept < MIN_STAINED_PIXELS) {
            throw new IllegalArgumentException("too few stained pixels: " + kept + " of " + n + " have an optical density >= " + parameters.beta()
                    + " in every channel, Macenko needs at least " + MIN_STAINED_PIXELS + " (is the image empty background?)");
        }
        double[][] cov = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                cov[i][j] = cov[j][i] = (products[i][j] - sum[i] * sum[j] / kept) / Math.max(1, kept - 1);
            }
        }
        double[][] e = new double[3][3];
        double[] values = Matrices.symmetricEigen(cov, e);
        if (!(values[1] > MIN_EIGENVALUE_RATIO * values[0])) {
            throw new IllegalArgumentException("the " + kept + " stained pixels have a single colour direction (eigenvalues " + (float) values[0]
                    + ", " + (float) values[1] + "): a gray image or one stain cannot be separated into two stains");
        }
        double[] e1 = e[0], e2 = e[1];
        if (e1[0] + e1[1] + e1[2] < 0) {
            negate(e1);
        }
        if (e2[0] < 0) {
            negate(e2);
        }
        float[] angles = new float[kept];
        double[] a, b;
        if (!exactAngles && tangents(od, n, beta, e1, e2, angles)) {
            // Every kept pixel lies on e1's side (x > 0), where the angle atan(y / x) is monotone in y / x:
            // the percentiles pick the same pixels, and the direction at tangent r is e1 + r e2.
            a = direction(e1, e2, 1, Percentiles.of(angles, kept, parameters.alpha()));
            b = direction(e1, e2, 1, Percentiles.of(angles, kept, 100 - parameters.alpha()));
        } else {
            angles(od, n, beta, e1, e2, angles);
            double low = Percentiles.of(angles, kept, parameters.alpha());
            double high = Percentiles.of(angles, kept, 100 - parameters.alpha());
            a = direction(e1, e2, Math.cos(low), Math.sin(low));
            b = direction(e1, e2, Math.cos(high), Math.sin(high));
        }
        double[][] stains = a[0] > b[0] ? new double[][] {a, b} : new double[][] {b, a};
        float[] c = concentrations(od, n, stains);
        double[] max = new double[2];
        float[] scratch = new float[n];
        for (int k = 0; k < 2; k++) {
            System.arraycopy(c, k * n, scratch, 0, n);
            max[k] = Percentiles.of(scratch, n, MAX_PERCENTILE);
            if (!(max[k] > 0)) {
                throw new IllegalArgumentException("stain " + (k == 0 ? "hematoxylin" : "2 (eosin/DAB)") + " is absent: the 99th percentile of its "
                        + "concentration is " + (float) max[k]);
            }
        }
        return new MacenkoFit(od, stains, c, max, kept);
    }

    /** @return the concentrations (2 planes of n) of OD planes for two stain vectors, by least squares */
    static float[] concentrations(float[] od, int n, double[][] stains) {
        double[][] p = Matrices.pseudoInverse(stains[0], stains[1]);
        float p00 = (float) p[0][0], p01 = (float) p[0][1], p02 = (float) p[0][2];
        float p10 = (float) p[1][0], p11 = (float) p[1][1], p12 = (float) p[1][2];
        float[] c = new float[2 * n];
        for (int i = 0; i < n; i++) {
            float r = od[i], g = od[n + i], b = od[2 * n + i];
            c[i] = p00 * r + p01 * g + p02 * b;
            c[n + i] = p10 * r + p11 * g + p12 * b;
        }
        return c;
    }

    /** @return the fitted target of this image */
    StainVectors vectors(MacenkoParameters parameters) {
        return new StainVectors(stains, max, parameters);
    }

    /**
     * Fills {@code out} with y / x of the kept pixels, (x, y) their coordinates in the (e1, e2) plane.
     *
     * @return false, leaving {@code out} partly filled, when a pixel has x ≤ 0 (the ratio is then not
     *     monotone in the angle)
     */
    private static boolean tangents(float[] od, int n, float beta, double[] e1, double[] e2, float[] out) {
        float x0 = (float) e1[0], x1 = (float) e1[1], x2 = (float) e1[2];
        float y0 = (float) e2[0], y1 = (float) e2[1], y2 = (float) e2[2];
        int j = 0;
        for (int i = 0; i < n; i++) {
            float r = od[i], g = od[n + i], b = od[2 * n + i];
            if (r >= beta && g >= beta && b >= beta) {
                float x = x0 * r + x1 * g + x2 * b;
                if (!(x > 0)) {
                    return false;
                }
                out[j++] = (y0 * r + y1 * g + y2 * b) / x;
            }
        }
        return true;
    }

    /** Fills {@code out} with the angles atan2(y, x) of the kept pixels in the (e1, e2) plane. */
    private static void angles(float[] od, int n, float beta, double[] e1, double[] e2, float[] out) {
        int j = 0;
        for (int i = 0; i < n; i++) {
            float r = od[i], g = od[n + i], b = od[2 * n + i];
            if (r >= beta && g >= beta && b >= beta) {
                double x = e1[0] * r + e1[1] * g + e1[2] * b;
                double y = e2[0] * r + e2[1] * g + e2[2] * b;
                out[j++] = (float) Math.atan2(y, x);
            }
        }
    }

    /** @return the unit vector c e1 + s e2 */
    private static double[] direction(double[] e1, double[] e2, double c, double s) {
        double[] v = {c * e1[0] + s * e2[0], c * e1[1] + s * e2[1], c * e1[2] + s * e2[2]};
        double norm = Matrices.norm(v);
        for (int i = 0; i < 3; i++) {
            v[i] /= norm;
        }
        return v;
    }

    private static void accumulate(double[] sum, double[][] products, double r, double g, double b) {
        sum[0] += r;
        sum[1] += g;
        sum[2] += b;
        products[0][0] += r * r;
        products[0][1] += r * g;
        products[0][2] += r * b;
        products[1][1] += g * g;
        products[1][2] += g * b;
        products[2][2] += b * b;
    }

    private static void negate(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
    }
}
