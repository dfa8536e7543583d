package io.github.fijigan.core.metrics.synthetic;

import java.util.Arrays;

/**
 * The eigenvalues of a real symmetric matrix in double precision: Householder reduction to
 * tridiagonal form, then the implicit QL iteration with Wilkinson-like shifts. About
 * {@code 4/3 n³ + O(n²)} operations, so a 1000 × 1000 matrix takes about a second; the values are
 * accurate to a few units of {@code 2^-52 · max |λ|} each.
 *
 * <pre>{@code
 * double[] values = SymmetricEigen.eigenvalues(new double[][] {{2, 1}, {1, 2}});   // [1, 3]
 * }</pre>
 */
public final class SymmetricEigen {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_ITERATIONS = 64;

    private SymmetricEigen() {}

    /**
     * @param symmetric an n × n matrix; only its lower triangle is read, and it is not changed
     * @return the n eigenvalues in ascending order
     * @throws IllegalArgumentException when the matrix is not square or holds a non-finite value
     * @throws ArithmeticException when the iteration does not converge (not seen for finite input)
     */
    public static double[] eigenvalues(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (symmetric[i].length != n) {
                throw new IllegalArgumentException("eigenvalues need a square matrix; row " + i + " of " + n + " has "
                        + symmetric[i].length + " values");
            }
            a[i] = new double[n];
            for (int j = 0; j <= i; j++) {
                double v = symmetric[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("eigenvalues need finite values; (" + i + ", " + j + ") is " + v);
                }
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        double[] diagonal = new double[n];
        double[] offDiagonal = new double[n];
        tridiagonalize(a, diagonal, offDiagonal);
        return tridiagonalEigenvalues(diagonal, offDiagonal);
    }

    /**
     * @param diagonal the n diagonal values (overwritten)
     * @param offDiagonal {@code e[i] = T(i + 1, i)} for i &lt; n − 1; {@code e[n − 1]} unused (overwritten)
     * @return the eigenvalues of the symmetric tridiagonal matrix, ascending ({@code diagonal} itself)
     */
    static double[] tridiagonalEigenvalues(double[] diagonal, double[] offDiagonal) {
        if (diagonal.length > 0) {
            offDiagonal[diagonal.length - 1] = 0;
        }
        double norm = 0;
        for (int i = 0; i < diagonal.length; i++) {
            norm = Math.max(norm, Math.abs(diagonal[i]) + Math.abs(offDiagonal[i]) + (i > 0 ? Math.abs(offDiagonal[i - 1]) : 0));
        }
        ql(diagonal, offDiagonal, norm);
        Arrays.sort(diagonal);
        return diagonal;
    }

    /**
     * Householder reflections {@code H = I - β v vᵀ} zero column k below the subdiagonal, applied
     * to both sides of the trailing block, which keeps the eigenvalues.
     *
     * @param offDiagonal receives {@code e[i] = T(i + 1, i)}; {@code e[n - 1] = 0}
     */
    private static void tridiagonalize(double[][] a, double[] diagonal, double[] offDiagonal) {
        int n = a.length;
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double norm = 0;
            for (int i = k + 1; i < n; i++) {
                norm = Math.hypot(norm, a[i][k]);
            }
            if (norm == 0) {
                continue;
            }
            // The sign opposite to the leading entry keeps v's first entry away from cancellation.
            double alpha = a[k + 1][k] > 0 ? -norm : norm;
            double vv = 0;
            for (int i = k + 1; i < n; i++) {
                v[i] = a[i][k];
            }
            v[k + 1] -= alpha;
            for (int i = k + 1; i < n; i++) {
                vv += v[i] * v[i];
            }
            double beta = 2 / vv;
            double vp = 0;
            for (int i = k + 1; i < n; i++) {
                double s = 0;
                for (int j = k + 1; j < n; j++) {
                    s += a[i][j] * v[j];
                }
                p[i] = beta * s;
                vp += v[i] * p[i];
            }
            double half = beta * vp / 2;
            for (int i = k + 1; i < n; i++) {
                p[i] -= half * v[i];
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < n; j++) {
                    a[i][j] -= v[i] * p[j] + p[i] * v[j];
                }
            }
            a[k + 1][k] = alpha;
            a[k][k + 1] = alpha;
            for (int i = k + 2; i < n; i++) {
                a[i][k] = 0;
                a[k][i] = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            diagonal[i] = a[i][i];
            offDiagonal[i] = i + 1 < n ? a[i + 1][i] : 0;
        }
    }

    /**
     * Implicit QL on a symmetric tridiagonal matrix: for each l, sweeps of plane rotations from the
     * first negligible off-diagonal m back to l, shifted by the eigenvalue of the leading 2 × 2
     * block nearer to d[l], until e[l] is negligible: below an ulp of its neighbours, or of the
     * matrix's norm (which bounds the change to every eigenvalue by an ulp of the largest, and ends
     * the iteration where zero diagonals give no neighbour to compare with). The eigenvalues end up
     * in {@code d}.
     */
    private static void ql(double[] d, double[] e, double norm) {
        double negligible = EPS * norm;
        int n = d.length;
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            while (true) {
                int m = l;
                while (m < n - 1 && Math.abs(e[m]) > EPS * (Math.abs(d[m]) + Math.abs(d[m + 1])) && Math.abs(e[m]) > negligible) {
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++iterations > MAX_ITERATIONS) {
                    throw new ArithmeticException("symmetric eigenvalues: no convergence at row " + l + " after "
                            + MAX_ITERATIONS + " QL iterations");
                }
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                boolean underflow = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        // The rotation is undefined: deflate here and start the sweep again.
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
    }
}
