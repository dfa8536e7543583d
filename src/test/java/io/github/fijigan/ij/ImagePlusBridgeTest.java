package io.github.fijigan.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import net.imglib2.RandomAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

class ImagePlusBridgeTest {

    /** type, c, z, t: every ImageJ type as a plane, a Z stack and a C=2, Z=3, T=2 hyperstack. */
    @ParameterizedTest(name = "type {0}, c={1} z={2} t={3}")
    @CsvSource({
        "0,1,1,1", "0,1,5,1", "0,2,3,2",
        "1,1,1,1", "1,1,5,1", "1,2,3,2",
        "2,1,1,1", "2,1,5,1", "2,2,3,2",
        "4,1,1,1", "4,1,5,1", "4,2,3,2",
        "1,3,1,1", "1,1,1,4"})
    void roundTripIsPixelExact(int type, int c, int z, int t) {
        ImagePlus imp = TestImages.random(type, 7, 5, c, z, t, 42 + type);
        CalibratedImage<?> image = ImagePlusBridge.toCalibratedImage(imp);

        List<Axis> expectedAxes = new ArrayList<>(List.of(Axis.X, Axis.Y));
        if (c > 1) expectedAxes.add(Axis.C);
        if (z > 1) expectedAxes.add(Axis.Z);
        if (t > 1) expectedAxes.add(Axis.T);
        assertEquals(expectedAxes, image.axes());
        assertEquals(c * z * t, image.planeCount());
        Class<?> expectedType = switch (type) {
            case ImagePlus.GRAY8 -> UnsignedByteType.class;
            case ImagePlus.GRAY16 -> UnsignedShortType.class;
            case ImagePlus.GRAY32 -> FloatType.class;
            default -> ARGBType.class;
        };
        assertEquals(expectedType, image.data().getType().getClass());

        ImagePlus back = ImagePlusBridge.toImagePlus(image);
        assertEquals(imp.getType(), back.getType());
        assertArrayEquals(imp.getDimensions(), back.getDimensions());
        for (int i = 1; i <= imp.getStackSize(); i++) {
            assertPixelsEqual(imp.getStack().getPixels(i), back.getStack().getPixels(i));
        }
    }

    @Test
    void hyperstackAxisOrderMatchesImageJStackIndex() {
        ImagePlus imp = TestImages.random(ImagePlus.GRAY16, 6, 4, 2, 3, 2, 7);
        @SuppressWarnings("unchecked")
        CalibratedImage<UnsignedShortType> image = (CalibratedImage<UnsignedShortType>) ImagePlusBridge.toCalibratedImage(imp);
        assertEquals(List.of(Axis.X, Axis.Y, Axis.C, Axis.Z, Axis.T), image.axes());
        assertArrayEquals(new long[] {6, 4, 2, 3, 2}, image.data().dimensionsAsLongArray());
        RandomAccess<UnsignedShortType> ra = image.data().randomAccess();
        int[][] probes = {{0, 0, 0, 0, 0}, {5, 3, 1, 0, 0}, {2, 1, 0, 2, 0}, {3, 2, 1, 1, 1}, {1, 3, 0, 2, 1}};
        for (int[] p : probes) {
            int stackIndex = imp.getStackIndex(p[2] + 1, p[3] + 1, p[4] + 1);
            int expected = imp.getStack().getProcessor(stackIndex).get(p[0], p[1]);
            assertEquals(expected, ra.setPositionAndGet(p[0], p[1], p[2], p[3], p[4]).get(),
                    "pixel at x,y,c,z,t " + java.util.Arrays.toString(p));
            assertEquals(expected, image.plane(p[2], p[3], p[4]).getAt(p[0], p[1]).get());
        }
        // The stack index formula is ImageJ's own: c fastest, then z, then t.
        assertEquals(1 + 1 + 2 * (1 + 3 * 1), imp.getStackIndex(2, 2, 2));
    }

    @Test
    void wrappingSharesMemoryBothWays() {
        ImagePlus imp = TestImages.random(ImagePlus.GRAY32, 8, 6, 1, 3, 1, 3);
        @SuppressWarnings("unchecked")
        CalibratedImage<FloatType> image = (CalibratedImage<FloatType>) ImagePlusBridge.toCalibratedImage(imp);
        image.data().getAt(4, 5, 2).set(1234.5f);
        assertEquals(1234.5f, imp.getStack().getProcessor(3).getf(4, 5));
        imp.getStack().getProcessor(1).setf(0, 0, -7.25f);
        assertEquals(-7.25f, image.data().getAt(0, 0, 0).get());

        ImagePlus back = ImagePlusBridge.toImagePlus(image);
        assertSame(imp.getStack().getPixels(2), back.getStack().getPixels(2));
        assertInstanceOf(PlanarImg.class, image.data());
    }

    @Test
    void singlePlaneWrapsTheProcessorArray() {
        ImagePlus imp = TestImages.random(ImagePlus.COLOR_RGB, 5, 5, 1, 1, 1, 9);
        @SuppressWarnings("unchecked")
        CalibratedImage<ARGBType> image = (CalibratedImage<ARGBType>) ImagePlusBridge.toCalibratedImage(imp);
        image.data().getAt(2, 3).set(0xff123456);
        assertEquals(0x123456, imp.getProcessor().get(2, 3) & 0xffffff);
    }

    @Test
    void calibrationIsKeptBothWays() {
        ImagePlus imp = TestImages.random(ImagePlus.GRAY16, 4, 4, 1, 3, 2, 11);
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = 0.661468;
        cal.pixelHeight = 0.75;
        cal.pixelDepth = 2.5;
        cal.setUnit("mm");
        cal.xOrigin = 3.5;
        cal.yOrigin = -2;
        cal.zOrigin = 1.25;
        cal.frameInterval = 0.2;
        cal.setTimeUnit("min");
        cal.setFunction(Calibration.STRAIGHT_LINE, new double[] {-1024.5, 0.25}, "HU");
        imp.setCalibration(cal);

        CalibratedImage<?> image = ImagePlusBridge.toCalibratedImage(imp);
        var s = image.spatialCalibration();
        assertEquals(0.661468, s.pixelWidth());
        assertEquals(0.75, s.pixelHeight());
        assertEquals(2.5, s.pixelDepth());
        assertEquals("mm", s.unit());
        assertEquals(3.5, s.xOrigin());
        assertEquals(-2, s.yOrigin());
        assertEquals(1.25, s.zOrigin());
        assertEquals(0.2, s.frameInterval());
        assertEquals("min", s.timeUnit());
        assertEquals(new ValueCalibration(0.25, -1024.5, "HU"), image.valueCalibration());
        int stored = imp.getStack().getProcessor(1).get(1, 1);
        assertEquals(imp.getCalibration().getCValue(stored), image.valueCalibration().toPhysical(stored));

        Calibration back = ImagePlusBridge.toImagePlus(image).getCalibration();
        assertEquals(0.661468, back.pixelWidth);
        assertEquals(0.75, back.pixelHeight);
        assertEquals(2.5, back.pixelDepth);
        assertEquals("mm", back.getUnit());
        assertEquals(3.5, back.xOrigin);
        assertEquals(-2, back.yOrigin);
        assertEquals(1.25, back.zOrigin);
        assertEquals(0.2, back.frameInterval);
        assertEquals("min", back.getTimeUnit());
        assertEquals(Calibration.STRAIGHT_LINE, back.getFunction());
        assertArrayEquals(new double[] {-1024.5, 0.25}, back.getCoefficients());
        assertEquals("HU", back.getValueUnit());
    }

    @Test
    void signed16BitIsAStraightLineWithTheOffset() {
        ImagePlus imp = TestImages.random(ImagePlus.GRAY16, 4, 4, 1, 1, 1, 5);
        imp.getCalibration().setSigned16BitCalibration();
        imp.getProcessor().set(0, 0, 32768 - 1000);
        CalibratedImage<?> image = ImagePlusBridge.toCalibratedImage(imp);
        assertEquals(1, image.valueCalibration().slope());
        assertEquals(-32768, image.valueCalibration().intercept());
        assertEquals(-1000, image.valueCalibration().toPhysical(32768 - 1000));
        assertTrue(ImagePlusBridge.toImagePlus(image).getCalibration().isSigned16Bit());
    }

    @Test
    void nonLinearCalibrationIsReportedNotApplied() {
        ImagePlus imp = TestImages.random(ImagePlus.GRAY8, 4, 4, 1, 1, 1, 5);
        imp.getCalibration().setFunction(Calibration.POLY2, new double[] {1, 2, 3}, "OD");
        List<String> warnings = new ArrayList<>();
        CalibratedImage<?> image = ImagePlusBridge.toCalibratedImage(imp, warnings::add);
        assertEquals(ValueCalibration.IDENTITY, image.valueCalibration());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("not a straight line") && warnings.get(0).contains("2nd Degree Polynomial"),
                warnings.get(0));
    }

    @Test
    void indexedColourKeepsIndicesAndSaysSo() {
        // A jumbled palette: ImageJ calls a smooth one "pseudo-colour" and keeps the image 8-bit grey.
        byte[] reds = new byte[256];
        byte[] zeros = new byte[256];
        new java.util.Random(4).nextBytes(reds);
        ij.process.ByteProcessor ip = new ij.process.ByteProcessor(3, 2, new byte[] {0, 1, 2, 3, 4, (byte) 200});
        ip.setColorModel(new java.awt.image.IndexColorModel(8, 256, reds, zeros, zeros));
        ImagePlus imp = new ImagePlus("palette", ip);
        imp.setTypeToColor256(); // as ImageJ's GIF and PNG openers do for a palette that is not grey
        assertEquals(ImagePlus.COLOR_256, imp.getType());
        List<String> warnings = new ArrayList<>();
        CalibratedImage<?> image = ImagePlusBridge.toCalibratedImage(imp, warnings::add);
        assertEquals(200, ((UnsignedByteType) image.data().getAt(2, 1)).get());
        assertEquals(List.of("palette: indexed-colour image; pixel values are palette indices and the palette is not kept"),
                warnings);
    }

    @Test
    void floatKeepsItsValueUnit() {
        ImagePlus imp = TestImages.random(ImagePlus.GRAY32, 4, 4, 1, 1, 1, 5);
        imp.getCalibration().setValueUnit("HU");
        CalibratedImage<?> image = ImagePlusBridge.toCalibratedImage(imp);
        assertEquals(new ValueCalibration(1, 0, "HU"), image.valueCalibration());
        assertEquals("HU", ImagePlusBridge.toImagePlus(image).getCalibration().getValueUnit());
    }

    private static void assertPixelsEqual(Object expected, Object actual) {
        if (expected instanceof byte[] e) {
            assertArrayEquals(e, (byte[]) actual);
        } else if (expected instanceof short[] e) {
            assertArrayEquals(e, (short[]) actual);
        } else if (expected instanceof float[] e) {
            assertArrayEquals(e, (float[]) actual);
        } else {
            assertArrayEquals((int[]) expected, (int[]) actual);
        }
    }
}
