package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.tensor.ImageTensors;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

/** TrainingImages loaded from the committed test data through ImageJ1, checked against ImageJ1's own pixel values. */
class TrainingImagesFilesTest {

    private static final Path TEST_DATA = Path.of("test-data");
    private static final Path SHAPES = TEST_DATA.resolve("synthetic/shapes");

    @TempDir
    Path dir;

    private final ImageJReader reader = new ImageJReader();

    @Test
    void shapesWithClassSubfolders() throws IOException {
        TrainingImages data = TrainingImages.load(SHAPES, reader, TrainingImages.Options.DEFAULT.withSize(32).withClassSubfolders(true));
        assertEquals(96, data.size());
        assertEquals(List.of("circle", "square"), data.classes());
        assertArrayEquals(new int[] {48, 48}, data.classCounts());
        assertEquals(1, data.channels());
        assertEquals(32, data.imageSize());
        assertEquals(new IntensityMap("window", 0, 255, true, Double.NaN, Double.NaN), data.intensityMap());
        assertInstanceOf(UnsignedByteType.class, data.pixelType());
        assertEquals("circle_000.png", data.source(0));
        assertEquals("square_047.png", data.source(95));
        assertEquals(0, data.label(47));
        assertEquals(1, data.label(48));
        // Every pixel of two files is ImageJ1's 8-bit value v as 2v/255 - 1.
        for (int[] pick : new int[][] {{0, 0}, {95, 1}}) {
            String name = data.source(pick[0]);
            ImageProcessor ip = reader.open(SHAPES.resolve(pick[1] == 0 ? "circle" : "square").resolve(name)).getProcessor();
            float[] px = data.pixels(pick[0]);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    assertEquals((float) (ip.get(x, y) * 2 / 255.0 - 1), px[y * 32 + x], 1e-6f, name + " at " + x + "," + y);
                }
            }
        }
        // One pixel by value, so a systematic error in reading and expecting alike would show.
        ImageProcessor circle = reader.open(SHAPES.resolve("circle/circle_000.png")).getProcessor();
        int v = circle.get(16, 16);
        assertTrue(v > 100, "the disc's centre is bright, got " + v);
        assertEquals(2 * v / 255f - 1, data.pixels(0)[16 * 32 + 16], 1e-6f);
    }

    @Test
    void anUnlabelledFolderAndBatchesRoundTripToTheFiles() throws IOException {
        Path trainA = TEST_DATA.resolve("synthetic/unpaired/trainA");
        TrainingImages data = TrainingImages.load(trainA, reader, TrainingImages.Options.DEFAULT.withSize(32));
        assertEquals(32, data.size());
        assertEquals(List.of(), data.classes());
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, new int[] {3, 7}, Augmentation.NONE, new SplittableRandom(0))) {
            // Back to 8-bit through the map and type the data report: exactly the file's bytes.
            Img<?> back = ImageTensors.toImage(batch.images(), 1, data.pixelType(), data.fromNetwork());
            ImageProcessor ip = reader.open(trainA.resolve("A_007.png")).getProcessor();
            assertEquals("A_007.png", data.source(7));
            @SuppressWarnings("unchecked")
            Cursor<UnsignedByteType> c = Views.flatIterable((Img<UnsignedByteType>) back).cursor();
            for (int i = 0; i < 32 * 32; i++) {
                assertEquals(ip.get(i % 32, i / 32), c.next().get(), "pixel " + i);
            }
        }
    }

    @Test
    void sixteenBitDicomIsNormalisedWithPercentilesOfTheWholeSet() throws IOException {
        Files.copy(TEST_DATA.resolve("dicom/CT_small.dcm"), dir.resolve("a_ct.dcm"));
        Files.copy(TEST_DATA.resolve("dicom/MR_small.dcm"), dir.resolve("b_mr.dcm"));
        TrainingImages data = TrainingImages.load(dir, reader, TrainingImages.Options.DEFAULT.withSize(64));
        assertEquals(2, data.size());
        double[] ct = physical(reader.open(dir.resolve("a_ct.dcm")));
        double[] mr = physical(reader.open(dir.resolve("b_mr.dcm")));
        double[] all = new double[ct.length + mr.length];
        System.arraycopy(ct, 0, all, 0, ct.length);
        System.arraycopy(mr, 0, all, ct.length, mr.length);
        IntensityMap map = data.intensityMap();
        assertEquals("percentile", map.method());
        assertEquals(percentile(all, 0.5), map.low(), 1e-6);
        assertEquals(percentile(all, 99.5), map.high(), 1e-6);
        assertNotEquals(percentile(ct, 0.5), map.low(), "fitted on one image, not the set");
        // MR is 64x64 already: each value maps on its own; CT 128 -> 64 averages 2x2 blocks, then maps.
        float[] mrNet = data.pixels(1);
        for (int i = 0; i < 64 * 64; i++) {
            assertEquals(clamp(2 * (mr[i] - map.low()) / (map.high() - map.low()) - 1), mrNet[i], 1e-5, "MR pixel " + i);
        }
        float[] ctNet = data.pixels(0);
        for (int y = 0; y < 64; y += 7) {
            for (int x = 0; x < 64; x += 5) {
                double mean = (ct[2 * y * 128 + 2 * x] + ct[2 * y * 128 + 2 * x + 1]
                        + ct[(2 * y + 1) * 128 + 2 * x] + ct[(2 * y + 1) * 128 + 2 * x + 1]) / 4;
                assertEquals(clamp(2 * (mean - map.low()) / (map.high() - map.low()) - 1), ctNet[y * 64 + x], 1e-5, "CT " + x + "," + y);
            }
        }
        // CT and MR differ in value calibration, so written-back samples are float physical values.
        assertInstanceOf(FloatType.class, data.pixelType());
    }

    @Test
    void ctSlicesOfOneCalibrationWriteBackToTheirStoredValues() throws IOException {
        Files.copy(TEST_DATA.resolve("dicom/CT_small.dcm"), dir.resolve("s1.dcm"));
        Files.copy(TEST_DATA.resolve("dicom/CT_small.dcm"), dir.resolve("s2.dcm"));
        TrainingImages data = TrainingImages.load(dir, reader, TrainingImages.Options.DEFAULT.withSize(128));
        assertInstanceOf(UnsignedShortType.class, data.pixelType());
        assertEquals("HU", data.valueUnit());
        assertEquals(-33792, data.valueCalibration().intercept(), 0);
        ImageProcessor ip = reader.open(dir.resolve("s1.dcm")).getProcessor();
        IntensityMap map = data.intensityMap();
        int inside = 0, exact = 0;
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, new int[] {0}, Augmentation.NONE, new SplittableRandom(0))) {
            @SuppressWarnings("unchecked")
            Img<UnsignedShortType> back = (Img<UnsignedShortType>) (Img<?>) ImageTensors.toImage(batch.images(), 0, data.pixelType(), data.fromNetwork());
            Cursor<UnsignedShortType> c = Views.flatIterable(back).cursor();
            for (int i = 0; i < 128 * 128; i++) {
                int stored = ip.get(i % 128, i / 128);
                double hu = stored - 33792.0;
                int written = c.next().get();
                if (hu >= map.low() && hu <= map.high()) {
                    inside++;
                    exact += written == stored ? 1 : 0;
                } else {
                    // Clipped to the percentile range, then rounded back to a stored value.
                    double edge = hu < map.low() ? map.low() : map.high();
                    assertEquals(edge + 33792, written, 0.5 + 1e-6, "clipped pixel " + i);
                }
            }
        }
        assertEquals(inside, exact, "values inside the fitted range must come back exactly");
        assertTrue(inside > 128 * 128 * 0.98, inside + " pixels inside the 0.5-99.5 percentile range");
    }

    @Test
    void rgbGivesThreeChannelsInOrder() throws IOException {
        Files.copy(TEST_DATA.resolve("histology/ihc.png"), dir.resolve("ihc.png"));
        ImageProcessor ip = reader.open(dir.resolve("ihc.png")).getProcessor();
        assertEquals(512, ip.getWidth());

        TrainingImages crop = TrainingImages.load(dir, reader, TrainingImages.Options.DEFAULT.withSize(64).withResize("crop"));
        assertEquals(3, crop.channels());
        assertInstanceOf(ARGBType.class, crop.pixelType());
        assertEquals("window", crop.intensityMap().method());
        float[] px = crop.pixels(0);
        int plane = 64 * 64;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int rgb = ip.getPixel(224 + x, 224 + y);
                int[] channels = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
                for (int c = 0; c < 3; c++) {
                    assertEquals(2 * channels[c] / 255f - 1, px[c * plane + y * 64 + x], 1e-6f, "channel " + c + " at " + x + "," + y);
                }
            }
        }
        // The channels are not all the same (a colour image, so an order mistake would show).
        assertNotEquals(px[0], px[plane + 0], "R and G of the first pixel");

        TrainingImages area = TrainingImages.load(dir, reader, TrainingImages.Options.DEFAULT.withSize(64));
        float[] avg = area.pixels(0);
        for (int[] at : new int[][] {{0, 0}, {10, 33}, {63, 63}, {40, 5}}) {
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (int dy = 0; dy < 8; dy++) {
                    for (int dx = 0; dx < 8; dx++) {
                        sum += (ip.getPixel(8 * at[0] + dx, 8 * at[1] + dy) >> (16 - 8 * c)) & 0xff;
                    }
                }
                assertEquals(sum / 64 * 2 / 255 - 1, avg[c * plane + at[1] * 64 + at[0]], 1e-5, "area mean channel " + c);
            }
        }
        // And a crop written back as ARGB is the file's own pixels.
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = crop.batch(manager, new int[] {0}, Augmentation.NONE, new SplittableRandom(0))) {
            @SuppressWarnings("unchecked")
            Img<ARGBType> back = (Img<ARGBType>) (Img<?>) ImageTensors.toImage(batch.images(), 0, crop.pixelType(), crop.fromNetwork());
            Cursor<ARGBType> c = Views.flatIterable(back).cursor();
            for (int i = 0; i < plane; i++) {
                assertEquals(ip.getPixel(224 + i % 64, 224 + i / 64) & 0xffffff, c.next().get() & 0xffffff, "pixel " + i);
            }
        }
    }

    @Test
    void progressIsReportedPerFileAndCancelStopsTheLoad() throws IOException {
        ImageFolder folder = ImageFolder.scan(SHAPES.resolve("circle"), reader);
        List<String> calls = new ArrayList<>();
        ProgressListener recorder = (done, total, message) -> calls.add(done + "/" + total + " " + message);
        TrainingImages.load(folder, reader, TrainingImages.Options.DEFAULT.withSize(16), recorder, new CancellationToken());
        assertEquals(49, calls.size());
        assertEquals("0/48 Reading circle_000.png", calls.get(0));
        assertEquals("47/48 Reading circle_047.png", calls.get(47));
        assertEquals("48/48 Fitting the normalisation", calls.get(48));

        CancellationToken token = new CancellationToken();
        List<Long> seen = new ArrayList<>();
        ProgressListener cancelAtThree = (done, total, message) -> {
            seen.add(done);
            if (done == 3) token.cancel();
        };
        CancelledException e = assertThrows(CancelledException.class,
                () -> TrainingImages.load(folder, reader, TrainingImages.Options.DEFAULT, cancelAtThree, token));
        assertEquals("loading training images cancelled", e.getMessage());
        assertEquals(List.of(0L, 1L, 2L, 3L), seen);
    }

    @Test
    void aFileThatBreaksAfterTheScanIsNamed() throws IOException {
        Files.copy(SHAPES.resolve("circle/circle_000.png"), dir.resolve("one.png"));
        Files.copy(SHAPES.resolve("circle/circle_001.png"), dir.resolve("two.png"));
        ImageFolder folder = ImageFolder.scan(dir, reader);
        Files.write(dir.resolve("two.png"), Arrays.copyOf(Files.readAllBytes(dir.resolve("two.png")), 40));
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> TrainingImages.load(folder, reader, TrainingImages.Options.DEFAULT));
        assertEquals(dir.resolve("two.png"), e.file());
        assertTrue(e.getMessage().startsWith("Cannot read " + dir.resolve("two.png")), e.getMessage());
    }

    @Test
    void labelsAskedOfAFlatScanAreRefused() throws IOException {
        ImageFolder flat = ImageFolder.scan(SHAPES.resolve("circle"), reader);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingImages.load(flat, reader, TrainingImages.Options.DEFAULT.withClassSubfolders(true)));
        assertTrue(e.getMessage().contains("class labels asked for, but the folder was scanned without class subfolders"), e.getMessage());
        // A labelled scan loaded without labels drops them.
        ImageFolder labelled = ImageFolder.scan(SHAPES, reader, ImageFolder.Options.DEFAULT.withClassSubfolders(true));
        TrainingImages unlabelled = TrainingImages.load(labelled, reader, TrainingImages.Options.DEFAULT.withSize(8));
        assertEquals(96, unlabelled.size());
        assertEquals(List.of(), unlabelled.classes());
    }

    /** @return the image's values in physical units (ImageJ1's calibration function), row by row */
    private static double[] physical(ImagePlus imp) {
        ImageProcessor ip = imp.getProcessor();
        Calibration cal = imp.getCalibration();
        double[] v = new double[ip.getWidth() * ip.getHeight()];
        for (int i = 0; i < v.length; i++) {
            v[i] = cal.getCValue(ip.get(i % ip.getWidth(), i / ip.getWidth()));
        }
        return v;
    }

    /** NumPy's default percentile: linear interpolation between the sorted values' ranks. */
    private static double percentile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        double rank = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (rank - lo) * (s[hi] - s[lo]);
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
