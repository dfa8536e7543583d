package io.github.fijigan.core.stain;

import java.util.Arrays;
import java.util.List;

/**
 * One RGB plane as three float planes in 8-bit units (0 = black, 255 = full intensity), the form
 * every stain method works on: {@code values[c * n + y * width + x]} for channel c (0 R, 1 G, 2 B)
 * and n = width × height pixels. Values need not be whole numbers (16-bit and float images are
 * scaled to this range by {@link RgbImages}); the methods round only when an 8-bit image is made.
 *
 * <p>The array is shared, not copied: a method that makes a new image returns a new instance.
 *
 * <pre>{@code
 * RgbPixels rgb = RgbPixels.fromInterleaved(width, height, bytes);   // R, G, B, R, G, B, ...
 * RgbPixels out = new Reinhard(target).normalize(rgb);
 * byte[] png = out.toInterleaved();
 * }</pre>
 */
public final class RgbPixels {

    private final int width;
    private final int height;
    private final float[] values;

    /**
     * @param values 3 × width × height values: the red plane, then green, then blue, each row by row
     * @throws IllegalArgumentException when the size is not positive or the array has the wrong length
     */
    public RgbPixels(int width, int height, float[] values) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("RGB image of " + width + "x" + height + " pixels: it is empty");
        }
        long n = (long) width * height;
        if (3 * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("RGB image of " + width + "x" + height + " pixels is too large for one plane; tile it");
        }
        if (values.length != 3 * n) {
            throw new IllegalArgumentException("RGB image of " + width + "x" + height + " needs " + 3 * n + " values, got " + values.length);
        }
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /** @return a black image of this size, to be filled */
    public static RgbPixels blank(int width, int height) {
        return new RgbPixels(width, height, new float[Math.multiplyExact(3, Math.multiplyExact(width, height))]);
    }

    /** @return the image of 8-bit pixels stored interleaved (R, G, B of the first pixel, then the next, row by row) */
    public static RgbPixels fromInterleaved(int width, int height, byte[] rgb) {
        RgbPixels p = blank(width, height);
        int n = p.pixelCount();
        if (rgb.length != 3 * n) {
            throw new IllegalArgumentException(width + "x" + height + " interleaved RGB needs " + 3 * n + " bytes, got " + rgb.length);
        }
        for (int i = 0; i < n; i++) {
            p.values[i] = rgb[3 * i] & 0xff;
            p.values[n + i] = rgb[3 * i + 1] & 0xff;
            p.values[2 * n + i] = rgb[3 * i + 2] & 0xff;
        }
        return p;
    }

    /** @return the pixels rounded (half up) and clamped to 8 bits, interleaved R, G, B */
    public byte[] toInterleaved() {
        int n = pixelCount();
        byte[] rgb = new byte[3 * n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                rgb[3 * i + c] = (byte) to8Bit(values[c * n + i]);
            }
        }
        return rgb;
    }

    /** @return {@code v} rounded half up and clamped to 0..255 (NaN gives 0) */
    static int to8Bit(float v) {
        return v >= 255f ? 255 : v > 0f ? (int) (v + 0.5f) : 0;
    }

    /** @return a copy whose values are rounded (half up) and clamped to 0..255, as an 8-bit image would store them */
    public RgbPixels rounded() {
        float[] r = new float[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = to8Bit(values[i]);
        }
        return new RgbPixels(width, height, r);
    }

    /** @return the gray version 0.2125 R + 0.7154 G + 0.0721 B (scikit-image's {@code rgb2gray} weights), in 8-bit units */
    public float[] gray() {
        int n = pixelCount();
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = 0.2125f * values[i] + 0.7154f * values[n + i] + 0.0721f * values[2 * n + i];
        }
        return g;
    }

    /** @return the image width in pixels */
    public int width() {
        return width;
    }

    /** @return the image height in pixels */
    public int height() {
        return height;
    }

    /** @return width × height */
    public int pixelCount() {
        return width * height;
    }

    /** @return the value of channel {@code c} (0 R, 1 G, 2 B) at (x, y) */
    public float get(int c, int x, int y) {
        return values[c * pixelCount() + y * width + x];
    }

    /** @return the three planes in one array, shared with this object (not a copy) */
    public float[] values() {
        return values;
    }

    /** @return planes stacked vertically into one image of the same width, e.g. the slices of a stack for fitting one target */
    public static RgbPixels stacked(List<RgbPixels> planes) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("no RGB planes to stack");
        }
        int width = planes.get(0).width;
        int height = 0;
        for (RgbPixels p : planes) {
            if (p.width != width) {
                throw new IllegalArgumentException("planes to stack must share one width: " + width + " and " + p.width);
            }
            height = Math.addExact(height, p.height);
        }
        if (planes.size() == 1) {
            return planes.get(0);
        }
        RgbPixels out = blank(width, height);
        int n = out.pixelCount();
        int at = 0;
        for (RgbPixels p : planes) {
            int m = p.pixelCount();
            for (int c = 0; c < 3; c++) {
                System.arraycopy(p.values, c * m, out.values, c * n + at, m);
            }
            at += m;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbPixels p && p.width == width && p.height == height && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "RgbPixels[" + width + "x" + height + "]";
    }
}
