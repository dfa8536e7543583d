package io.github.fijigan.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.view.Views;

/** imglib2 → ImageJ1: type mapping, sharing, copying of views, calibration ImageJ1 cannot hold. */
class ToImagePlusTest {

    private static final List<Axis> XYCZT = List.of(Axis.X, Axis.Y, Axis.C, Axis.Z, Axis.T);

    @Test
    void otherRealTypesBecomeFloatCopiesOfTheirValues() {
        check(ByteType::new, -128, 127);
        check(ShortType::new, -32768, 32767);
        check(IntType::new, -2_000_000, 16_777_216);
        check(UnsignedIntType::new, 0, 4_000_000_000L);
        check(LongType::new, -(1L << 40), 1L << 40);
        check(DoubleType::new, -1e-3, 2.5e6);
    }

    private static <T extends NativeType<T> & RealType<T>> void check(Supplier<T> type, double low, double high) {
        ArrayImg<T, ?> img = new net.imglib2.img.array.ArrayImgFactory<>(type.get()).create(3, 2, 2);
        double[] values = {low, high, 0, 1, 2, 42, Math.floor(low / 2), Math.floor(high / 3), 7, 8, 9, 10};
        int i = 0;
        for (T px : img) {
            px.setReal(values[i++]);
        }
        CalibratedImage<T> image = new CalibratedImage<>(img, List.of(Axis.X, Axis.Y, Axis.Z),
                SpatialCalibration.of(0.5, 0.5, 3, "mm"), ValueCalibration.IDENTITY, "typed");
        ImagePlus imp = ImagePlusBridge.toImagePlus(image);
        assertEquals(ImagePlus.GRAY32, imp.getType(), type.get().getClass().getSimpleName());
        assertEquals(2, imp.getNSlices());
        i = 0;
        for (T px : img) {
            int x = i % 3;
            int y = (i / 3) % 2;
            int z = i / 6;
            assertEquals((float) px.getRealDouble(), imp.getStack().getProcessor(z + 1).getf(x, y),
                    type.get().getClass().getSimpleName() + " at " + i);
            i++;
        }
    }

    @Test
    void floatWithValueCalibrationHoldsPhysicalValues() {
        var img = ArrayImgs.shorts(new short[] {-1024, 0, 1000, 3071}, 2, 2);
        CalibratedImage<ShortType> image = new CalibratedImage<>(img, List.of(Axis.X, Axis.Y),
                SpatialCalibration.UNCALIBRATED, new ValueCalibration(0.5, -10, "HU"), "ct");
        ImagePlus imp = ImagePlusBridge.toImagePlus(image);
        assertArrayEquals(new float[] {-522, -10, 490, 1525.5f}, (float[]) imp.getProcessor().getPixels());
        assertEquals("HU", imp.getCalibration().getValueUnit());
        assertEquals(new ValueCalibration(1, 0, "HU"), ImagePlusBridge.toCalibratedImage(imp).valueCalibration());

        var floats = ArrayImgs.floats(new float[] {1, 2, 3, 4}, 2, 2);
        ImagePlus f = ImagePlusBridge.toImagePlus(new CalibratedImage<>(floats, List.of(Axis.X, Axis.Y),
                SpatialCalibration.UNCALIBRATED, new ValueCalibration(2, 1, "mg/ml"), "f"));
        assertArrayEquals(new float[] {3, 5, 7, 9}, (float[]) f.getProcessor().getPixels());
    }

    @Test
    void viewsWithOffsetsAreCopiedPlaneByPlane() {
        var img = PlanarImgs.unsignedShorts(5, 4, 2, 3, 2);
        int v = 0;
        for (UnsignedShortType px : img) {
            px.set(v++ * 7 % 65536);
        }
        // A crop with a non-zero minimum: not wrappable, so the copy path must find each plane.
        RandomAccessibleInterval<UnsignedShortType> crop = Views.interval(img, new long[] {1, 1, 0, 0, 0},
                new long[] {3, 3, 1, 2, 1});
        CalibratedImage<UnsignedShortType> image = new CalibratedImage<>(crop, XYCZT,
                SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "crop");
        ImagePlus imp = ImagePlusBridge.toImagePlus(image);
        assertArrayEquals(new int[] {3, 3, 2, 3, 2}, imp.getDimensions());
        assertTrue(imp.isHyperStack());
        for (int[] p : new int[][] {{1, 1, 0, 0, 0}, {3, 3, 1, 2, 1}, {2, 1, 1, 0, 1}, {1, 3, 0, 1, 0}}) {
            int expected = img.getAt(p[0], p[1], p[2], p[3], p[4]).get();
            int index = imp.getStackIndex(p[2] + 1, p[3] + 1, p[4] + 1);
            assertEquals(expected, imp.getStack().getProcessor(index).get(p[0] - 1, p[1] - 1));
        }
    }

    @Test
    void arrayImgIsSharedWhenSinglePlaneAndCopiedOtherwise() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        var plane = ArrayImgs.unsignedBytes(data, 3, 2);
        ImagePlus imp = ImagePlusBridge.toImagePlus(CalibratedImage.plain(plane, "plane"));
        assertSame(data, imp.getProcessor().getPixels());

        var volume = ArrayImgs.unsignedBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 3, 2, 2);
        ImagePlus stack = ImagePlusBridge.toImagePlus(new CalibratedImage<>(volume, List.of(Axis.X, Axis.Y, Axis.Z),
                SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "vol"));
        assertArrayEquals(new byte[] {7, 8, 9, 10, 11, 12}, (byte[]) stack.getStack().getPixels(2));
        assertNotSame(volume.update(null).getCurrentStorageArray(), stack.getStack().getPixels(1));
    }

    @Test
    void rgbDropsValueCalibrationWithAWarning() {
        var argb = ArrayImgs.argbs(new int[] {0xff102030, 0xff405060}, 2, 1);
        List<String> warnings = new ArrayList<>();
        ImagePlus imp = ImagePlusBridge.toImagePlus(new CalibratedImage<ARGBType>(argb, List.of(Axis.X, Axis.Y),
                SpatialCalibration.UNCALIBRATED, new ValueCalibration(2, 0, ""), "rgb"), warnings::add);
        assertEquals(ImagePlus.COLOR_RGB, imp.getType());
        assertEquals(0x405060, imp.getProcessor().get(1, 0) & 0xffffff);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("RGB"));
    }

    @Test
    void byteValueCalibrationBecomesAStraightLine() {
        var img = ArrayImgs.unsignedBytes(new byte[] {0, 10, 20, (byte) 255}, 2, 2);
        ImagePlus imp = ImagePlusBridge.toImagePlus(new CalibratedImage<UnsignedByteType>(img, List.of(Axis.X, Axis.Y),
                SpatialCalibration.of(0.1, 0.2, 1, "µm"), new ValueCalibration(0.5, -3, "OD"), "b"));
        Calibration cal = imp.getCalibration();
        assertEquals(Calibration.STRAIGHT_LINE, cal.getFunction());
        assertEquals(124.5, cal.getCValue(255));
        assertEquals("µm", cal.getUnit());
        assertEquals("OD", cal.getValueUnit());
        assertEquals(0.2, cal.pixelHeight);
    }

    @Test
    void imagePlusTitleIsTheName() {
        var img = ArrayImgs.floats(2, 2);
        assertEquals("my image", ImagePlusBridge.toImagePlus(CalibratedImage.plain(img, "my image")).getTitle());
    }
}
