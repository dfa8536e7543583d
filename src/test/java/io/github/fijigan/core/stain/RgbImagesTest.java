package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** RGB images of every supported type and layout give the same normalisation, plane by plane. */
class RgbImagesTest {

    private static final RgbPixels HE = StainFixtures.load(StainFixtures.HE);
    private static final StainTarget IHC_TARGET = StainTarget.fit(StainFixtures.load(StainFixtures.IHC), "ihc");
    private static final SpatialCalibration PIXELS = SpatialCalibration.of(0.25, 0.25, 1, "µm");

    @Test
    void readsTheSamePixelsAsImageIo() throws IOException {
        BufferedImage png = ImageIO.read(Path.of("test-data", StainFixtures.HE).toFile());
        assertEquals(HE.width(), png.getWidth());
        for (int y = 0; y < png.getHeight(); y += 7) {
            for (int x = 0; x < png.getWidth(); x += 5) {
                int rgb = png.getRGB(x, y);
                assertEquals((rgb >> 16) & 0xff, HE.get(0, x, y));
                assertEquals((rgb >> 8) & 0xff, HE.get(1, x, y));
                assertEquals(rgb & 0xff, HE.get(2, x, y));
            }
        }
    }

    @Test
    void argbAnd8BitChannelsGiveTheSameResultAndKeepCalibration() {
        for (String method : StainNormalizers.METHODS) {
            StainNormalizer normalizer = StainNormalizers.create(method, IHC_TARGET);
            byte[] expected = normalizer.normalize(HE).toInterleaved();
            CalibratedImage<ARGBType> argb = calibrated(StainInputsTest.argb(HE, "he").data(), List.of(Axis.X, Axis.Y));
            CalibratedImage<ARGBType> outArgb = normalizer.normalize(argb);
            assertEquals(argb.axes(), outArgb.axes());
            assertEquals(PIXELS, outArgb.spatialCalibration());
            assertEquals("he.tif", outArgb.name());
            CalibratedImage<UnsignedByteType> channels = calibrated(bytes(HE), List.of(Axis.X, Axis.Y, Axis.C));
            CalibratedImage<UnsignedByteType> outChannels = normalizer.normalize(channels);
            assertEquals(List.of(Axis.X, Axis.Y, Axis.C), outChannels.axes());
            RandomAccess<ARGBType> a = outArgb.data().randomAccess();
            RandomAccess<UnsignedByteType> c = outChannels.data().randomAccess();
            for (int y = 0; y < HE.height(); y++) {
                for (int x = 0; x < HE.width(); x++) {
                    int i = 3 * (y * HE.width() + x);
                    int v = a.setPositionAndGet(x, y).get();
                    assertEquals(expected[i] & 0xff, (v >> 16) & 0xff, method);
                    assertEquals(expected[i + 1] & 0xff, (v >> 8) & 0xff, method);
                    assertEquals(expected[i + 2] & 0xff, v & 0xff, method);
                    for (int ch = 0; ch < 3; ch++) {
                        assertEquals(expected[i + ch] & 0xff, c.setPositionAndGet(x, y, ch).get(), method);
                    }
                }
            }
        }
    }

    @Test
    void sixteenBitAndFloatAreScaledByTheirWhiteLevel() {
        StainNormalizer normalizer = new Reinhard(IHC_TARGET);
        RgbPixels expected = normalizer.normalize(HE);
        // 8-bit value v stored as v * 257 in 16 bits (exact), as v * 4095 / 255 rounded in 12 bits, as v / 255 in float
        Img<UnsignedShortType> full = ArrayImgs.unsignedShorts(HE.width(), HE.height(), 3);
        Img<UnsignedShortType> twelve = ArrayImgs.unsignedShorts(HE.width(), HE.height(), 3);
        Img<FloatType> floats = ArrayImgs.floats(HE.width(), HE.height(), 3);
        Cursor<UnsignedShortType> s = full.localizingCursor(), t = twelve.cursor();
        Cursor<FloatType> f = floats.cursor();
        while (s.hasNext()) {
            s.fwd();
            float v = HE.get(s.getIntPosition(2), s.getIntPosition(0), s.getIntPosition(1));
            s.get().set(Math.round(v * 257));
            t.next().set(Math.round(v * 4095 / 255f));
            f.next().set(v / 255);
        }
        List<Axis> xyc = List.of(Axis.X, Axis.Y, Axis.C);
        RandomAccess<UnsignedShortType> a = normalizer.normalize(calibrated(full, xyc)).data().randomAccess();
        RandomAccess<UnsignedShortType> b = normalizer.normalize(calibrated(twelve, xyc), 4095).data().randomAccess();
        RandomAccess<FloatType> c = normalizer.normalize(calibrated(floats, xyc), 1.0).data().randomAccess();
        double worst16 = 0, worst12 = 0, worstF = 0;
        for (int ch = 0; ch < 3; ch++) {
            for (int y = 0; y < HE.height(); y++) {
                for (int x = 0; x < HE.width(); x++) {
                    float e = expected.get(ch, x, y);
                    worst16 = Math.max(worst16, Math.abs(a.setPositionAndGet(x, y, ch).get() - e * 257));
                    worst12 = Math.max(worst12, Math.abs(b.setPositionAndGet(x, y, ch).get() * 255 / 4095f - e));
                    worstF = Math.max(worstF, Math.abs(c.setPositionAndGet(x, y, ch).get() - e / 255));
                }
            }
        }
        // rounding to 16 bits only
        assertTrue(worst16 <= 0.5 + 0.01, "16-bit result off by " + worst16 + " of 65535");
        // the 12-bit input is itself rounded (1/32 of an 8-bit level), which moves the fitted statistics
        // a little; measured: 0.088 of an 8-bit level
        assertTrue(worst12 < 0.15, "12-bit result off by " + worst12 + " 8-bit levels");
        assertTrue(worstF < 1e-5, "float result off by " + worstF);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> normalizer.normalize(calibrated(full, xyc), 70000));
        assertEquals("white level (full intensity) of image 'he.tif' must be in (0, 65535.0], got 70000.0", e.getMessage());
    }

    @Test
    void stacksAreNormalisedPlaneByPlane() {
        // slice 1: the H&E-style image; slice 2: the IHC image's top-left quarter; each gets its own fit
        RgbPixels ihc = StainFixtures.load(StainFixtures.IHC);
        RgbPixels quarter = RgbPixels.blank(256, 256);
        for (int ch = 0; ch < 3; ch++) {
            for (int y = 0; y < 256; y++) {
                System.arraycopy(ihc.values(), ch * ihc.pixelCount() + y * 512, quarter.values(), ch * 65536 + y * 256, 256);
            }
        }
        Img<UnsignedByteType> stack = ArrayImgs.unsignedBytes(256, 256, 3, 2);
        copy(HE, Views.hyperSlice(stack, 3, 0));
        copy(quarter, Views.hyperSlice(stack, 3, 1));
        StainNormalizer normalizer = new Macenko(IHC_TARGET);
        CalibratedImage<UnsignedByteType> out = normalizer.normalize(calibrated(stack, List.of(Axis.X, Axis.Y, Axis.C, Axis.Z)));
        assertEquals(List.of(RgbPixels.stacked(List.of(normalizer.normalize(HE).rounded(), normalizer.normalize(quarter).rounded()))),
                List.of(RgbImages.stacked(out, 255)));
        assertEquals(2, RgbImages.planes(out, 255).size());

        copy(StainInputsTest.filled(256, 256, 255, 255, 255), Views.hyperSlice(stack, 3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> normalizer.normalize(calibrated(stack, List.of(Axis.X, Axis.Y, Axis.C, Axis.Z))));
        assertTrue(e.getMessage().startsWith("image 'he.tif' (slice 2, frame 1): too few stained pixels"), e.getMessage());
    }

    @Test
    void interleavedBytesRoundTrip() {
        byte[] rgb = HE.toInterleaved();
        assertArrayEquals(rgb, RgbPixels.fromInterleaved(HE.width(), HE.height(), rgb).toInterleaved());
        assertEquals(HE, RgbPixels.fromInterleaved(HE.width(), HE.height(), rgb));
    }

    private static <T> CalibratedImage<T> calibrated(RandomAccessibleInterval<T> data, List<Axis> axes) {
        return new CalibratedImage<>(data, axes, PIXELS, ValueCalibration.IDENTITY, "he.tif");
    }

    private static Img<UnsignedByteType> bytes(RgbPixels p) {
        Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(p.width(), p.height(), 3);
        copy(p, img);
        return img;
    }

    private static void copy(RgbPixels p, RandomAccessibleInterval<UnsignedByteType> xyc) {
        Cursor<UnsignedByteType> c = Views.flatIterable(xyc).localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            c.get().set(RgbPixels.to8Bit(p.get(c.getIntPosition(2), c.getIntPosition(0), c.getIntPosition(1))));
        }
    }
}
