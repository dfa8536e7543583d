package io.github.fijigan.core.stain;

import java.util.Arrays;

/** The small dense linear algebra the stain methods need, in double precision. */
final class Matrices {

    private Matrices() {}

    /** @return the inverse of a 3×3 matrix by cofactors */
    static double[][] inverse3(double[][] m) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (i + 1) % 3, i2 = (i + 2) % 3, j1 = (j + 1) % 3, j2 = (j + 2) % 3;
                // cofactor of (j, i): the adjugate is the transposed cofactor matrix
                c[i][j] = m[j1][i1] * m[j2][i2] - m[j1][i2] * m[j2][i1];
            }
        }
        double det = m[0][0] * c[0][0] + m[0][1] * c[1][0] + m[0][2] * c[2][0];
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("3x3 matrix is singular");
        }
        for (double[] row : c) {
            for (int j = 0; j < 3; j++) {
                row[j] /= det;
            }
        }
        return c;
    }

    /**
     * Eigen-decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations.
     *
     * @param a the matrix (only read)
     * @param vectors receives the unit eigenvectors as rows, in the order of the returned values
     * @return the eigenvalues, largest first
     */
    static double[] symmetricEigen(double[][] a, double[][] vectors) {
        double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int sweep = 0; sweep < 64; sweep++) {
            double off = m[0][1] * m[0][1] + m[0][2] * m[0][2] + m[1][2] * m[1][2];
            double diag = m[0][0] * m[0][0] + m[1][1] * m[1][1] + m[2][2] * m[2][2];
            if (off <= 1e-30 * diag || off == 0) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    rotate(m, v, p, q);
                }
            }
        }
        Integer[] order = {0, 1, 2};
        Arrays.sort(order, (x, y) -> Double.compare(m[y][y], m[x][x]));
        double[] values = new double[3];
        for (int k = 0; k < 3; k++) {
            int c = order[k];
            values[k] = m[c][c];
            for (int i = 0; i < 3; i++) {
                vectors[k][i] = v[i][c];
            }
        }
        return values;
    }

    /** One Jacobi rotation zeroing m[p][q]; v's columns accumulate the eigenvectors. */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        if (m[p][q] == 0) {
            return;
        }
        double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < 3; k++) {
            double mkp = m[k][p], mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < 3; k++) {
            double mpk = m[p][k], mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
        for (int k = 0; k < 3; k++) {
            double vkp = v[k][p], vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    /**
     * The least-squares solver of {@code od ≈ c0 s0 + c1 s1} for two vectors in R³: the 2×3 matrix
     * (SᵀS)⁻¹Sᵀ, where S has s0 and s1 as columns.
     *
     * @throws IllegalArgumentException when the vectors are (nearly) parallel
     */
    static double[][] pseudoInverse(double[] s0, double[] s1) {
        double a = dot(s0, s0), b = dot(s0, s1), d = dot(s1, s1);
        double det = a * d - b * b;
        if (!(det > 1e-12 * a * d)) {
            throw new IllegalArgumentException("the two stain vectors are parallel; they cannot separate two stains");
        }
        double[][] p = new double[2][3];
        for (int i = 0; i < 3; i++) {
            p[0][i] = (d * s0[i] - b * s1[i]) / det;
            p[1][i] = (a * s1[i] - b * s0[i]) / det;
        }
        return p;
    }

    static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }

    static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }
}
