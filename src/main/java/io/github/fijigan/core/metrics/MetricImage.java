package io.github.fijigan.core.metrics;

import java.util.Objects;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;

/**
 * A 2D image as the metrics see it: width × height pixels, one or more channels stored one after
 * the other (C blocks of rows of X), values in the image's own units as floats. Gray images have 1
 * channel, RGB images 3 (R, G, B).
 *
 * <pre>{@code
 * MetricImage a = MetricImage.gray(pixels, 181, 217);
 * MetricImage b = MetricImage.of(reader.read(Path.of("out/slice.tif")));   // physical units, e.g. HU
 * double psnr = MetricRegistry.get("psnr").compute(a, b, 255);
 * }</pre>
 */
public final class MetricImage {

    private final int width;
    private final int height;
    private final int channels;
    private final float[] values;

    private MetricImage(int width, int height, int channels, float[] values) {
        if (width < 1 || height < 1 || channels < 1) {
            throw new IllegalArgumentException("image needs at least 1x1 pixels and 1 channel, got " + width + "x" + height + "x" + channels);
        }
        if (values.length != (long) width * height * channels) {
            throw new IllegalArgumentException(width + "x" + height + " pixels with " + channels + " channel(s) need "
                    + (long) width * height * channels + " values, got " + values.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.values = values;
    }

    /** @return a gray image over {@code values} (row by row; not copied) */
    public static MetricImage gray(float[] values, int width, int height) {
        return new MetricImage(width, height, 1, Objects.requireNonNull(values, "values"));
    }

    /** @return an image over channel-planar {@code values}: C blocks of width × height (not copied) */
    public static MetricImage of(float[] values, int width, int height, int channels) {
        return new MetricImage(width, height, channels, Objects.requireNonNull(values, "values"));
    }

    /**
     * The pixels of a 2D image in physical units (its value calibration applied, e.g. HU for CT): one
     * channel per C index, three (R, G, B) for ARGB pixels.
     *
     * @throws IllegalArgumentException when the image has more than one slice or frame, or its pixel
     *     type is neither real nor ARGB
     */
    public static MetricImage of(CalibratedImage<?> image) {
        long z = image.size(Axis.Z);
        long t = image.size(Axis.T);
        if (z * t != 1) {
            throw new IllegalArgumentException(label(image) + " has " + z + " slice(s) and " + t
                    + " frame(s); the metrics compare 2D images (one plane per channel)");
        }
        int perPixel = PlaneReader.channels(image.data().getType());
        int width = Math.toIntExact(image.size(Axis.X));
        int height = Math.toIntExact(image.size(Axis.Y));
        int plane = Math.multiplyExact(width, height);
        ValueCalibration vc = image.valueCalibration();
        LinearMap toPhysical = vc.isIdentity() ? LinearMap.IDENTITY : LinearMap.of(vc.slope(), vc.intercept());
        int channels = image.channels();
        float[] values = new float[Math.multiplyExact(channels, plane)];
        for (long c = 0; c < image.size(Axis.C); c++) {
            PlaneReader.read(image.plane(c, 0, 0), toPhysical, values, Math.toIntExact(c * perPixel * plane));
        }
        return new MetricImage(width, height, channels, values);
    }

    private static String label(CalibratedImage<?> image) {
        return image.name().isEmpty() ? "the image" : image.name();
    }

    /** @return pixels along X */
    public int width() {
        return width;
    }

    /** @return pixels along Y */
    public int height() {
        return height;
    }

    /** @return 1 for gray, 3 for RGB */
    public int channels() {
        return channels;
    }

    /** @return the values, channel-planar; the array itself, not a copy */
    public float[] values() {
        return values;
    }

    /** @return width × height */
    public int pixels() {
        return width * height;
    }

    /** @return one channel as doubles (a new array) */
    public double[] channel(int c) {
        if (c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException("channel " + c + " of an image with " + channels);
        }
        int n = pixels();
        double[] out = new double[n];
        for (int i = 0, j = c * n; i < n; i++, j++) {
            out[i] = values[j];
        }
        return out;
    }

    /**
     * The weighted sum {@code kr R + kg G + kb B} of an RGB image's channels (a new array).
     *
     * @throws IllegalStateException when the image is not RGB
     */
    public double[] mix(double kr, double kg, double kb) {
        if (channels != 3) {
            throw new IllegalStateException("mixing R, G, B needs 3 channels, this image has " + channels);
        }
        int n = pixels();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = kr * values[i] + kg * values[n + i] + kb * values[2 * n + i];
        }
        return out;
    }

    /** @return the index in {@link #values()} of the first NaN or infinite value, or -1 when all are finite */
    public int firstNonFinite() {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** @return "x=…, y=…, channel …" of an index into {@link #values()} */
    public String position(int index) {
        int n = pixels();
        int c = index / n;
        int i = index % n;
        return "x=" + (i % width) + ", y=" + (i / width) + (channels > 1 ? ", channel " + c : "");
    }

    @Override
    public String toString() {
        return "MetricImage[" + width + "x" + height + ", " + channels + " channel(s)]";
    }
}
