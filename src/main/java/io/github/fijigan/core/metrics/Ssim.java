package io.github.fijigan.core.metrics;

import java.util.Arrays;

/**
 * The structural similarity index (Wang et al. 2004) of two gray images of the same size, in their
 * own units with a stated data range, computed as scikit-image's {@code structural_similarity}: the
 * mean of the SSIM map over the pixels whose window lies inside the image.
 * <ul>
 *   <li>{@link #gaussian}: Gaussian weights σ = 1.5 truncated at 3.5σ (an 11×11 window), population
 *       covariances: Wang et al.'s definition ({@code gaussian_weights=True,
 *       use_sample_covariance=False}).
 *   <li>{@link #uniform}: a 7×7 uniform window with sample covariances (scikit-image's default).
 * </ul>
 * K1 = 0.01, K2 = 0.03. Sums are in double precision.
 *
 * <pre>{@code
 * double s = Ssim.gaussian(output, target, width, height, 255);   // 1 for identical images
 * }</pre>
 */
public final class Ssim {

    private static final double K1 = 0.01;
    private static final double K2 = 0.03;

    private Ssim() {}

    /** @return SSIM with the Gaussian window (σ 1.5, 11×11) */
    public static double gaussian(float[] x, float[] y, int width, int height, double dataRange) {
        double sigma = 1.5;
        int radius = (int) (3.5 * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            w[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += w[i + radius];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return mean(x, y, width, height, dataRange, w, 1.0);
    }

    /** @return SSIM with a 7×7 uniform window and sample covariances */
    public static double uniform(float[] x, float[] y, int width, int height, double dataRange) {
        double[] w = new double[7];
        Arrays.fill(w, 1.0 / 7);
        double n = 49;
        return mean(x, y, width, height, dataRange, w, n / (n - 1));
    }

    private static double mean(float[] x, float[] y, int width, int height, double dataRange, double[] window, double covNorm) {
        check(x, y, width, height, dataRange, window.length);
        int r = window.length / 2;
        int n = width * height;
        double[] xd = new double[n];
        double[] yd = new double[n];
        double[] xx = new double[n];
        double[] yy = new double[n];
        double[] xy = new double[n];
        for (int i = 0; i < n; i++) {
            xd[i] = x[i];
            yd[i] = y[i];
            xx[i] = xd[i] * xd[i];
            yy[i] = yd[i] * yd[i];
            xy[i] = xd[i] * yd[i];
        }
        double[] ux = filter(xd, width, height, window);
        double[] uy = filter(yd, width, height, window);
        double[] uxx = filter(xx, width, height, window);
        double[] uyy = filter(yy, width, height, window);
        double[] uxy = filter(xy, width, height, window);
        double c1 = (K1 * dataRange) * (K1 * dataRange);
        double c2 = (K2 * dataRange) * (K2 * dataRange);
        double total = 0;
        long count = 0;
        for (int row = r; row < height - r; row++) {
            for (int col = r; col < width - r; col++) {
                int i = row * width + col;
                double vx = covNorm * (uxx[i] - ux[i] * ux[i]);
                double vy = covNorm * (uyy[i] - uy[i] * uy[i]);
                double vxy = covNorm * (uxy[i] - ux[i] * uy[i]);
                total += (2 * ux[i] * uy[i] + c1) * (2 * vxy + c2) / ((ux[i] * ux[i] + uy[i] * uy[i] + c1) * (vx + vy + c2));
                count++;
            }
        }
        return total / count;
    }

    /** Separable filtering; only the interior (where the window fits) is used, so borders stay zero. */
    private static double[] filter(double[] v, int width, int height, double[] w) {
        int r = w.length / 2;
        double[] rows = new double[v.length];
        for (int row = 0; row < height; row++) {
            for (int col = r; col < width - r; col++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    s += w[k + r] * v[row * width + col + k];
                }
                rows[row * width + col] = s;
            }
        }
        double[] out = new double[v.length];
        for (int row = r; row < height - r; row++) {
            for (int col = r; col < width - r; col++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    s += w[k + r] * rows[(row + k) * width + col];
                }
                out[row * width + col] = s;
            }
        }
        return out;
    }

    private static void check(float[] x, float[] y, int width, int height, double dataRange, int window) {
        if (x.length != (long) width * height || y.length != x.length) {
            throw new IllegalArgumentException("SSIM needs two images of " + width + "x" + height + " pixels, got " + x.length + " and "
                    + y.length + " values");
        }
        if (width < window || height < window) {
            throw new IllegalArgumentException("SSIM's " + window + "x" + window + " window does not fit in a " + width + "x" + height
                    + " image");
        }
        if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("SSIM needs a positive data range, got " + dataRange);
        }
        for (int i = 0; i < x.length; i++) {
            if (Float.isNaN(x[i]) || Float.isNaN(y[i])) {
                throw new IllegalArgumentException("SSIM of images with NaN at pixel " + i);
            }
        }
    }
}
