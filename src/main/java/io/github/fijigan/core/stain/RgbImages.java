package io.github.fijigan.core.stain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Moves RGB images between {@link CalibratedImage} and {@link RgbPixels}, plane by plane (every
 * slice and frame of a stack is its own plane). RGB means an {@code ARGBType} image, or an 8-bit,
 * 16-bit or 32-bit float image whose C axis has 3 channels (R, G, B in that order).
 *
 * <p>Values are scaled to 8-bit units with a stated maximum, the value that means full intensity
 * (a white background): 255 for 8-bit and ARGB, 65535 for 16-bit unless stated otherwise (e.g. 4095
 * for 12-bit data), and always stated for float. Values outside [0, max] are clamped. Results come
 * back in the input's type, scaled back by max / 255, rounded (half up) for integer types; axes,
 * spatial and value calibration and the name are kept.
 *
 * <pre>{@code
 * CalibratedImage<?> he = reader.read(Path.of("slide.tif"));              // ARGB or 3 channels
 * CalibratedImage<?> out = RgbImages.map(he, RgbImages.typeMax(he), normalizer::normalize);
 * RgbPixels reference = RgbImages.stacked(he, 255);                       // all planes, for fitting
 * }</pre>
 */
public final class RgbImages {

    /** The pixel types read and written. */
    private enum Kind { ARGB, UINT8, UINT16, FLOAT32 }

    private RgbImages() {}

    /**
     * @return the full-intensity value of the image's type: 255 for ARGB and 8-bit, 65535 for 16-bit
     * @throws IllegalArgumentException for float images, which have none (state it), and non-RGB images
     */
    public static double typeMax(CalibratedImage<?> image) {
        return switch (requireRgb(image)) {
            case ARGB, UINT8 -> 255;
            case UINT16 -> 65535;
            case FLOAT32 -> throw new IllegalArgumentException("image '" + image.name() + "' is 32-bit float RGB, which has no natural "
                    + "white level; state the value that means full intensity (e.g. 1 or 255)");
        };
    }

    /**
     * Checks that an image is RGB in a supported type.
     *
     * @throws IllegalArgumentException naming the image and what it has instead
     */
    public static void checkRgb(CalibratedImage<?> image) {
        requireRgb(image);
    }

    /** @return one {@link RgbPixels} per slice and frame, in Z-then-T order */
    public static List<RgbPixels> planes(CalibratedImage<?> image, double max) {
        Kind kind = requireRgb(image);
        checkMax(image, kind, max);
        List<RgbPixels> planes = new ArrayList<>();
        for (long t = 0; t < image.size(Axis.T); t++) {
            for (long z = 0; z < image.size(Axis.Z); z++) {
                planes.add(read(image, kind, max, z, t));
            }
        }
        return planes;
    }

    /** @return all planes stacked vertically in one {@link RgbPixels}: the pixels a target is fitted to */
    public static RgbPixels stacked(CalibratedImage<?> image, double max) {
        return RgbPixels.stacked(planes(image, max));
    }

    /**
     * Applies an operation to every plane and returns the result as an image of the input's type.
     *
     * @throws IllegalArgumentException when the image is not RGB, or the operation fails on a
     *     plane; the message names the image and the plane
     */
    @SuppressWarnings("unchecked")
    public static <T> CalibratedImage<T> map(CalibratedImage<T> image, double max, UnaryOperator<RgbPixels> op) {
        Kind kind = requireRgb(image);
        checkMax(image, kind, max);
        long[] dims = image.data().dimensionsAsLongArray();
        PlanarImg<?, ? extends ArrayDataAccess<?>> out = switch (kind) {
            case ARGB -> PlanarImgs.argbs(dims);
            case UINT8 -> PlanarImgs.unsignedBytes(dims);
            case UINT16 -> PlanarImgs.unsignedShorts(dims);
            case FLOAT32 -> PlanarImgs.floats(dims);
        };
        long slices = image.size(Axis.Z), frames = image.size(Axis.T);
        for (long t = 0; t < frames; t++) {
            for (long z = 0; z < slices; z++) {
                RgbPixels in = read(image, kind, max, z, t);
                RgbPixels result;
                try {
                    result = op.apply(in);
                } catch (IllegalArgumentException e) {
                    String where = slices * frames > 1 ? " (slice " + (z + 1) + ", frame " + (t + 1) + ")" : "";
                    throw new IllegalArgumentException("image '" + image.name() + "'" + where + ": " + e.getMessage(), e);
                }
                if (result.width() != in.width() || result.height() != in.height()) {
                    throw new IllegalStateException("operation changed the plane size from " + in + " to " + result);
                }
                write(out, image, kind, max, z, t, result);
            }
        }
        return image.withData((RandomAccessibleInterval<T>) out);
    }

    private static Kind requireRgb(CalibratedImage<?> image) {
        Object type = image.data().getType();
        Kind kind = type instanceof ARGBType ? Kind.ARGB
                : type instanceof UnsignedByteType ? Kind.UINT8
                : type instanceof UnsignedShortType ? Kind.UINT16
                : type instanceof FloatType ? Kind.FLOAT32 : null;
        int channels = image.channels();
        if (channels != 3) {
            String what = channels == 1 ? "1 channel (a gray image)" : channels + " channels";
            throw new IllegalArgumentException("stain normalisation needs an RGB image (3 channels: R, G, B); image '" + image.name()
                    + "' has " + what);
        }
        if (kind == null) {
            throw new IllegalArgumentException("image '" + image.name() + "' has " + type.getClass().getSimpleName() + " pixels; stain "
                    + "normalisation reads RGB (ARGB), 8-bit, 16-bit or 32-bit float images");
        }
        return kind;
    }

    private static void checkMax(CalibratedImage<?> image, Kind kind, double max) {
        double limit = kind == Kind.UINT16 ? 65535 : kind == Kind.FLOAT32 ? Double.MAX_VALUE : 255;
        if (!(max > 0 && max <= limit)) {
            throw new IllegalArgumentException("white level (full intensity) of image '" + image.name() + "' must be in (0, " + limit
                    + "], got " + max);
        }
    }

    private static RgbPixels read(CalibratedImage<?> image, Kind kind, double max, long z, long t) {
        int width = Math.toIntExact(image.size(Axis.X)), height = Math.toIntExact(image.size(Axis.Y));
        RgbPixels p = RgbPixels.blank(width, height);
        LinearMap map = max == 255 && (kind == Kind.ARGB || kind == Kind.UINT8) ? LinearMap.IDENTITY : new LinearMap(255 / max, 0, 0, 255);
        if (kind == Kind.ARGB) {
            PlaneReader.read(image.plane(0, z, t), map, p.values(), 0);
        } else {
            for (int c = 0; c < 3; c++) {
                PlaneReader.read(image.plane(c, z, t), map, p.values(), c * p.pixelCount());
            }
        }
        return p;
    }

    private static void write(PlanarImg<?, ? extends ArrayDataAccess<?>> out, CalibratedImage<?> image, Kind kind, double max, long z, long t,
            RgbPixels p) {
        int n = p.pixelCount();
        float[] v = p.values();
        if (kind == Kind.ARGB) {
            int[] argb = (int[]) out.getPlane(planeIndex(image, 0, z, t)).getCurrentStorageArray();
            for (int i = 0; i < n; i++) {
                argb[i] = 0xff000000 | RgbPixels.to8Bit(v[i]) << 16 | RgbPixels.to8Bit(v[n + i]) << 8 | RgbPixels.to8Bit(v[2 * n + i]);
            }
            return;
        }
        float scale = (float) (max / 255);
        for (int c = 0; c < 3; c++) {
            Object plane = out.getPlane(planeIndex(image, c, z, t)).getCurrentStorageArray();
            int from = c * n;
            switch (kind) {
                case UINT8 -> {
                    byte[] b = (byte[]) plane;
                    for (int i = 0; i < n; i++) b[i] = (byte) RgbPixels.to8Bit(v[from + i]);
                }
                case UINT16 -> {
                    short[] s = (short[]) plane;
                    float top = (float) max;
                    for (int i = 0; i < n; i++) {
                        float x = Math.min(Math.max(v[from + i] * scale, 0f), top);
                        s[i] = (short) (int) (x + 0.5f);
                    }
                }
                default -> {
                    float[] f = (float[]) plane;
                    for (int i = 0; i < n; i++) f[i] = Math.min(Math.max(v[from + i], 0f), 255f) * scale;
                }
            }
        }
    }

    /** @return the index of the (X, Y) plane at (c, z, t) in a planar image with the image's dimensions */
    private static int planeIndex(CalibratedImage<?> image, long c, long z, long t) {
        long index = 0, stride = 1;
        List<Axis> axes = image.axes();
        for (int d = 2; d < axes.size(); d++) {
            Axis a = axes.get(d);
            long at = a == Axis.C ? c : a == Axis.Z ? z : t;
            index += at * stride;
            stride *= image.data().dimension(d);
        }
        return Math.toIntExact(index);
    }
}
