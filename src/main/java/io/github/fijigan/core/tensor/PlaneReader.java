package io.github.fijigan.core.tensor;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Reads a 2D plane of any real or ARGB pixel type into floats, row by row (X fastest), applying a
 * {@link LinearMap} on the way.
 *
 * <p>Types with a fast path ({@link PixelKind}) are copied in bulk by imglib2's {@link
 * PrimitiveBlocks}, which also handles views (offsets, slices, permutations) without per-pixel
 * virtual calls; other real types go through a cursor.
 *
 * <pre>{@code
 * float[] values = PlaneReader.read(image, LinearMap.IDENTITY);   // width*height floats, 3 planes for RGB
 * }</pre>
 */
public final class PlaneReader {

    /** Pixels widened and mapped per pass, small enough to stay in the L1/L2 cache between passes. */
    private static final int CHUNK = 8192;

    private PlaneReader() {}

    /** @return the number of tensor channels a pixel of this type gives: 3 for ARGB, 1 for real types */
    public static int channels(Object type) {
        if (type instanceof ARGBType) {
            return 3;
        }
        if (type instanceof RealType) {
            return 1;
        }
        throw new IllegalArgumentException("pixel type " + type.getClass().getSimpleName() + " is neither a real type nor ARGB");
    }

    /** @return the plane's values as {@code channels * width * height} floats */
    public static <T> float[] read(RandomAccessibleInterval<T> plane, LinearMap map) {
        int n = pixelCount(plane);
        float[] dst = new float[channels(plane.getType()) * n];
        read(plane, map, dst, 0);
        return dst;
    }

    /**
     * Reads the plane into {@code dst} from {@code offset}: one block of {@code width * height}
     * floats per channel.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> void read(RandomAccessibleInterval<T> plane, LinearMap map, float[] dst, int offset) {
        int n = pixelCount(plane);
        T type = plane.getType();
        int channels = channels(type);
        if (dst.length - offset < (long) channels * n) {
            throw new IllegalArgumentException("destination holds " + (dst.length - offset) + " floats, plane needs " + (long) channels * n);
        }
        PixelKind kind = PixelKind.of(type);
        if (kind == null) {
            readGeneric((RandomAccessibleInterval<? extends RealType<?>>) plane, map, dst, offset);
            return;
        }
        Object pixels = kind.newArray(n);
        PrimitiveBlocks.of((RandomAccessibleInterval<NativeType>) (RandomAccessibleInterval) plane, PrimitiveBlocks.OnFallback.ACCEPT)
                .copy(plane, pixels);
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            kind.widen(pixels, start, dst, offset + start, len, n);
            for (int c = 0; c < channels; c++) {
                apply(map, dst, offset + c * n + start, len);
            }
        }
    }

    /** Applies the map in place to {@code len} floats from {@code from}. */
    static void apply(LinearMap map, float[] v, int from, int len) {
        if (map.isIdentity()) {
            return;
        }
        double a = map.scale(), b = map.offset();
        int end = from + len;
        if (!map.clamps()) {
            for (int i = from; i < end; i++) v[i] = (float) (a * v[i] + b);
        } else {
            double lo = map.lower(), hi = map.upper();
            for (int i = from; i < end; i++) v[i] = (float) PixelKind.clamp(a * v[i] + b, lo, hi);
        }
    }

    private static void readGeneric(RandomAccessibleInterval<? extends RealType<?>> plane, LinearMap map, float[] dst, int offset) {
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(plane).cursor();
        int i = offset;
        boolean identity = map.isIdentity();
        while (cursor.hasNext()) {
            double v = cursor.next().getRealDouble();
            dst[i++] = (float) (identity ? v : map.apply(v));
        }
    }

    /** @return width * height of a 2D interval, refusing other dimensionalities and sizes past 2^31 */
    static int pixelCount(RandomAccessibleInterval<?> plane) {
        if (plane.numDimensions() != 2) {
            throw new IllegalArgumentException("expected a 2D plane (X, Y), got " + plane.numDimensions() + " dimensions");
        }
        long n = plane.dimension(0) * plane.dimension(1);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("plane of " + plane.dimension(0) + "x" + plane.dimension(1)
                    + " pixels is too large for one tensor; tile it");
        }
        return (int) n;
    }
}
