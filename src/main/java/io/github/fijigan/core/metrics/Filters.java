package io.github.fijigan.core.metrics;

import java.util.Arrays;

/**
 * The filtering steps of GMSD, MS-GMSD, MDSI and HaarPSI as their authors' MATLAB code does them,
 * so the metrics give the published definitions' numbers, border effects included.
 */
final class Filters {

    private static final double[] PREWITT_SMOOTH = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    private static final double[] PREWITT_DIFF = {1, 0, -1};

    private Filters() {}

    /**
     * MATLAB's {@code conv2(a, col * row, 'same')} for a separable kernel: a true convolution (the
     * kernel flipped), zeros outside the image, the output aligned so that output (y, x) takes input
     * rows {@code y + ⌊kh/2⌋ - p} for kernel row p (and likewise for columns). For even kernel sizes
     * this alignment differs from SciPy's own 'same' by one pixel.
     *
     * @param col the kernel's vertical factor (kh taps)
     * @param row the kernel's horizontal factor (kw taps)
     */
    static Plane conv2Same(Plane a, double[] col, double[] row) {
        int w = a.width();
        int h = a.height();
        int oh = col.length / 2;
        int ow = row.length / 2;
        double[] v = a.v();
        double[] tmp = new double[v.length];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int q = 0; q < row.length; q++) {
                    int xx = x + ow - q;
                    if (xx >= 0 && xx < w) {
                        s += row[q] * v[base + xx];
                    }
                }
                tmp[base + x] = s;
            }
        }
        double[] out = new double[v.length];
        for (int y = 0; y < h; y++) {
            for (int p = 0; p < col.length; p++) {
                int yy = y + oh - p;
                if (yy < 0 || yy >= h) {
                    continue;
                }
                double k = col[p];
                int from = yy * w;
                int to = y * w;
                for (int x = 0; x < w; x++) {
                    out[to + x] += k * tmp[from + x];
                }
            }
        }
        return new Plane(out, w, h);
    }

    /**
     * The authors' pre-processing: {@code conv2(a, ones(f)/f², 'same')}, then every f-th row and
     * column from the first, so a side of n pixels becomes ⌈n/f⌉ and an odd last row (for f = 2) is
     * averaged with the zeros past the edge.
     */
    static Plane subsample(Plane a, int f) {
        if (f == 1) {
            return a;
        }
        double[] mean = new double[f];
        Arrays.fill(mean, 1.0 / f);
        Plane s = conv2Same(a, mean, mean);
        int w2 = (a.width() + f - 1) / f;
        int h2 = (a.height() + f - 1) / f;
        double[] out = new double[w2 * h2];
        for (int y = 0; y < h2; y++) {
            for (int x = 0; x < w2; x++) {
                out[y * w2 + x] = s.v()[y * f * a.width() + x * f];
            }
        }
        return new Plane(out, w2, h2);
    }

    /** @return the magnitude of the Prewitt gradient ({@code [1 0 -1; 1 0 -1; 1 0 -1]/3} and its transpose, 'same', zeros outside) */
    static double[] prewittMagnitude(Plane a) {
        double[] gx = conv2Same(a, PREWITT_SMOOTH, PREWITT_DIFF).v();
        double[] gy = conv2Same(a, PREWITT_DIFF, PREWITT_SMOOTH).v();
        double[] m = new double[gx.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i]);
        }
        return m;
    }

    /** @return {@code (2 a b + c) / (a² + b² + c)} element-wise, the similarity all these metrics share */
    static double[] similarity(double[] a, double[] b, double c) {
        double[] s = new double[a.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (2 * a[i] * b[i] + c) / (a[i] * a[i] + b[i] * b[i] + c);
        }
        return s;
    }

    /** @return the population standard deviation (1/N), two passes */
    static double std(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length);
    }
}
