package io.github.fijigan.core.tensor;

import java.nio.FloatBuffer;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Moves images between imglib2 and DJL as NCHW float32 tensors: one plane, a plane with a channel
 * axis, or a batch of planes; and back to an {@code ArrayImg} of float or of any pixel type
 * (rounded and clamped).
 *
 * <p>Rows of the tensor are image rows (Y), columns are X. An ARGB image gives three channels R, G,
 * B. Values pass through a {@link LinearMap} on the way in and on the way out, which is where value
 * calibration and normalisation happen. Without a map (identity), float pixels and integers up to
 * 2^24 in magnitude round-trip exactly; larger integers and doubles are rounded to float32.
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager()) {
 *     NDArray x = ImageTensors.fromPlane(manager, image, toNetwork);          // (1, C, H, W)
 *     NDArray y = generator.forward(x);
 *     Img<UnsignedShortType> out = ImageTensors.toImage(y, 0, new UnsignedShortType(), toStored);
 * }
 * }</pre>
 */
public final class ImageTensors {

    private ImageTensors() {}

    /** @return a (1, C, H, W) tensor of a 2D image; C is 3 for ARGB, 1 otherwise */
    public static <T> NDArray fromPlane(NDManager manager, RandomAccessibleInterval<T> plane, LinearMap map) {
        return fromPlanes(manager, List.of(plane), map);
    }

    /**
     * @param image an (X, Y, C) image of a real type, C at {@code channelAxis} (2 for imglib2's usual order)
     * @return a (1, C, H, W) tensor
     */
    public static <T> NDArray fromChannels(NDManager manager, RandomAccessibleInterval<T> image, int channelAxis, LinearMap map) {
        if (image.numDimensions() != 3 || channelAxis < 0 || channelAxis > 2) {
            throw new IllegalArgumentException("expected a 3D image with a channel axis 0..2, got "
                    + image.numDimensions() + " dimensions and axis " + channelAxis);
        }
        if (PlaneReader.channels(image.getType()) != 1) {
            throw new IllegalArgumentException("an ARGB image already holds its channels; pass it as a plane");
        }
        int channels = Math.toIntExact(image.dimension(channelAxis));
        RandomAccessibleInterval<T> first = Views.hyperSlice(image, channelAxis, image.min(channelAxis));
        int n = PlaneReader.pixelCount(first);
        return TensorMemory.filled(manager, new Shape(1, channels, first.dimension(1), first.dimension(0)), buffer -> {
            for (int c = 0; c < channels; c++) {
                PlaneReader.read(Views.hyperSlice(image, channelAxis, image.min(channelAxis) + c), map, buffer, c * n);
            }
        });
    }

    /** @return an (N, C, H, W) tensor of N planes of the same size and pixel type */
    public static <T> NDArray fromPlanes(NDManager manager, List<? extends RandomAccessibleInterval<T>> planes, LinearMap map) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("no planes to convert");
        }
        RandomAccessibleInterval<T> first = planes.get(0);
        int n = PlaneReader.pixelCount(first);
        int channels = PlaneReader.channels(first.getType());
        for (RandomAccessibleInterval<T> p : planes) {
            if (p.numDimensions() != 2 || p.dimension(0) != first.dimension(0) || p.dimension(1) != first.dimension(1)) {
                throw new IllegalArgumentException("planes of a batch must share one size: " + first.dimension(0) + "x"
                        + first.dimension(1) + " vs " + java.util.Arrays.toString(p.dimensionsAsLongArray()));
            }
        }
        return TensorMemory.filled(manager, new Shape(planes.size(), channels, first.dimension(1), first.dimension(0)), buffer -> {
            for (int i = 0; i < planes.size(); i++) {
                PlaneReader.read(planes.get(i), map, buffer, i * channels * n);
            }
        });
    }

    /** @return image {@code index} of an (N, C, H, W) tensor as floats: (W, H), or (W, H, C) when C > 1 */
    public static Img<FloatType> toFloatImage(NDArray tensor, int index, LinearMap map) {
        return toImage(tensor, index, new FloatType(), map);
    }

    /**
     * @param type the output pixel type; ARGB takes a 3-channel tensor
     * @return image {@code index} of an (N, C, H, W) tensor: (W, H) for one channel or ARGB, else (W, H, C)
     */
    @SuppressWarnings("unchecked")
    public static <T> Img<T> toImage(NDArray tensor, int index, T type, LinearMap map) {
        Shape shape = tensor.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("expected an NCHW tensor, got shape " + shape);
        }
        if (index < 0 || index >= shape.get(0)) {
            throw new IndexOutOfBoundsException("image " + index + " of a batch of " + shape.get(0));
        }
        int channels = Math.toIntExact(shape.get(1));
        long h = shape.get(2), w = shape.get(3);
        PixelKind kind = PixelKind.of(type);
        if (kind == PixelKind.ARGB && channels != 3) {
            throw new IllegalArgumentException("an ARGB image needs 3 channels, the tensor has " + channels);
        }
        long[] dims = channels == 1 || kind == PixelKind.ARGB ? new long[] {w, h} : new long[] {w, h, channels};
        int planeSize = Math.toIntExact(w * h);
        try (NDManager scope = tensor.getManager().newSubManager()) {
            FloatBuffer values = TensorMemory.view(tensor, index, scope);
            if (kind == null) {
                return toGeneric(values, dims, type, map);
            }
            Object out = kind.newArray(kind == PixelKind.ARGB ? planeSize : channels * planeSize);
            if (kind == PixelKind.FLOAT32 && map.isIdentity()) {
                values.get(0, (float[]) out);
            } else {
                narrow(values, out, kind, planeSize, channels, map);
            }
            return (Img<T>) kind.wrap(out, dims);
        }
    }

    /** Narrows a chunk at a time, so no float copy of the whole image is made; large images use every core. */
    private static void narrow(FloatBuffer values, Object out, PixelKind kind, int planeSize, int channels, LinearMap map) {
        int chunkSize = PlaneReader.CHUNK;
        if (kind == PixelKind.ARGB) {
            Ranges.split(planeSize, Ranges.MIN_PIXELS_PER_PART, chunkSize, (from, to) -> {
                float[] chunk = new float[3 * chunkSize];
                for (int start = from; start < to; start += chunkSize) {
                    int len = Math.min(chunkSize, to - start);
                    for (int c = 0; c < 3; c++) {
                        values.get(c * planeSize + start, chunk, c * len, len);
                    }
                    kind.narrow(chunk, 0, out, start, len, len, map);
                }
            });
            return;
        }
        Ranges.split(channels * planeSize, Ranges.MIN_PIXELS_PER_PART, chunkSize, (from, to) -> {
            float[] chunk = new float[chunkSize];
            for (int start = from; start < to; start += chunkSize) {
                int len = Math.min(chunkSize, to - start);
                values.get(start, chunk, 0, len);
                kind.narrow(chunk, 0, out, start, len, 0, map);
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Img<T> toGeneric(FloatBuffer values, long[] dims, T type, LinearMap map) {
        if (!(type instanceof RealType) || !(type instanceof NativeType)) {
            throw new IllegalArgumentException("cannot write tensors to pixel type " + type.getClass().getSimpleName());
        }
        RealType<?> real = (RealType<?>) type;
        double lo = Math.max(real.getMinValue(), map.lower()), hi = Math.min(real.getMaxValue(), map.upper());
        boolean integer = type instanceof IntegerType;
        Img img = new ArrayImgFactory((NativeType) type).create(dims);
        Cursor<? extends RealType<?>> cursor = Views.flatIterable((RandomAccessibleInterval<? extends RealType<?>>) img).cursor();
        int i = 0;
        while (cursor.hasNext()) {
            double v = PixelKind.clamp(map.scale() * values.get(i++) + map.offset(), lo, hi);
            cursor.next().setReal(integer ? Math.round(v) : v);
        }
        return img;
    }
}
