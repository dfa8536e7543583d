package io.github.fijigan.core.tensor;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The pixel types with a fast path: each knows its primitive array, how to widen it to float and how
 * to narrow float back with rounding and clamping. Dispatch happens once per plane, so the inner
 * loops are plain primitive loops the JIT can vectorise.
 */
enum PixelKind {
    UINT8(1, 0, 255),
    INT8(1, Byte.MIN_VALUE, Byte.MAX_VALUE),
    UINT16(1, 0, 65535),
    INT16(1, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT32(1, 0, 4294967295.0),
    INT32(1, Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT64(1, 0, 18446744073709551615.0),
    INT64(1, Long.MIN_VALUE, Long.MAX_VALUE),
    FLOAT32(1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
    FLOAT64(1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
    /** Packed 8-bit R, G, B (alpha dropped on read, set opaque on write). */
    ARGB(3, 0, 255);

    /** Floats in a tensor per pixel. */
    final int channels;
    /** Smallest storable value, the lower clamp when narrowing. */
    final double min;
    /** Largest storable value, the upper clamp when narrowing. */
    final double max;

    PixelKind(int channels, double min, double max) {
        this.channels = channels;
        this.min = min;
        this.max = max;
    }

    /** @return the fast-path kind of an imglib2 type, or null when only the generic path applies */
    static PixelKind of(Object type) {
        Class<?> c = type.getClass();
        if (c == UnsignedByteType.class) return UINT8;
        if (c == ByteType.class) return INT8;
        if (c == UnsignedShortType.class) return UINT16;
        if (c == ShortType.class) return INT16;
        if (c == UnsignedIntType.class) return UINT32;
        if (c == IntType.class) return INT32;
        if (c == UnsignedLongType.class) return UINT64;
        if (c == LongType.class) return INT64;
        if (c == FloatType.class) return FLOAT32;
        if (c == DoubleType.class) return FLOAT64;
        if (c == ARGBType.class) return ARGB;
        return null;
    }

    /** @return a primitive array of {@code n} pixels, as PrimitiveBlocks fills for this kind */
    Object newArray(int n) {
        return switch (this) {
            case UINT8, INT8 -> new byte[n];
            case UINT16, INT16 -> new short[n];
            case UINT32, INT32, ARGB -> new int[n];
            case UINT64, INT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    /**
     * Widens {@code n} pixels from {@code src[from..]} to {@code dst[to..]}; ARGB writes its channels
     * {@code planeStride} floats apart.
     */
    void widen(Object src, int from, float[] dst, int to, int n, int planeStride) {
        switch (this) {
            case UINT8 -> { byte[] s = (byte[]) src; for (int i = 0; i < n; i++) dst[to + i] = s[from + i] & 0xff; }
            case INT8 -> { byte[] s = (byte[]) src; for (int i = 0; i < n; i++) dst[to + i] = s[from + i]; }
            case UINT16 -> { short[] s = (short[]) src; for (int i = 0; i < n; i++) dst[to + i] = s[from + i] & 0xffff; }
            case INT16 -> { short[] s = (short[]) src; for (int i = 0; i < n; i++) dst[to + i] = s[from + i]; }
            case UINT32 -> { int[] s = (int[]) src; for (int i = 0; i < n; i++) dst[to + i] = s[from + i] & 0xffffffffL; }
            case INT32 -> { int[] s = (int[]) src; for (int i = 0; i < n; i++) dst[to + i] = s[from + i]; }
            case UINT64 -> { long[] s = (long[]) src; for (int i = 0; i < n; i++) dst[to + i] = unsignedToFloat(s[from + i]); }
            case INT64 -> { long[] s = (long[]) src; for (int i = 0; i < n; i++) dst[to + i] = s[from + i]; }
            case FLOAT32 -> System.arraycopy(src, from, dst, to, n);
            case FLOAT64 -> { double[] s = (double[]) src; for (int i = 0; i < n; i++) dst[to + i] = (float) s[from + i]; }
            case ARGB -> {
                int[] s = (int[]) src;
                for (int i = 0; i < n; i++) {
                    int v = s[from + i];
                    dst[to + i] = (v >> 16) & 0xff;
                    dst[to + planeStride + i] = (v >> 8) & 0xff;
                    dst[to + 2 * planeStride + i] = v & 0xff;
                }
            }
        }
    }

    /**
     * Narrows {@code n} floats to pixels: {@code map}, then clamping to the type's range, then
     * rounding half up for integer kinds. ARGB reads its channels {@code planeStride} floats apart.
     * Kinds up to 16 bits and float32 compute in float (vectorised, exact enough for their range);
     * wider kinds compute in double so that large integers are not rounded twice.
     */
    void narrow(float[] src, int from, Object dst, int to, int n, int planeStride, LinearMap map) {
        float a = (float) map.scale(), b = (float) map.offset();
        float lo = (float) Math.max(Math.max(min, map.lower()), -Float.MAX_VALUE);
        float hi = (float) Math.min(Math.min(max, map.upper()), Float.MAX_VALUE);
        switch (this) {
            case UINT8, INT8 -> {
                byte[] d = (byte[]) dst;
                for (int i = 0; i < n; i++) d[to + i] = (byte) Math.round(Math.min(Math.max(Math.fma(a, src[from + i], b), lo), hi));
            }
            case UINT16, INT16 -> {
                short[] d = (short[]) dst;
                for (int i = 0; i < n; i++) d[to + i] = (short) Math.round(Math.min(Math.max(Math.fma(a, src[from + i], b), lo), hi));
            }
            case FLOAT32 -> {
                float[] d = (float[]) dst;
                if (map.isIdentity()) {
                    System.arraycopy(src, from, d, to, n);
                } else if (!map.clamps()) {
                    for (int i = 0; i < n; i++) d[to + i] = Math.fma(a, src[from + i], b);
                } else {
                    for (int i = 0; i < n; i++) d[to + i] = Math.min(Math.max(Math.fma(a, src[from + i], b), lo), hi);
                }
            }
            case ARGB -> {
                int[] d = (int[]) dst;
                for (int i = 0; i < n; i++) {
                    int r = Math.round(Math.min(Math.max(Math.fma(a, src[from + i], b), lo), hi));
                    int g = Math.round(Math.min(Math.max(Math.fma(a, src[from + planeStride + i], b), lo), hi));
                    int bl = Math.round(Math.min(Math.max(Math.fma(a, src[from + 2 * planeStride + i], b), lo), hi));
                    d[to + i] = 0xff000000 | (r << 16) | (g << 8) | bl;
                }
            }
            default -> narrowWide(src, from, dst, to, n, map);
        }
    }

    private void narrowWide(float[] src, int from, Object dst, int to, int n, LinearMap map) {
        double a = map.scale(), b = map.offset();
        double lo = Math.max(min, map.lower()), hi = Math.min(max, map.upper());
        switch (this) {
            case UINT32, INT32 -> { int[] d = (int[]) dst; for (int i = 0; i < n; i++) d[to + i] = (int) roundClamp(a * src[from + i] + b, lo, hi); }
            case INT64 -> { long[] d = (long[]) dst; for (int i = 0; i < n; i++) d[to + i] = roundClamp(a * src[from + i] + b, lo, hi); }
            case UINT64 -> { long[] d = (long[]) dst; for (int i = 0; i < n; i++) d[to + i] = unsignedRoundClamp(a * src[from + i] + b, lo, hi); }
            case FLOAT64 -> {
                double[] d = (double[]) dst;
                boolean identity = map.isIdentity();
                for (int i = 0; i < n; i++) d[to + i] = identity ? src[from + i] : clamp(a * src[from + i] + b, lo, hi);
            }
            default -> throw new IllegalStateException(this + " narrows in float");
        }
    }

    /** Wraps a filled primitive array as an ArrayImg of this kind, without copying. */
    ArrayImg<?, ?> wrap(Object data, long... dims) {
        return switch (this) {
            case UINT8 -> ArrayImgs.unsignedBytes((byte[]) data, dims);
            case INT8 -> ArrayImgs.bytes((byte[]) data, dims);
            case UINT16 -> ArrayImgs.unsignedShorts((short[]) data, dims);
            case INT16 -> ArrayImgs.shorts((short[]) data, dims);
            case UINT32 -> ArrayImgs.unsignedInts((int[]) data, dims);
            case INT32 -> ArrayImgs.ints((int[]) data, dims);
            case UINT64 -> ArrayImgs.unsignedLongs((long[]) data, dims);
            case INT64 -> ArrayImgs.longs((long[]) data, dims);
            case FLOAT32 -> ArrayImgs.floats((float[]) data, dims);
            case FLOAT64 -> ArrayImgs.doubles((double[]) data, dims);
            case ARGB -> ArrayImgs.argbs((int[]) data, dims);
        };
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** Clamps, then rounds half up; NaN becomes the clamp-adjusted 0. */
    static long roundClamp(double v, double lo, double hi) {
        return Math.round(clamp(v, lo, hi));
    }

    private static long unsignedRoundClamp(double v, double lo, double hi) {
        double r = Math.floor(clamp(v, lo, hi) + 0.5);
        // Above Long.MAX_VALUE the bits of the unsigned value wrap into the sign bit.
        return r >= 0x1p63 ? (long) (r - 0x1p63) ^ Long.MIN_VALUE : (long) r;
    }

    private static float unsignedToFloat(long v) {
        return v >= 0 ? v : (float) ((v >>> 1) * 2.0 + (v & 1));
    }
}
