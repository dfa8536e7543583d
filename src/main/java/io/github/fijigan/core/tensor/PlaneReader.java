package io.github.fijigan.core.tensor;

import java.nio.FloatBuffer;

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
 * virtual calls, a few rows at a time so that the widened values are still in cache when the map
 * and the copy to the destination touch them; other real types go through a cursor.
 *
 * <pre>{@code
 * float[] values = PlaneReader.read(image, LinearMap.IDENTITY);   // width*height floats, 3 planes for RGB
 * }</pre>
 */
public final class PlaneReader {

    /** Pixels per chunk: 16 Ki floats (64 KiB) stay in L2 between the passes over them. */
    static final int CHUNK = 1 << 14;

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
        float[] dst = new float[channels(plane.getType()) * pixelCount(plane)];
        read(plane, map, dst, 0);
        return dst;
    }

    /** Reads the plane into {@code dst} from {@code offset}: one block of width × height floats per channel. */
    public static <T> void read(RandomAccessibleInterval<T> plane, LinearMap map, float[] dst, int offset) {
        checkRoom(plane, dst.length - offset);
        read(plane, map, (at, src, from, len) -> System.arraycopy(src, from, dst, offset + at, len));
    }

    /** Reads the plane into {@code dst} from {@code offset} (absolute positions; the buffer's position is left alone). */
    public static <T> void read(RandomAccessibleInterval<T> plane, LinearMap map, FloatBuffer dst, int offset) {
        checkRoom(plane, dst.capacity() - offset);
        read(plane, map, (at, src, from, len) -> dst.put(offset + at, src, from, len));
    }

    /** Where chunks of converted floats go: {@code len} floats from {@code src[from]} to position {@code at}. */
    private interface Sink {
        void put(int at, float[] src, int from, int len);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> void read(RandomAccessibleInterval<T> plane, LinearMap map, Sink sink) {
        int n = pixelCount(plane);
        int width = (int) plane.dimension(0), height = (int) plane.dimension(1);
        T type = plane.getType();
        PixelKind kind = PixelKind.of(type);
        if (kind == null) {
            readGeneric((RandomAccessibleInterval<? extends RealType<?>>) plane, map, sink, n);
            return;
        }
        PrimitiveBlocks<?> blocks = PrimitiveBlocks.of((RandomAccessibleInterval<NativeType>) (RandomAccessibleInterval) plane,
                PrimitiveBlocks.OnFallback.ACCEPT).threadSafe();
        int rows = Math.max(1, CHUNK / Math.max(1, width));
        int minRowsPerPart = Math.max(rows, Ranges.MIN_PIXELS_PER_PART / Math.max(1, width));
        Ranges.split(height, minRowsPerPart, rows, (from, to) -> {
            Object pixels = kind.newArray(rows * width);
            float[] chunk = new float[kind.channels * rows * width];
            long[] position = {plane.min(0), 0};
            int[] size = {width, 0};
            for (int y = from; y < to; y += rows) {
                int r = Math.min(rows, to - y);
                int len = r * width;
                position[1] = plane.min(1) + y;
                size[1] = r;
                blocks.copy(position, pixels, size);
                kind.widen(pixels, 0, chunk, 0, len, len);
                for (int c = 0; c < kind.channels; c++) {
                    apply(map, chunk, c * len, len);
                    sink.put(c * n + y * width, chunk, c * len, len);
                }
            }
        });
    }

    /** Applies the map in place to {@code len} floats from {@code from}, in float arithmetic like the tensor itself. */
    static void apply(LinearMap map, float[] v, int from, int len) {
        if (map.isIdentity()) {
            return;
        }
        float a = (float) map.scale(), b = (float) map.offset();
        int end = from + len;
        if (!map.clamps()) {
            for (int i = from; i < end; i++) v[i] = Math.fma(a, v[i], b);
        } else {
            float lo = (float) Math.max(map.lower(), -Float.MAX_VALUE), hi = (float) Math.min(map.upper(), Float.MAX_VALUE);
            for (int i = from; i < end; i++) v[i] = Math.min(Math.max(Math.fma(a, v[i], b), lo), hi);
        }
    }

    private static void readGeneric(RandomAccessibleInterval<? extends RealType<?>> plane, LinearMap map, Sink sink, int n) {
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(plane).cursor();
        float[] chunk = new float[Math.min(CHUNK, n)];
        for (int start = 0; start < n; start += chunk.length) {
            int len = Math.min(chunk.length, n - start);
            for (int i = 0; i < len; i++) chunk[i] = (float) cursor.next().getRealDouble();
            apply(map, chunk, 0, len);
            sink.put(start, chunk, 0, len);
        }
    }

    private static void checkRoom(RandomAccessibleInterval<?> plane, long room) {
        long needed = (long) channels(plane.getType()) * pixelCount(plane);
        if (room < needed) {
            throw new IllegalArgumentException("destination holds " + room + " floats, plane needs " + needed);
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
