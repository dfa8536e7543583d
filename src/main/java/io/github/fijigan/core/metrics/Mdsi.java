package io.github.fijigan.core.metrics;

/**
 * Mean deviation similarity index (Nafchi, Shahkolaei, Hedjam and Cheriet 2016), a colour metric;
 * lower is better, 0 for identical images. A gray image is taken as the colour image R = G = B.
 *
 * <p>Following the paper and the authors' {@code MDSI.m} (summation combination, the default):
 * values rescaled to [0, 255] by {@code 255 / dataRange}; each channel averaged over f×f and
 * subsampled by f = max(1, round(min(width, height) / 256)) ({@code conv2 'same'}, every f-th pixel);
 * luminance {@code L = 0.2989 R + 0.587 G + 0.114 B} and chromaticity {@code H = 0.30 R + 0.04 G - 0.35 B},
 * {@code M = 0.34 R - 0.60 G + 0.17 B}; Prewitt gradient magnitudes of the reference, the test image
 * and their mean F; the gradient similarity {@code GS = S(r, d; C1) + S(d, F; C2) - S(r, F; C2)} with
 * {@code S(a, b; c) = (2ab + c) / (a² + b² + c)}, C1 = 140, C2 = 55; the chromaticity similarity
 * {@code CS = (2 (H_r H_d + M_r M_d) + C3) / (H_r² + H_d² + M_r² + M_d² + C3)}, C3 = 550;
 * {@code GCS = 0.6 GS + 0.4 CS}; and deviation pooling
 * {@code MDSI = (mean |GCS^¼ - mean GCS^¼|)^¼}, where GCS^¼ is the principal complex root where GCS
 * is negative (as MATLAB's power gives). Images need at least 3×3 pixels.
 *
 * <pre>{@code
 * double m = Mdsi.INSTANCE.compute(reference, test, 255);
 * }</pre>
 */
public final class Mdsi implements Metric {

    /** The metric. */
    public static final Mdsi INSTANCE = new Mdsi();

    private static final double C1 = 140;
    private static final double C2 = 55;
    private static final double C3 = 550;
    private static final double ALPHA = 0.6;
    private static final double COS45 = Math.sqrt(0.5);

    private Mdsi() {}

    @Override
    public String name() {
        return "mdsi";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double ideal() {
        return 0;
    }

    @Override
    public double compute(MetricImage reference, MetricImage test, double dataRange) {
        MetricInputs.check("MDSI", reference, test, dataRange);
        MetricInputs.grayOrRgb("MDSI", reference);
        MetricInputs.minimumSize("MDSI", reference, 3, "the 3x3 Prewitt operator");
        int f = (int) Math.max(1, Math.round(Math.min(reference.width(), reference.height()) / 256.0));
        double scale = 255 / dataRange;
        Plane[] r = rgb(reference, scale, f);
        Plane[] d = rgb(test, scale, f);
        int n = r[0].v().length;
        double[] l1 = mix(r, 0.2989, 0.5870, 0.1140);
        double[] l2 = mix(d, 0.2989, 0.5870, 0.1140);
        double[] fused = new double[n];
        for (int i = 0; i < n; i++) {
            fused[i] = 0.5 * (l1[i] + l2[i]);
        }
        int w = r[0].width();
        int h = r[0].height();
        double[] g1 = Filters.prewittMagnitude(new Plane(l1, w, h));
        double[] g2 = Filters.prewittMagnitude(new Plane(l2, w, h));
        double[] gf = Filters.prewittMagnitude(new Plane(fused, w, h));
        double[] gs12 = Filters.similarity(g1, g2, C1);
        double[] gs2f = Filters.similarity(g2, gf, C2);
        double[] gs1f = Filters.similarity(g1, gf, C2);
        double[] h1 = mix(r, 0.30, 0.04, -0.35);
        double[] h2 = mix(d, 0.30, 0.04, -0.35);
        double[] m1 = mix(r, 0.34, -0.60, 0.17);
        double[] m2 = mix(d, 0.34, -0.60, 0.17);
        double[] re = new double[n];
        double[] im = new double[n];
        double meanRe = 0;
        double meanIm = 0;
        for (int i = 0; i < n; i++) {
            double cs = (2 * (h1[i] * h2[i] + m1[i] * m2[i]) + C3)
                    / (h1[i] * h1[i] + h2[i] * h2[i] + m1[i] * m1[i] + m2[i] * m2[i] + C3);
            double gcs = ALPHA * (gs12[i] + gs2f[i] - gs1f[i]) + (1 - ALPHA) * cs;
            double root = Math.pow(Math.abs(gcs), 0.25);
            // The principal fourth root of a negative number lies at 45 degrees.
            re[i] = gcs >= 0 ? root : root * COS45;
            im[i] = gcs >= 0 ? 0 : root * COS45;
            meanRe += re[i];
            meanIm += im[i];
        }
        meanRe /= n;
        meanIm /= n;
        double deviation = 0;
        for (int i = 0; i < n; i++) {
            double dr = re[i] - meanRe;
            double di = im[i] - meanIm;
            deviation += Math.sqrt(dr * dr + di * di);
        }
        return Math.pow(deviation / n, 0.25);
    }

    /** @return R, G, B planes times {@code scale}, each averaged and subsampled by f; gray gives three equal planes */
    private static Plane[] rgb(MetricImage image, double scale, int f) {
        Plane[] out = new Plane[3];
        for (int c = 0; c < 3; c++) {
            if (c > 0 && image.channels() == 1) {
                out[c] = out[0];
                continue;
            }
            Plane p = new Plane(image.channel(c), image.width(), image.height()).times(scale);
            out[c] = Filters.subsample(p, f);
        }
        return out;
    }

    private static double[] mix(Plane[] rgb, double kr, double kg, double kb) {
        double[] r = rgb[0].v();
        double[] g = rgb[1].v();
        double[] b = rgb[2].v();
        double[] out = new double[r.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = kr * r[i] + kg * g[i] + kb * b[i];
        }
        return out;
    }
}
