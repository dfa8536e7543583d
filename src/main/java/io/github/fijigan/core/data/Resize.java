package io.github.fijigan.core.data;

import java.util.Locale;
import java.util.Set;

/**
 * Brings an image to a training size, one axis at a time, in double precision.
 *
 * <p>Along an axis longer than the target:
 * <ul>
 * <li>{@code area}: each output pixel is the exact area-weighted mean of the input pixels it covers
 *     (a 4 → 2 axis averages pairs; 5 → 2 gives weights 1, 1, ½ and ½, 1, 1 over 2.5), like
 *     OpenCV's {@code INTER_AREA} and PIL's box filter. The whole image is kept; a non-square image
 *     is squeezed to the square, its aspect ratio not kept.</li>
 * <li>{@code crop}: the centre run of the target length is kept (starting at
 *     {@code (in - out) / 2}, rounded down); pixels are not resampled.</li>
 * </ul>
 * Along an axis shorter than the target, both modes upscale bilinearly with half-pixel centres and
 * edge clamping ({@code x = (j + 0.5) * in / out - 0.5}), as PyTorch's {@code interpolate(...,
 * mode="bilinear", align_corners=False)} and OpenCV's {@code INTER_LINEAR}. An axis of the target
 * length is copied as it is.
 *
 * <pre>{@code
 * float[] small = Resize.resize(pixels, 512, 384, 3, 64, 64, Resize.AREA);   // 3 planes of 64 x 64
 * }</pre>
 */
public final class Resize {

    /** Area-average downscaling of the whole image. */
    public static final String AREA = "area";
    /** Centre crop of larger axes. */
    public static final String CROP = "crop";
    /** The modes {@link #resize} knows. */
    public static final Set<String> MODES = Set.of(AREA, CROP);

    private Resize() {
    }

    /**
     * @param src {@code channels} planes of {@code width × height} floats, rows of X
     * @param mode {@link #AREA} or {@link #CROP}
     * @return {@code channels} planes of {@code outWidth × outHeight} floats (a copy even when no
     *     axis changes)
     */
    public static float[] resize(float[] src, int width, int height, int channels, int outWidth, int outHeight, String mode) {
        String m = checkMode(mode);
        if (width < 1 || height < 1 || outWidth < 1 || outHeight < 1 || channels < 1) {
            throw new IllegalArgumentException("resize needs positive sizes, got " + width + "x" + height + " -> "
                    + outWidth + "x" + outHeight + " with " + channels + " channel(s)");
        }
        if (src.length != (long) width * height * channels) {
            throw new IllegalArgumentException("resize of " + channels + " x " + width + "x" + height + " needs "
                    + (long) width * height * channels + " values, got " + src.length);
        }
        Kernel kx = Kernel.of(width, outWidth, m);
        Kernel ky = Kernel.of(height, outHeight, m);
        // X first: rows are contiguous, and the intermediate has the final width already.
        double[] rows = new double[channels * height * outWidth];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int in = (c * height + y) * width;
                int out = (c * height + y) * outWidth;
                for (int j = 0; j < outWidth; j++) {
                    double sum = 0;
                    int start = kx.start[j];
                    double[] w = kx.weights[j];
                    for (int k = 0; k < w.length; k++) {
                        sum += w[k] * src[in + start + k];
                    }
                    rows[out + j] = sum;
                }
            }
        }
        float[] dst = new float[channels * outHeight * outWidth];
        for (int c = 0; c < channels; c++) {
            for (int j = 0; j < outHeight; j++) {
                int out = (c * outHeight + j) * outWidth;
                int start = ky.start[j];
                double[] w = ky.weights[j];
                for (int x = 0; x < outWidth; x++) {
                    double sum = 0;
                    for (int k = 0; k < w.length; k++) {
                        sum += w[k] * rows[(c * height + start + k) * outWidth + x];
                    }
                    dst[out + x] = (float) sum;
                }
            }
        }
        return dst;
    }

    /** @return the mode in lower case when known */
    static String checkMode(String mode) {
        String m = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        if (!MODES.contains(m)) {
            throw new IllegalArgumentException("resize mode '" + mode + "' not understood; use area or crop");
        }
        return m;
    }

    /** The weights of one axis: output j is {@code sum_k weights[j][k] * input[start[j] + k]}. */
    private record Kernel(int[] start, double[][] weights) {

        static Kernel of(int in, int out, String mode) {
            int[] start = new int[out];
            double[][] weights = new double[out][];
            for (int j = 0; j < out; j++) {
                if (in == out) {
                    start[j] = j;
                    weights[j] = new double[] {1};
                } else if (in > out && mode.equals(CROP)) {
                    start[j] = (in - out) / 2 + j;
                    weights[j] = new double[] {1};
                } else if (in > out) {
                    area(in, out, j, start, weights);
                } else {
                    linear(in, out, j, start, weights);
                }
            }
            return new Kernel(start, weights);
        }

        /** Output j covers [j in/out, (j+1) in/out); scaled by out, the bounds are the integers j·in and (j+1)·in. */
        private static void area(int in, int out, int j, int[] start, double[][] weights) {
            long lo = (long) j * in, hi = (long) (j + 1) * in;
            int first = (int) (lo / out);
            int last = (int) ((hi - 1) / out);
            double[] w = new double[last - first + 1];
            for (int i = first; i <= last; i++) {
                long overlap = Math.min(hi, (long) (i + 1) * out) - Math.max(lo, (long) i * out);
                w[i - first] = (double) overlap / in;
            }
            start[j] = first;
            weights[j] = w;
        }

        private static void linear(int in, int out, int j, int[] start, double[][] weights) {
            double x = Math.max(0, (j + 0.5) * in / out - 0.5);
            int i0 = Math.min((int) Math.floor(x), in - 1);
            double f = x - i0;
            if (i0 + 1 >= in || f == 0) {
                start[j] = i0;
                weights[j] = new double[] {1};
            } else {
                start[j] = i0;
                weights[j] = new double[] {1 - f, f};
            }
        }
    }
}
