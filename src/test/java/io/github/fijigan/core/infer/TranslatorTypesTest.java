package io.github.fijigan.core.infer;

import static io.github.fijigan.core.infer.TranslatorTest.domain;
import static io.github.fijigan.core.infer.TranslatorTest.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.infer.TranslateOptions.OutputType;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.Unsigned12BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pixel types, channels and calibration of translated images. */
class TranslatorTypesTest {

    private static final SpatialCalibration MM = SpatialCalibration.of(0.25, 0.5, 3, "mm");
    private static final TranslateOptions SMALL_TILES = TranslateOptions.DEFAULTS.withTileSize(16).withOverlap(4);

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static <T> CalibratedImage<T> image(Img<T> data, ValueCalibration value, String name) {
        List<Axis> axes = data.numDimensions() == 2 ? List.of(Axis.X, Axis.Y) : List.of(Axis.X, Axis.Y, Axis.C);
        return new CalibratedImage<>(data, axes, MM, value, name);
    }

    private static short[] shorts(int n, int bound, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        short[] v = new short[n];
        for (int i = 0; i < n; i++) v[i] = (short) r.nextInt(bound);
        return v;
    }

    @Test
    void eightAndSixteenBitAndFloatAndRgbSurviveAnIdentityNetworkInTheirOwnType() {
        byte[] bytes = new byte[30 * 20];
        new SplittableRandom(1).nextBytes(bytes);
        CalibratedImage<?> gray8 = new Translator(TinyNets.identity(manager, 1), domain(1, 0, 255, ""), domain(1, 0, 255, ""), SMALL_TILES)
                .translate(image(ArrayImgs.unsignedBytes(bytes, 30, 20), ValueCalibration.IDENTITY, "g8")).image();
        assertInstanceOf(UnsignedByteType.class, gray8.data().getType());
        assertArrayEquals(values(ArrayImgs.unsignedBytes(bytes, 30, 20)), values(gray8.data()));

        short[] shorts = shorts(30 * 20, 65536, 2);
        CalibratedImage<?> gray16 = new Translator(TinyNets.identity(manager, 1), domain(1, 0, 65535, ""), domain(1, 0, 65535, ""), SMALL_TILES)
                .translate(image(ArrayImgs.unsignedShorts(shorts, 30, 20), ValueCalibration.IDENTITY, "g16")).image();
        assertInstanceOf(UnsignedShortType.class, gray16.data().getType());
        float[] in = values(ArrayImgs.unsignedShorts(shorts, 30, 20)), out = values(gray16.data());
        int above255 = 0;
        for (int i = 0; i < in.length; i++) {
            assertEquals(in[i], out[i], 1, "pixel " + i);
            if (in[i] > 255) above255++;
        }
        assertEquals(597, above255, "the test image has values a byte cannot hold");

        float[] floats = PredictorTest.pattern(30, 20, 3);
        CalibratedImage<?> gray32 = new Translator(TinyNets.identity(manager, 1), domain(1, -2, 2, ""), domain(1, -2, 2, ""), SMALL_TILES)
                .translate(image(ArrayImgs.floats(floats, 30, 20), ValueCalibration.IDENTITY, "g32")).image();
        assertInstanceOf(FloatType.class, gray32.data().getType());
        assertArrayEquals(floats, values(gray32.data()), 1e-6f);

        int[] argb = new int[30 * 20];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < argb.length; i++) argb[i] = 0xff000000 | r.nextInt(1 << 24);
        CalibratedImage<?> rgb = new Translator(TinyNets.identity(manager, 3), domain(3, 0, 255, ""), domain(3, 0, 255, ""), SMALL_TILES)
                .translate(image(ArrayImgs.argbs(argb, 30, 20), ValueCalibration.IDENTITY, "rgb")).image();
        assertInstanceOf(ARGBType.class, rgb.data().getType());
        assertEquals(List.of(Axis.X, Axis.Y), rgb.axes());
        assertArrayEquals(values(ArrayImgs.argbs(argb, 30, 20)), values(rgb.data()));
        for (CalibratedImage<?> each : List.of(gray8, gray16, gray32, rgb)) assertEquals(MM, each.spatialCalibration());
    }

    @Test
    void ctKeepsItsHounsfieldCalibrationOrGivesHounsfieldFloats() {
        ValueCalibration hu = new ValueCalibration(1, -1024, "HU");
        short[] stored = shorts(24 * 24, 3000, 5);
        CalibratedImage<UnsignedShortType> ct = image(ArrayImgs.unsignedShorts(stored, 24, 24), hu, "ct");
        BlockNetwork net = TinyNets.convolutional(manager, 2, 1, 1, 6);
        Translator translator = new Translator(net, domain(1, -1024, 3071, "HU"), domain(1, -1024, 3071, "HU"), SMALL_TILES.withTileSize(64));
        CalibratedImage<?> same = translator.translate(ct).image();
        CalibratedImage<?> floats = new Translator(net, domain(1, -1024, 3071, "HU"), domain(1, -1024, 3071, "HU"),
                SMALL_TILES.withTileSize(64).withOutputType(OutputType.FLOAT32)).translate(ct).image();
        assertInstanceOf(UnsignedShortType.class, same.data().getType());
        assertEquals(hu, same.valueCalibration());
        assertInstanceOf(FloatType.class, floats.data().getType());
        assertEquals(new ValueCalibration(1, 0, "HU"), floats.valueCalibration());
        // Reference in HU: the network on the whole image (one tile), normalised and back by hand.
        float[] physical = values(ct.data());
        for (int i = 0; i < physical.length; i++) physical[i] -= 1024;
        float[] x = new float[physical.length];
        for (int i = 0; i < x.length; i++) x[i] = (physical[i] + 1024) * 2f / 4095 - 1;
        float[] y = TinyNets.whole(net, manager, x, 1, 24, 24);
        float[] storedOut = values(same.data()), huOut = values(floats.data());
        for (int i = 0; i < y.length; i++) {
            double expectedHu = (y[i] + 1) / 2 * 4095 - 1024;
            assertEquals(expectedHu, huOut[i], 2e-3, "HU at " + i);
            // Stored values are clamped to what uint16 holds: the network's untrained output reaches below -1024 HU.
            double storable = Math.max(-1024, Math.min(65535 - 1024, expectedHu));
            assertEquals(storable, hu.toPhysical(storedOut[i]), 0.5 + 2e-3, "HU of the stored value at " + i);
        }
    }

    @Test
    void aNewUnitTooWideForTheTypeGivesFloatsInThatUnit() {
        byte[] bytes = new byte[16 * 16];
        new SplittableRandom(7).nextBytes(bytes);
        CalibratedImage<UnsignedByteType> mr = image(ArrayImgs.unsignedBytes(bytes, 16, 16), ValueCalibration.IDENTITY, "t1");
        CalibratedImage<?> ct = new Translator(TinyNets.identity(manager, 1), domain(1, 0, 255, ""), domain(1, -1000, 1000, "HU"), SMALL_TILES)
                .translate(mr).image();
        assertInstanceOf(FloatType.class, ct.data().getType());
        assertEquals(new ValueCalibration(1, 0, "HU"), ct.valueCalibration());
        float[] in = values(mr.data()), out = values(ct.data());
        for (int i = 0; i < in.length; i++) assertEquals((in[i] / 255 * 2 - 1) * 1000, out[i], 1e-3);
        // A new unit whose range the type holds keeps the type, stored values being physical.
        CalibratedImage<?> au = new Translator(TinyNets.identity(manager, 1), domain(1, 0, 255, ""), domain(1, 0, 200, "a.u."), SMALL_TILES)
                .translate(mr).image();
        assertInstanceOf(UnsignedByteType.class, au.data().getType());
        assertEquals(new ValueCalibration(1, 0, "a.u."), au.valueCalibration());
    }

    @Test
    void grayToThreeChannelsGivesArgbFrom8BitAndFloatChannelsOtherwise() {
        byte[] bytes = new byte[12 * 10];
        new SplittableRandom(8).nextBytes(bytes);
        BlockNetwork net = TinyNets.grayToColour(manager);
        CalibratedImage<?> colour = new Translator(net, domain(1, 0, 255, ""), domain(3, 0, 255, ""), SMALL_TILES)
                .translate(image(ArrayImgs.unsignedBytes(bytes, 12, 10), ValueCalibration.IDENTITY, "g")).image();
        assertInstanceOf(ARGBType.class, colour.data().getType());
        float[] in = values(ArrayImgs.unsignedBytes(bytes, 12, 10)), out = values(colour.data());
        float[][] wb = {{1f, 0f}, {-0.5f, 0.1f}, {0.25f, -0.2f}};
        int n = in.length;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                double v = wb[c][0] * (in[i] / 255.0 * 2 - 1) + wb[c][1];
                assertEquals(Math.min(255, Math.max(0, Math.round((v + 1) / 2 * 255))), out[c * n + i], 1, "channel " + c + " pixel " + i);
            }
        }
        short[] shorts = shorts(12 * 10, 4096, 9);
        CalibratedImage<?> fromShorts = new Translator(net, domain(1, 0, 4095, ""), domain(3, 0, 4095, ""), SMALL_TILES)
                .translate(image(ArrayImgs.unsignedShorts(shorts, 12, 10), ValueCalibration.IDENTITY, "g16")).image();
        assertInstanceOf(FloatType.class, fromShorts.data().getType());
        assertEquals(List.of(Axis.X, Axis.Y, Axis.C), fromShorts.axes());
        assertArrayEquals(new long[] {12, 10, 3}, fromShorts.data().dimensionsAsLongArray());
        // An RGB image asked for float32 gets a C axis of three float channels.
        int[] argb = new int[12 * 10];
        for (int i = 0; i < argb.length; i++) argb[i] = 0xff000000 | (i << 16) | (2 * i << 8) | (255 - i);
        CalibratedImage<?> rgbFloat = new Translator(TinyNets.identity(manager, 3), domain(3, 0, 255, ""), domain(3, 0, 255, ""),
                SMALL_TILES.withOutputType(OutputType.FLOAT32)).translate(image(ArrayImgs.argbs(argb, 12, 10), ValueCalibration.IDENTITY, "rgb")).image();
        assertEquals(List.of(Axis.X, Axis.Y, Axis.C), rgbFloat.axes());
        assertInstanceOf(FloatType.class, rgbFloat.data().getType());
        float[] rgbIn = values(ArrayImgs.argbs(argb, 12, 10));
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(rgbIn, c * 120, (c + 1) * 120), values(rgbFloat.plane(c, 0, 0)), 1e-3f, "channel " + c);
        }
    }

    @Test
    void typesWithoutAPrimitiveArrayPerPixelAreWrittenPixelByPixel() {
        Img<Unsigned12BitType> twelve = new ArrayImgFactory<>(new Unsigned12BitType()).create(9, 7);
        SplittableRandom r = new SplittableRandom(10);
        for (Unsigned12BitType p : twelve) p.set(r.nextInt(4096));
        CalibratedImage<?> out = new Translator(TinyNets.identity(manager, 1), domain(1, 0, 4095, ""), domain(1, 0, 4095, ""),
                SMALL_TILES.withDevice(Device.cpu())).translate(image(twelve, ValueCalibration.IDENTITY, "12bit")).image();
        assertInstanceOf(Unsigned12BitType.class, out.data().getType());
        assertArrayEquals(values(twelve), values(out.data()));
    }

    @Test
    void refusesAnImageWhoseChannelsAreNotTheNetworks() {
        Translator gray = new Translator(TinyNets.identity(manager, 1), domain(1, 0, 255, ""), domain(1, 0, 255, ""), SMALL_TILES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gray.translate(image(ArrayImgs.argbs(4, 4), ValueCalibration.IDENTITY, "colour.png")));
        assertEquals("image 'colour.png' has 3 channels but the network takes 1", e.getMessage());
        IllegalArgumentException domains = assertThrows(IllegalArgumentException.class,
                () -> new Translator(TinyNets.identity(manager, 1), domain(3, 0, 255, ""), domain(1, 0, 255, ""), SMALL_TILES));
        assertEquals("the network maps 1 to 1 channels but the domains have 3 and 1", domains.getMessage());
    }
}
