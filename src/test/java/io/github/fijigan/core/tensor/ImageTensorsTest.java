package io.github.fijigan.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.Unsigned12BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageTensorsTest {

    /** Width and height differ so that a swapped X/Y shows. */
    private static final int W = 7, H = 5;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Each type with a value source covering its range, within what float32 holds exactly. */
    static Stream<Arguments> realTypes() {
        return Stream.of(
                Arguments.of(new UnsignedByteType(), (Sampler) r -> r.nextInt(256)),
                Arguments.of(new ByteType(), (Sampler) r -> r.nextInt(-128, 128)),
                Arguments.of(new UnsignedShortType(), (Sampler) r -> r.nextInt(65536)),
                Arguments.of(new ShortType(), (Sampler) r -> r.nextInt(-32768, 32768)),
                Arguments.of(new UnsignedIntType(), (Sampler) r -> r.nextInt(1 << 24)),
                Arguments.of(new IntType(), (Sampler) r -> r.nextInt(-(1 << 24), 1 << 24)),
                Arguments.of(new LongType(), (Sampler) r -> r.nextInt(-(1 << 24), 1 << 24)),
                Arguments.of(new UnsignedLongType(), (Sampler) r -> r.nextInt(1 << 24)),
                Arguments.of(new FloatType(), (Sampler) r -> Float.intBitsToFloat(r.nextInt())),
                Arguments.of(new DoubleType(), (Sampler) r -> (double) (float) (r.nextGaussian() * 1e6)),
                Arguments.of(new Unsigned12BitType(), (Sampler) r -> r.nextInt(4096)));
    }

    interface Sampler {
        double next(SplittableRandom r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realTypes")
    <T extends RealType<T> & NativeType<T>> void everyRealTypeRoundTripsBitExact(T type, Sampler sampler) {
        Img<T> img = new ArrayImgFactory<>(type).create(W, H);
        fill(img, sampler, 42);
        if (type instanceof FloatType) {
            // The awkward floats must survive too.
            float[] special = {-0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE};
            Cursor<T> c = img.cursor();
            for (float s : special) c.next().setReal(s);
        }
        NDArray tensor = ImageTensors.fromPlane(manager, img, LinearMap.IDENTITY);
        assertEquals(new Shape(1, 1, H, W), tensor.getShape());
        assertEquals(DataType.FLOAT32, tensor.getDataType());
        assertLayout(img, tensor);

        Img<T> back = ImageTensors.toImage(tensor, 0, type.createVariable(), LinearMap.IDENTITY);
        assertArrayEquals(img.dimensionsAsLongArray(), back.dimensionsAsLongArray());
        assertBitExact(img, back);
    }

    @Test
    void floatsComeBackAsTheSameBits() {
        Img<FloatType> img = ArrayImgs.floats(new float[] {-0.0f, Float.NaN, 1.5e-42f, 3.4e38f, -7.25f, 0f}, 3, 2);
        NDArray tensor = ImageTensors.fromPlane(manager, img, LinearMap.IDENTITY);
        Img<FloatType> back = ImageTensors.toFloatImage(tensor, 0, LinearMap.IDENTITY);
        Cursor<FloatType> a = img.cursor(), b = back.cursor();
        while (a.hasNext()) {
            assertEquals(Float.floatToRawIntBits(a.next().get()), Float.floatToRawIntBits(b.next().get()));
        }
    }

    @Test
    void viewsWithOffsetsSlicesAndPermutationsReadTheRightPixels() {
        Img<UnsignedShortType> volume = new PlanarImgFactory<>(new UnsignedShortType()).create(20, 16, 4);
        fill(volume, r -> r.nextInt(65536), 7);
        // A translated, cropped view of slice 2, and a transposed view.
        RandomAccessibleInterval<UnsignedShortType> slice = Views.hyperSlice(volume, 2, 2);
        RandomAccessibleInterval<UnsignedShortType> cropped =
                Views.interval(Views.translate(slice, 100, -50), new long[] {103, -48}, new long[] {103 + W - 1, -48 + H - 1});
        RandomAccessibleInterval<UnsignedShortType> transposed = Views.permute(Views.interval(slice, new long[] {0, 0}, new long[] {H - 1, W - 1}), 0, 1);

        for (RandomAccessibleInterval<UnsignedShortType> view : List.of(cropped, transposed)) {
            NDArray tensor = ImageTensors.fromPlane(manager, view, LinearMap.IDENTITY);
            assertEquals(new Shape(1, 1, H, W), tensor.getShape());
            assertLayout(view, tensor);
            Img<UnsignedShortType> back = ImageTensors.toImage(tensor, 0, new UnsignedShortType(), LinearMap.IDENTITY);
            assertBitExact(Views.zeroMin(view), back);
        }
    }

    @Test
    void argbBecomesThreeChannelsRgbAndComesBackOpaque() {
        int[] pixels = new int[W * H];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < pixels.length; i++) pixels[i] = 0xff000000 | r.nextInt(1 << 24);
        Img<ARGBType> img = ArrayImgs.argbs(pixels, W, H);
        NDArray tensor = ImageTensors.fromPlane(manager, img, LinearMap.IDENTITY);
        assertEquals(new Shape(1, 3, H, W), tensor.getShape());
        int p = pixels[2 * W + 5]; // x = 5, y = 2
        assertEquals((p >> 16) & 0xff, tensor.getFloat(0, 0, 2, 5));
        assertEquals((p >> 8) & 0xff, tensor.getFloat(0, 1, 2, 5));
        assertEquals(p & 0xff, tensor.getFloat(0, 2, 2, 5));

        Img<ARGBType> back = ImageTensors.toImage(tensor, 0, new ARGBType(), LinearMap.IDENTITY);
        Cursor<ARGBType> a = img.cursor(), b = back.cursor();
        while (a.hasNext()) assertEquals(a.next().get(), b.next().get());
        assertBitExact(back, back);

        // Three real channels come back as an (X, Y, C) image in the same order.
        Img<FloatType> channels = ImageTensors.toFloatImage(tensor, 0, LinearMap.IDENTITY);
        assertArrayEquals(new long[] {W, H, 3}, channels.dimensionsAsLongArray());
        RandomAccess<FloatType> ra = channels.randomAccess();
        assertEquals((p >> 8) & 0xff, ra.setPositionAndGet(5, 2, 1).get());
    }

    @Test
    void batchesAndChannelAxesKeepTheirOrder() {
        List<Img<UnsignedByteType>> planes = Stream.<Supplier<Img<UnsignedByteType>>>of(
                        () -> ArrayImgs.unsignedBytes(W, H), () -> ArrayImgs.unsignedBytes(W, H), () -> ArrayImgs.unsignedBytes(W, H))
                .map(Supplier::get).toList();
        for (int i = 0; i < planes.size(); i++) fill(planes.get(i), r -> r.nextInt(256), 10 + i);
        NDArray batch = ImageTensors.fromPlanes(manager, planes, LinearMap.IDENTITY);
        assertEquals(new Shape(3, 1, H, W), batch.getShape());
        for (int i = 0; i < planes.size(); i++) {
            assertBitExact(planes.get(i), ImageTensors.toImage(batch, i, new UnsignedByteType(), LinearMap.IDENTITY));
        }

        Img<FloatType> xyc = ArrayImgs.floats(W, H, 2);
        fill(xyc, r -> r.nextDouble(), 5);
        NDArray t = ImageTensors.fromChannels(manager, xyc, 2, LinearMap.IDENTITY);
        assertEquals(new Shape(1, 2, H, W), t.getShape());
        assertEquals(xyc.randomAccess().setPositionAndGet(4, 3, 1).get(), t.getFloat(0, 1, 3, 4));
        assertBitExact(xyc, ImageTensors.toFloatImage(t, 0, LinearMap.IDENTITY));

        assertThrows(IllegalArgumentException.class,
                () -> ImageTensors.fromPlanes(manager, List.of(ArrayImgs.unsignedBytes(W, H), ArrayImgs.unsignedBytes(H, W)), LinearMap.IDENTITY));
    }

    @Test
    void mapsApplyOnTheWayInAndTheInverseRestoresIntegersExactly() {
        Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(W, H);
        fill(img, r -> r.nextInt(65536), 9);
        LinearMap toUnit = LinearMap.of(2.0 / 65535, -1);
        NDArray tensor = ImageTensors.fromPlane(manager, img, toUnit);
        double stored = img.randomAccess().setPositionAndGet(3, 4).get();
        assertEquals(toUnit.apply(stored), tensor.getFloat(0, 0, 4, 3), 1e-6);
        assertBitExact(img, ImageTensors.toImage(tensor, 0, new UnsignedShortType(), toUnit.inverse()));
    }

    @Test
    void largePlanesSplitOverCoresGiveTheSameValuesAsSmallOnes() {
        // Above Ranges.MIN_PIXELS_PER_PART the conversion runs in parts; an odd width checks the row split.
        int w = 1201, h = 733;
        Img<UnsignedShortType> big = new PlanarImgFactory<>(new UnsignedShortType()).create(w + 10, h + 10);
        fill(big, r -> r.nextInt(65536), 11);
        RandomAccessibleInterval<UnsignedShortType> view = Views.interval(big, new long[] {3, 7}, new long[] {3 + w - 1, 7 + h - 1});
        LinearMap toUnit = LinearMap.of(2.0 / 65535, -1);
        NDArray tensor = ImageTensors.fromPlane(manager, view, toUnit);
        float[] values = tensor.toFloatArray();
        RandomAccess<UnsignedShortType> ra = view.randomAccess();
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < 2000; k++) {
            int x = r.nextInt(w), y = r.nextInt(h);
            double expected = toUnit.apply(ra.setPositionAndGet(3 + x, 7 + y).get());
            assertEquals(expected, values[y * w + x], 1e-6, "pixel " + x + "," + y);
        }
        assertBitExact(Views.zeroMin(view), ImageTensors.toImage(tensor, 0, new UnsignedShortType(), toUnit.inverse()));

        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) argb[i] = 0xff000000 | r.nextInt(1 << 24);
        Img<ARGBType> rgb = ArrayImgs.argbs(argb, w, h);
        NDArray rgbTensor = ImageTensors.fromPlane(manager, rgb, LinearMap.IDENTITY);
        assertEquals((argb[h / 2 * w + 17] >> 8) & 0xff, rgbTensor.getFloat(0, 1, h / 2, 17));
        Img<ARGBType> rgbBack = ImageTensors.toImage(rgbTensor, 0, new ARGBType(), LinearMap.IDENTITY);
        Cursor<ARGBType> a = rgb.cursor(), b = rgbBack.cursor();
        while (a.hasNext()) assertEquals(a.next().get(), b.next().get());
    }

    @Test
    void narrowingRoundsHalfUpAndClampsToTheTypeRange() {
        NDArray values = manager.create(new float[] {-3.4f, 2.5f, 2.49f, 300f, Float.NaN, 254.5f}, new Shape(1, 1, 2, 3));
        Img<UnsignedByteType> bytes = ImageTensors.toImage(values, 0, new UnsignedByteType(), LinearMap.IDENTITY);
        int[] expected = {0, 3, 2, 255, 0, 255};
        Cursor<UnsignedByteType> c = bytes.cursor();
        for (int e : expected) assertEquals(e, c.next().get());

        Img<ShortType> shorts = ImageTensors.toImage(manager.create(new float[] {-40000f, 40000f}, new Shape(1, 1, 1, 2)), 0,
                new ShortType(), LinearMap.IDENTITY);
        assertEquals(Short.MIN_VALUE, shorts.randomAccess().setPositionAndGet(0, 0).get());
        assertEquals(Short.MAX_VALUE, shorts.randomAccess().setPositionAndGet(1, 0).get());
    }

    @Test
    void integersBeyondFloatPrecisionAreRoundedAsDocumented() {
        Img<IntType> img = ArrayImgs.ints(new int[] {(1 << 24) + 1, -(1 << 24) - 1}, 2, 1);
        NDArray tensor = ImageTensors.fromPlane(manager, img, LinearMap.IDENTITY);
        assertEquals((float) ((1 << 24) + 1), tensor.getFloat(0, 0, 0, 0));
        assertEquals(1 << 24, ImageTensors.toImage(tensor, 0, new IntType(), LinearMap.IDENTITY).firstElement().get());
    }

    @Test
    void refusesWhatItCannotConvert() {
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.fromPlane(manager, ArrayImgs.floats(2, 2, 2), LinearMap.IDENTITY));
        NDArray two = manager.zeros(new Shape(1, 2, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toImage(two, 0, new ARGBType(), LinearMap.IDENTITY));
        assertThrows(IndexOutOfBoundsException.class, () -> ImageTensors.toFloatImage(two, 1, LinearMap.IDENTITY));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toFloatImage(manager.zeros(new Shape(3, 3)), 0, LinearMap.IDENTITY));
    }

    private static <T extends RealType<T>> void fill(RandomAccessibleInterval<T> img, Sampler sampler, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (T t : Views.flatIterable(img)) t.setReal(sampler.next(r));
    }

    /** The tensor's (row, column) is the image's (y, x), measured from the image's own minimum. */
    private static <T extends RealType<T>> void assertLayout(RandomAccessibleInterval<T> img, NDArray tensor) {
        RandomAccess<T> ra = img.randomAccess();
        float[] values = tensor.toFloatArray();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                float expected = (float) ra.setPositionAndGet(img.min(0) + x, img.min(1) + y).getRealDouble();
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(values[y * W + x]), "pixel " + x + "," + y);
            }
        }
    }

    /** Same dimensions and the same bits in every pixel (compared through the type's own equals). */
    private static <T> void assertBitExact(RandomAccessibleInterval<T> expected, RandomAccessibleInterval<T> actual) {
        assertArrayEquals(expected.dimensionsAsLongArray(), actual.dimensionsAsLongArray());
        Cursor<T> a = Views.flatIterable(expected).cursor(), b = Views.flatIterable(actual).cursor();
        long i = 0;
        while (a.hasNext()) {
            T x = a.next(), y = b.next();
            if (x instanceof FloatType fx) {
                assertEquals(Float.floatToRawIntBits(fx.get()), Float.floatToRawIntBits(((FloatType) y).get()), "pixel " + i);
            } else if (x instanceof DoubleType dx) {
                assertEquals(Double.doubleToRawLongBits(dx.get()), Double.doubleToRawLongBits(((DoubleType) y).get()), "pixel " + i);
            } else {
                assertEquals(x, y, "pixel " + i);
            }
            i++;
        }
    }
}
