package io.github.fijigan.core.metrics.synthetic;

import java.util.Arrays;

/**
 * The singular values of a real matrix in double precision, each accurate to a few ulps of the
 * largest: Householder bidiagonalisation (Golub and Kahan 1965), then the eigenvalues of the
 * 2k × 2k symmetric tridiagonal matrix with zero diagonal and off-diagonal
 * {@code α1, β1, α2, β2, …, αk}, which are exactly {@code ±σ}. Unlike the square roots of the
 * eigenvalues of {@code MMᵀ}, this keeps small singular values to an absolute error of
 * {@code ε·σmax} instead of {@code sqrt(ε)·σmax}, so a nuclear norm stays accurate when the matrix
 * is rank-deficient (as centred data always are).
 *
 * <pre>{@code
 * double[] sigma = SingularValues.of(new double[][] {{3, 0}, {0, -2}, {0, 0}});   // [3, 2]
 * double nuclear = SingularValues.nuclearNorm(matrix);
 * }</pre>
 */
public final class SingularValues {

    private SingularValues() {}

    /**
     * @param matrix m × n, rectangular, finite; not changed
     * @return the min(m, n) singular values, largest first
     * @throws IllegalArgumentException for ragged rows or a non-finite value
     */
    public static double[] of(double[][] matrix) {
        double[][] a = tall(matrix);
        int n = a.length == 0 ? 0 : a[0].length;
        if (n == 0) {
            return new double[0];
        }
        double[] alpha = new double[n];
        double[] beta = new double[n];
        bidiagonalize(a, alpha, beta);
        double[] diagonal = new double[2 * n];
        double[] offDiagonal = new double[2 * n];
        for (int k = 0; k < n; k++) {
            offDiagonal[2 * k] = alpha[k];
            offDiagonal[2 * k + 1] = beta[k];
        }
        double[] eigen = SymmetricEigen.tridiagonalEigenvalues(diagonal, offDiagonal);
        // The values come in ± pairs; averaging both halves keeps round-off symmetric.
        double[] sigma = new double[n];
        for (int k = 0; k < n; k++) {
            sigma[k] = Math.max(0, (eigen[2 * n - 1 - k] - eigen[k]) / 2);
        }
        Arrays.sort(sigma);
        for (int k = 0; k < n / 2; k++) {
            double t = sigma[k];
            sigma[k] = sigma[n - 1 - k];
            sigma[n - 1 - k] = t;
        }
        return sigma;
    }

    /** @return the sum of the singular values (trace norm) */
    public static double nuclearNorm(double[][] matrix) {
        double sum = 0;
        for (double s : of(matrix)) {
            sum += s;
        }
        return sum;
    }

    /** @return a copy with at least as many rows as columns (transposed when wide), checked */
    private static double[][] tall(double[][] matrix) {
        int m = matrix.length;
        int n = m == 0 ? 0 : matrix[0].length;
        for (int i = 0; i < m; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("singular values need a rectangular matrix; row " + i + " has "
                        + matrix[i].length + " values, row 0 has " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new IllegalArgumentException("singular values need finite values; (" + i + ", " + j + ") is " + matrix[i][j]);
                }
            }
        }
        boolean transpose = n > m;
        double[][] a = new double[transpose ? n : m][transpose ? m : n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (transpose) {
                    a[j][i] = matrix[i][j];
                } else {
                    a[i][j] = matrix[i][j];
                }
            }
        }
        return a;
    }

    /**
     * Reflections from the left zero column k below the diagonal, reflections from the right zero
     * row k beyond the superdiagonal; the singular values do not change.
     *
     * @param a m × n with m ≥ n, overwritten
     * @param alpha receives the diagonal of the bidiagonal matrix
     * @param beta receives its superdiagonal ({@code beta[n − 1] = 0})
     */
    private static void bidiagonalize(double[][] a, double[] alpha, double[] beta) {
        int m = a.length;
        int n = a[0].length;
        double[] v = new double[Math.max(m, n)];
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm = Math.hypot(norm, a[i][k]);
            }
            alpha[k] = reflector(norm, a[k][k]);
            if (norm != 0) {
                double vv = 0;
                for (int i = k; i < m; i++) {
                    v[i] = a[i][k];
                }
                v[k] -= alpha[k];
                for (int i = k; i < m; i++) {
                    vv += v[i] * v[i];
                }
                for (int j = k + 1; j < n; j++) {
                    double s = 0;
                    for (int i = k; i < m; i++) {
                        s += v[i] * a[i][j];
                    }
                    s *= 2 / vv;
                    for (int i = k; i < m; i++) {
                        a[i][j] -= s * v[i];
                    }
                }
            }
            if (k + 1 >= n) {
                continue;
            }
            norm = 0;
            for (int j = k + 1; j < n; j++) {
                norm = Math.hypot(norm, a[k][j]);
            }
            beta[k] = reflector(norm, a[k][k + 1]);
            if (norm == 0) {
                continue;
            }
            double vv = 0;
            for (int j = k + 1; j < n; j++) {
                v[j] = a[k][j];
            }
            v[k + 1] -= beta[k];
            for (int j = k + 1; j < n; j++) {
                vv += v[j] * v[j];
            }
            for (int i = k + 1; i < m; i++) {
                double s = 0;
                for (int j = k + 1; j < n; j++) {
                    s += v[j] * a[i][j];
                }
                s *= 2 / vv;
                for (int j = k + 1; j < n; j++) {
                    a[i][j] -= s * v[j];
                }
            }
        }
    }

    /** @return the value the reflected vector keeps, signed against the leading entry to avoid cancellation */
    private static double reflector(double norm, double leading) {
        return leading > 0 ? -norm : norm;
    }
}
