package io.github.fijigan.core.nn;

import java.util.SplittableRandom;

/**
 * Random orthogonal matrices as PyTorch's {@code nn.init.orthogonal_} makes them: a Gaussian matrix,
 * transposed to be tall, its QR factor {@code Q} with the signs that make {@code R}'s diagonal
 * positive (so the distribution is uniform, Haar), transposed back and scaled by the gain.
 */
final class Orthogonal {

    private Orthogonal() {}

    /**
     * @return {@code rows × cols}, row-major: orthonormal rows if {@code rows <= cols}, orthonormal
     *     columns otherwise, times {@code gain}
     */
    static double[] matrix(SplittableRandom random, int rows, int cols, double gain) {
        double[] a = WeightInit.gaussian(random, rows * cols, 0, 1);
        boolean wide = rows < cols;
        int m = wide ? cols : rows;
        int n = wide ? rows : cols;
        // Column j of the tall m×n matrix: for a wide matrix that is row j of a.
        double[][] columns = new double[n][m];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (wide) {
                    columns[i][j] = a[i * cols + j];
                } else {
                    columns[j][i] = a[i * cols + j];
                }
            }
        }
        orthonormalise(columns);
        double[] q = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                q[i * cols + j] = gain * (wide ? columns[i][j] : columns[j][i]);
            }
        }
        return q;
    }

    /**
     * Modified Gram-Schmidt, each projection done twice ("twice is enough" keeps the columns
     * orthogonal to rounding error); the result is the {@code Q} of the QR factorisation with a
     * positive diagonal in {@code R}.
     */
    private static void orthonormalise(double[][] columns) {
        for (int j = 0; j < columns.length; j++) {
            double[] c = columns[j];
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double[] q = columns[i];
                    double dot = 0;
                    for (int k = 0; k < c.length; k++) {
                        dot += q[k] * c[k];
                    }
                    for (int k = 0; k < c.length; k++) {
                        c[k] -= dot * q[k];
                    }
                }
            }
            double norm = 0;
            for (double value : c) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                throw new IllegalStateException("orthogonal initialisation drew a rank-deficient matrix");
            }
            for (int k = 0; k < c.length; k++) {
                c[k] /= norm;
            }
        }
    }
}
