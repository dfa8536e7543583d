package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.normalize.IntensityMap;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;

/** TrainingImages from images in memory: sizes, planes, channels, labels, normalisation, batches. */
class TrainingImagesTest {

    private static final TrainingImages.Options OPTIONS = TrainingImages.Options.DEFAULT;

    /** A 4x4 8-bit image with values 0, 10, ..., 150 (value = 10 × (4y + x)). */
    private static CalibratedImage<UnsignedByteType> ramp4() {
        byte[] px = new byte[16];
        for (int i = 0; i < 16; i++) px[i] = (byte) (10 * i);
        return CalibratedImage.plain(ArrayImgs.unsignedBytes(px, 4, 4), "ramp");
    }

    private static float net8(double v) {
        return (float) (v * 2 / 255 - 1);
    }

    @Test
    void areaResizeOfAHandCaseInNetworkUnits() {
        TrainingImages data = TrainingImages.of(List.of(ramp4()), null, OPTIONS.withSize(2));
        assertEquals(new IntensityMap("window", 0, 255, true, Double.NaN, Double.NaN), data.intensityMap());
        // Block means: (0+10+40+50)/4 = 25, then 45, 105, 125.
        float[] expected = {net8(25), net8(45), net8(105), net8(125)};
        assertArrayEquals(expected, data.pixels(0), 1e-6f);
        assertEquals(1, data.size());
        assertEquals(1, data.channels());
        assertEquals(2, data.imageSize());
        assertInstanceOf(UnsignedByteType.class, data.pixelType());
        assertEquals(ValueCalibration.IDENTITY, data.valueCalibration());
    }

    @Test
    void cropKeepsTheCentreAndSmallImagesAreUpscaled() {
        TrainingImages crop = TrainingImages.of(List.of(ramp4()), null, OPTIONS.withSize(2).withResize("crop"));
        assertArrayEquals(new float[] {net8(50), net8(60), net8(90), net8(100)}, crop.pixels(0), 1e-6f);
        TrainingImages up = TrainingImages.of(List.of(ramp4()), null, OPTIONS.withSize(8));
        // Row 0 of a 4 -> 8 bilinear upscale: x = (j + 0.5) / 2 - 0.5 = 0 (clamped), .25, .75, 1.25, ..., 3 (clamped).
        float[] row0 = Arrays.copyOf(up.pixels(0), 8);
        assertArrayEquals(new float[] {net8(0), net8(2.5), net8(7.5), net8(12.5), net8(17.5), net8(22.5), net8(27.5), net8(30)},
                row0, 1e-6f);
    }

    @Test
    void everyPlaneOfAStackIsAnImageAndChannelsStayTogether() {
        // (X, Y, C, Z) = 2 x 2 x 2 x 3: value = 100 z + 10 c + pixel index.
        float[] values = new float[2 * 2 * 2 * 3];
        for (int z = 0; z < 3; z++) {
            for (int c = 0; c < 2; c++) {
                for (int p = 0; p < 4; p++) values[((z * 2) + c) * 4 + p] = 100 * z + 10 * c + p;
            }
        }
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(values, 2, 2, 2, 3);
        CalibratedImage<FloatType> stack = new CalibratedImage<>(img, List.of(Axis.X, Axis.Y, Axis.C, Axis.Z),
                SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "stack");
        TrainingImages data = TrainingImages.of(List.of(stack), List.of("cells"), OPTIONS.withSize(2).withNormalization("window:0,400"));
        assertEquals(3, data.size());
        assertEquals(2, data.channels());
        assertEquals(List.of("cells"), data.classes());
        assertArrayEquals(new int[] {3}, data.classCounts());
        assertEquals("stack [z=2, t=1]", data.source(1));
        for (int z = 0; z < 3; z++) {
            float[] px = data.pixels(z);
            for (int i = 0; i < 8; i++) {
                float stored = 100 * z + 10 * (i / 4) + i % 4;
                assertEquals(stored / 200 - 1, px[i], 1e-6, "plane " + z + " value " + i);
            }
        }
        assertInstanceOf(FloatType.class, data.pixelType());
    }

    @Test
    void autoOnSixteenBitFitsPercentilesOverAllImages() {
        // Two 10x10 16-bit images holding 0..99 and 1000..1099: the 0.5 and 99.5 percentiles of all 200 values.
        short[] a = new short[100], b = new short[100];
        for (int i = 0; i < 100; i++) {
            a[i] = (short) i;
            b[i] = (short) (1000 + i);
        }
        List<CalibratedImage<UnsignedShortType>> images = List.of(
                CalibratedImage.plain(ArrayImgs.unsignedShorts(a, 10, 10), "a"),
                CalibratedImage.plain(ArrayImgs.unsignedShorts(b, 10, 10), "b"));
        TrainingImages data = TrainingImages.of(images, null, OPTIONS.withSize(10));
        IntensityMap map = data.intensityMap();
        assertEquals("percentile", map.method());
        // Sorted values v_0..v_199; rank p/100 * 199: 0.995 -> 0.995, 198.005 -> v_198 + 0.005 (v_199 - v_198).
        assertEquals(0.995, map.low(), 1e-9);
        assertEquals(1098.005, map.high(), 1e-6);
        assertTrue(map.clip());
        assertEquals(0.5, map.lowPercentile());
        float[] first = data.pixels(0);
        assertEquals(-1f, first[0], 0);                          // 0 lies below the low percentile: clipped
        assertEquals((float) (2 * (50 - 0.995) / (1098.005 - 0.995) - 1), first[50], 1e-6f);
        assertEquals(1f, data.pixels(1)[99], 0);                 // 1099: clipped
        assertInstanceOf(UnsignedShortType.class, data.pixelType());
    }

    @Test
    void valueCalibrationIsAppliedAndKeptForWritingBack() {
        ValueCalibration hu = new ValueCalibration(2, -1000, "HU");
        short[] px = {0, 250, 500, 1000};
        CalibratedImage<UnsignedShortType> ct = new CalibratedImage<>(ArrayImgs.unsignedShorts(px, 2, 2),
                List.of(Axis.X, Axis.Y), SpatialCalibration.UNCALIBRATED, hu, "ct");
        TrainingImages data = TrainingImages.of(List.of(ct), null, OPTIONS.withSize(2).withNormalization("window:-1000,1000"));
        // Stored 0, 250, 500, 1000 are -1000, -500, 0, 1000 HU.
        assertArrayEquals(new float[] {-1, -0.5f, 0, 1}, data.pixels(0), 1e-6f);
        assertEquals(hu, data.valueCalibration());
        assertEquals("HU", data.valueUnit());
        // Network -> stored: 0 -> 0 HU -> stored 500.
        assertEquals(500, data.fromNetwork().apply(0), 1e-9);
        assertEquals(1000, data.fromNetwork().apply(1), 1e-9);
    }

    @Test
    void mixedPixelTypesOrCalibrationsFallBackToFloatPhysicalValues() {
        CalibratedImage<UnsignedShortType> sixteen = CalibratedImage.plain(ArrayImgs.unsignedShorts(new short[] {1, 2, 3, 4}, 2, 2), "s");
        CalibratedImage<UnsignedByteType> eight = CalibratedImage.plain(ArrayImgs.unsignedBytes(new byte[] {1, 2, 3, 4}, 2, 2), "e");
        TrainingImages mixed = TrainingImages.of(List.of(sixteen, eight), null, OPTIONS.withSize(2));
        assertInstanceOf(FloatType.class, mixed.pixelType());
        assertEquals("percentile", mixed.intensityMap().method(), "auto is a window only when every image is 8-bit");
        CalibratedImage<UnsignedShortType> shifted = sixteen.withValueCalibration(new ValueCalibration(1, -5, ""));
        TrainingImages calibrations = TrainingImages.of(List.of(sixteen, shifted), null, OPTIONS.withSize(2));
        assertInstanceOf(FloatType.class, calibrations.pixelType());
        assertEquals(ValueCalibration.IDENTITY, calibrations.valueCalibration());
    }

    @Test
    void labelsBecomeSortedClassIndices() {
        List<CalibratedImage<UnsignedByteType>> images = List.of(ramp4(), ramp4(), ramp4(), ramp4());
        TrainingImages data = TrainingImages.of(images, List.of("tumour", "normal", "tumour", "class10"), OPTIONS.withSize(4));
        assertEquals(List.of("class10", "normal", "tumour"), data.classes());
        assertEquals(2, data.label(0));
        assertEquals(1, data.label(1));
        assertEquals(0, data.label(3));
        assertArrayEquals(new int[] {1, 1, 2}, data.classCounts());
        assertTrue(data.isLabelled());

        TrainingImages unlabelled = TrainingImages.of(images, null, OPTIONS.withSize(4));
        assertEquals(List.of(), unlabelled.classes());
        assertArrayEquals(new int[0], unlabelled.classCounts());
        assertFalse(unlabelled.isLabelled());
        assertThrows(IllegalStateException.class, () -> unlabelled.label(0));
    }

    @Test
    void batchesCarryImagesAndLabelsAndRepeatWithTheSameRandom() {
        List<CalibratedImage<UnsignedByteType>> images = List.of(ramp4(), ramp4());
        TrainingImages data = TrainingImages.of(images, List.of("b", "a"), OPTIONS.withSize(4));
        Augmentation aug = Augmentation.parse("hflip,vflip,crop:2");
        try (NDManager manager = NDManager.newBaseManager()) {
            try (ImageBatch plain = data.batch(manager, new int[] {0, 1, 0}, Augmentation.NONE, new SplittableRandom(1))) {
                assertEquals(new Shape(3, 1, 4, 4), plain.images().getShape());
                assertEquals(DataType.FLOAT32, plain.images().getDataType());
                assertEquals(DataType.INT32, plain.labels().getDataType());
                assertArrayEquals(new int[] {1, 0, 1}, plain.labels().toIntArray());
                float[] x = plain.images().toFloatArray();
                assertArrayEquals(data.pixels(0), Arrays.copyOfRange(x, 0, 16));
                assertEquals(3, plain.size());
            }
            float[] first, second, other;
            try (ImageBatch b1 = data.batch(manager, new int[] {0, 1, 0, 1}, aug, new SplittableRandom(99));
                    ImageBatch b2 = data.batch(manager, new int[] {0, 1, 0, 1}, aug, new SplittableRandom(99));
                    ImageBatch b3 = data.batch(manager, new int[] {0, 1, 0, 1}, aug, new SplittableRandom(100))) {
                first = b1.images().toFloatArray();
                second = b2.images().toFloatArray();
                other = b3.images().toFloatArray();
            }
            assertArrayEquals(first, second);
            assertFalse(Arrays.equals(first, other), "another seed gave the same augmented batch");
            // The batch is the augmentation applied to each image in turn with the one random stream.
            SplittableRandom replay = new SplittableRandom(99);
            float[] expected = new float[4 * 16];
            for (int i = 0; i < 4; i++) aug.apply(data.pixels(i % 2), 0, expected, i * 16, 1, 4, replay);
            assertArrayEquals(expected, first);
        }
    }

    @Test
    void unlabelledBatchesHaveNoLabelsAndBadIndicesAreNamed() {
        TrainingImages data = TrainingImages.of(List.of(ramp4()), null, OPTIONS.withSize(4));
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, new int[] {0}, Augmentation.NONE, new SplittableRandom(1))) {
            assertNull(batch.labels());
            assertFalse(batch.isLabelled());
            assertEquals("training image 1 of 1", assertThrows(IndexOutOfBoundsException.class,
                    () -> data.batch(manager, new int[] {0, 1}, Augmentation.NONE, new SplittableRandom(1))).getMessage());
            assertThrows(IllegalArgumentException.class, () -> data.batch(manager, new int[0], Augmentation.NONE, new SplittableRandom(1)));
        }
    }

    @Test
    void badInputsAreNamed() {
        CalibratedImage<FloatType> twoChannels = new CalibratedImage<>(ArrayImgs.floats(2, 2, 2),
                List.of(Axis.X, Axis.Y, Axis.C), SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "two");
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> TrainingImages.of(List.of(ramp4(), twoChannels), null, OPTIONS));
        assertEquals("two has 2 channels but ramp has 1; all training images need the same channel count", channels.getMessage());
        assertEquals("1 images but 2 labels", assertThrows(IllegalArgumentException.class,
                () -> TrainingImages.of(List.of(ramp4()), List.of("a", "b"), OPTIONS)).getMessage());
        assertEquals("ramp: blank class label", assertThrows(IllegalArgumentException.class,
                () -> TrainingImages.of(List.of(ramp4()), List.of(" "), OPTIONS)).getMessage());
        assertEquals("no training images given", assertThrows(IllegalArgumentException.class,
                () -> TrainingImages.of(List.of(), null, OPTIONS)).getMessage());
    }

    @Test
    void optionsHaveDefaultsWithersAndEarlyChecks() {
        assertEquals(new TrainingImages.Options(64, "area", "auto", false), TrainingImages.Options.DEFAULT);
        TrainingImages.Options o = OPTIONS.withSize(128).withResize("CROP").withNormalization(" Percentile:1,99 ").withClassSubfolders(true);
        assertEquals(new TrainingImages.Options(128, "crop", "percentile:1,99", true), o);
        assertEquals("resize mode 'bicubic' not understood; use area or crop",
                assertThrows(IllegalArgumentException.class, () -> OPTIONS.withResize("bicubic")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OPTIONS.withNormalization("zscore")).getMessage()
                .startsWith("normalisation 'zscore' not understood"));
        assertEquals("training image size must be >= 1 pixel, got 0",
                assertThrows(IllegalArgumentException.class, () -> OPTIONS.withSize(0)).getMessage());
        // An explicit recipe wins over auto, also for 8-bit images.
        TrainingImages data = TrainingImages.of(List.of(ramp4()), null, OPTIONS.withSize(4).withNormalization("minmax"));
        assertEquals(new IntensityMap("minmax", 0, 150, false, Double.NaN, Double.NaN), data.intensityMap());
        assertEquals(1f, data.pixels(0)[15], 1e-6f);
    }
}
