package io.github.fijigan.core.metrics;

import java.util.Arrays;

/**
 * The structural similarity index (Wang et al. 2004) of two images of the same size, in their own
 * units with a stated data range, computed as scikit-image's {@code structural_similarity}: the
 * mean of the SSIM map over the pixels whose window lies inside the image; for several channels
 * (RGB) the mean of the channels' SSIM, as scikit-image's {@code channel_axis} does.
 * <ul>
 *   <li>{@link #GAUSSIAN} ("ssim"), {@link #gaussian}: Gaussian weights σ = 1.5 truncated at 3.5σ
 *       (an 11×11 window), population covariances: Wang et al.'s definition
 *       ({@code gaussian_weights=True, use_sample_covariance=False}). Images need at least 11×11 pixels.
 *   <li>{@link #UNIFORM} ("ssim_uniform"), {@link #uniform}: a 7×7 uniform window with sample
 *       covariances (scikit-image's default). Images need at least 7×7 pixels.
 * </ul>
 * K1 = 0.01, K2 = 0.03. Sums are in double precision.
 *
 * <pre>{@code
 * double s = Ssim.gaussian(output, target, width, height, 255);   // 1 for identical images
 * double rgb = Ssim.GAUSSIAN.compute(reference, test, 255);       // any channel count
 * }</pre>
 */
public final class Ssim implements Metric {

    /** Wang et al.'s SSIM: Gaussian window σ 1.5, population covariances. */
    public static final Ssim GAUSSIAN = new Ssim("ssim", gaussianWindow(), 1.0);

    /** scikit-image's default SSIM: 7×7 uniform window, sample covariances. */
    public static final Ssim UNIFORM = new Ssim("ssim_uniform", uniformWindow(), 49.0 / 48.0);

    private static final double K1 = 0.01;
    private static final double K2 = 0.03;

    private final String name;
    private final double[] window;
    private final double covNorm;

    private Ssim(String name, double[] window, double covNorm) {
        this.name = name;
        this.window = window;
        this.covNorm = covNorm;
    }

    /** @return SSIM of two gray images with the Gaussian window (σ 1.5, 11×11) */
    public static double gaussian(float[] x, float[] y, int width, int height, double dataRange) {
        return GAUSSIAN.compute(MetricImage.gray(x, width, height), MetricImage.gray(y, width, height), dataRange);
    }

    /** @return SSIM of two gray images with a 7×7 uniform window and sample covariances */
    public static double uniform(float[] x, float[] y, int width, int height, double dataRange) {
        return UNIFORM.compute(MetricImage.gray(x, width, height), MetricImage.gray(y, width, height), dataRange);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double ideal() {
        return 1;
    }

    @Override
    public double compute(MetricImage reference, MetricImage test, double dataRange) {
        MetricInputs.check("SSIM", reference, test, dataRange);
        MetricInputs.minimumSize("SSIM", reference, window.length, "its " + window.length + "x" + window.length + " window");
        double sum = 0;
        for (int c = 0; c < reference.channels(); c++) {
            sum += stats(reference.channel(c), test.channel(c), reference.width(), reference.height(), dataRange)[0];
        }
        return sum / reference.channels();
    }

    /**
     * @return {mean SSIM, mean contrast-structure term} over the pixels whose window fits; the images
     *     must be at least as large as the window
     */
    double[] stats(double[] x, double[] y, int width, int height, double dataRange) {
        int r = window.length / 2;
        int n = width * height;
        double[] xx = new double[n];
        double[] yy = new double[n];
        double[] xy = new double[n];
        for (int i = 0; i < n; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] ux = filter(x, width, height);
        double[] uy = filter(y, width, height);
        double[] uxx = filter(xx, width, height);
        double[] uyy = filter(yy, width, height);
        double[] uxy = filter(xy, width, height);
        double c1 = (K1 * dataRange) * (K1 * dataRange);
        double c2 = (K2 * dataRange) * (K2 * dataRange);
        double ssim = 0;
        double cs = 0;
        for (int row = r; row < height - r; row++) {
            for (int col = r; col < width - r; col++) {
                int i = row * width + col;
                double vx = covNorm * (uxx[i] - ux[i] * ux[i]);
                double vy = covNorm * (uyy[i] - uy[i] * uy[i]);
                double vxy = covNorm * (uxy[i] - ux[i] * uy[i]);
                double contrastStructure = (2 * vxy + c2) / (vx + vy + c2);
                cs += contrastStructure;
                ssim += (2 * ux[i] * uy[i] + c1) / (ux[i] * ux[i] + uy[i] * uy[i] + c1) * contrastStructure;
            }
        }
        long count = (long) (width - 2 * r) * (height - 2 * r);
        return new double[] {ssim / count, cs / count};
    }

    /** @return the window's side in pixels */
    int windowSize() {
        return window.length;
    }

    /** Separable filtering; only the interior (where the window fits) is used, so borders stay zero. */
    private double[] filter(double[] v, int width, int height) {
        double[] w = window;
        int r = w.length / 2;
        double[] rows = new double[v.length];
        for (int row = 0; row < height; row++) {
            for (int col = r; col < width - r; col++) {
                double s = 0;
                int at = row * width + col - r;
                for (int k = 0; k < w.length; k++) {
                    s += w[k] * v[at + k];
                }
                rows[row * width + col] = s;
            }
        }
        double[] out = new double[v.length];
        for (int row = r; row < height - r; row++) {
            for (int col = r; col < width - r; col++) {
                double s = 0;
                int at = (row - r) * width + col;
                for (int k = 0; k < w.length; k++) {
                    s += w[k] * rows[at + k * width];
                }
                out[row * width + col] = s;
            }
        }
        return out;
    }

    private static double[] gaussianWindow() {
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
        return w;
    }

    private static double[] uniformWindow() {
        double[] w = new double[7];
        Arrays.fill(w, 1.0 / 7);
        return w;
    }
}
