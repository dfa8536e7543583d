package io.github.fijigan.core.data;

import static io.github.fijigan.core.data.TranslationImagesTest.PAIRED;
import static io.github.fijigan.core.data.TranslationImagesTest.assertWindow;
import static io.github.fijigan.core.data.TranslationImagesTest.pairedTarget;
import static io.github.fijigan.core.data.TranslationImagesTest.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/** TranslationImages over files written for the test and the committed DICOM, read through ImageJ1. */
class TranslationImagesFilesTest {

    @TempDir
    Path dir;

    private final ImageJReader reader = new ImageJReader();
    private final TranslationImagesTest synthetic = new TranslationImagesTest();

    @Test
    void sideBySideImagesSplitInTheMiddleAndShareTheCrop() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("ab"));
        for (int i = 0; i < 3; i++) {
            int[] a = synthetic.gray(PAIRED.resolve(String.format("A/pair_%03d.png", i)));
            int[] b = synthetic.gray(PAIRED.resolve(String.format("B/pair_%03d.png", i)));
            ByteProcessor ab = new ByteProcessor(64, 32);
            for (int p = 0; p < 32 * 32; p++) {
                ab.set(p % 32, p / 32, a[p]);
                ab.set(32 + p % 32, p / 32, b[p]);
            }
            png(ab, folder.resolve(String.format("ab_%03d.png", i)));
        }
        TranslationImages data = TranslationImages.load(folder, reader, TranslationImages.Options.DEFAULT
                .withMode(DatasetMode.ALIGNED).withPreprocess(Preprocess.CROP, 32, 24));
        assertEquals(3, data.size());
        assertEquals(folder + " (left halves)", data.domainA().origin());
        assertEquals("ab_001.png [right half]", data.domainB().source(1));
        int[] indices = {2, 0, 1, 2};
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, indices, new SplittableRandom(99))) {
            float[] images = batch.images().toFloatArray();
            float[] targets = batch.targets().toFloatArray();
            SplittableRandom expected = new SplittableRandom(99);
            for (int k = 0; k < indices.length; k++) {
                int x = expected.nextInt(9), y = expected.nextInt(9);
                boolean flip = expected.nextBoolean();
                int[] a = synthetic.gray(PAIRED.resolve(String.format("A/pair_%03d.png", indices[k])));
                assertWindow(window(a, 32, x, y, 24, flip), images, k * 576, "left half of sample " + k);
                assertWindow(window(pairedTarget(a), 32, x, y, 24, flip), targets, k * 576, "right half = f(left) of sample " + k);
            }
        }
        png(new ByteProcessor(65, 32), folder.resolve("odd.png"));
        ImageReadException e = expectReadError(() -> TranslationImages.load(folder, reader,
                TranslationImages.Options.DEFAULT.withMode(DatasetMode.ALIGNED)));
        assertEquals(folder.resolve("odd.png"), e.file());
        assertTrue(e.getMessage().contains("is 65 pixels wide; a side-by-side A|B image needs an even width"), e.getMessage());
    }

    @Test
    void sixteenBitPairsMatchByNameAcrossExtensionsAndFitPercentilesOfTheirDomain() throws IOException {
        Path a = Files.createDirectory(dir.resolve("A"));
        Path b = Files.createDirectory(dir.resolve("B"));
        Random random = new Random(3);
        double[] all = new double[2 * 32 * 32];
        short[][] stored = new short[2][];
        for (int i = 0; i < 2; i++) {
            stored[i] = new short[32 * 32];
            for (int p = 0; p < stored[i].length; p++) {
                int v = 1000 + random.nextInt(50000);
                stored[i][p] = (short) v;
                all[i * 1024 + p] = v;
            }
            tiff(new ShortProcessor(32, 32, stored[i], null), a.resolve("img" + i + ".tif"));
            png(new ByteProcessor(32, 32), b.resolve("img" + i + ".png"));
        }
        TranslationImages data = TranslationImages.load(a, b, reader, TranslationImages.Options.DEFAULT
                .withMode(DatasetMode.ALIGNED).withPreprocess(Preprocess.NONE, 286, 256).withFlip(false));
        assertEquals(0, data.cropSize(), "none keeps the loaded size");
        DomainImages domainA = data.domainA();
        assertInstanceOf(UnsignedShortType.class, domainA.pixelType());
        assertInstanceOf(UnsignedByteType.class, data.domainB().pixelType());
        IntensityMap map = domainA.intensityMap();
        assertEquals("percentile", map.method());
        assertEquals(percentile(all, 0.5), map.low(), 1e-6);
        assertEquals(percentile(all, 99.5), map.high(), 1e-6);
        assertEquals("window", data.domainB().intensityMap().method());
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, new int[] {1, 0}, new SplittableRandom(0))) {
            assertEquals(new Shape(2, 1, 32, 32), batch.images().getShape());
            float[] px = batch.images().toFloatArray();
            int clipped = 0;
            for (int p = 0; p < 1024; p++) {
                double v = stored[1][p] & 0xffff;
                double net = 2 * (v - map.low()) / (map.high() - map.low()) - 1;
                clipped += Math.abs(net) > 1 ? 1 : 0;
                assertEquals(Math.max(-1, Math.min(1, net)), px[p], 1e-5, "16-bit pixel " + p);
            }
            assertTrue(clipped > 0 && clipped < 30, clipped + " pixels clipped to the 0.5-99.5 percentile range");
        }
    }

    @Test
    void dicomIsInHounsfieldUnitsAndDomainsMayDifferInSizeAndUnits() throws IOException {
        Path a = Files.createDirectory(dir.resolve("ct"));
        Path b = Files.createDirectory(dir.resolve("mr"));
        Files.copy(TranslationImagesTest.SYNTHETIC.resolve("../dicom/CT_small.dcm"), a.resolve("s1.dcm"));
        Files.copy(TranslationImagesTest.SYNTHETIC.resolve("../dicom/MR_small.dcm"), b.resolve("m1.dcm"));
        TranslationImages data = TranslationImages.load(a, b, reader, TranslationImages.Options.DEFAULT
                .withPreprocess(Preprocess.NONE, 286, 256).withFlip(false).withNormalization("window:-1000,1000", "auto"));
        DomainSpec ct = data.domainA().spec();
        assertEquals(new DomainSpec(1, new IntensityMap("window", -1000, 1000, true, Double.NaN, Double.NaN), "HU"), ct);
        assertEquals(-33792, data.domainA().valueCalibration().intercept(), 0);
        assertInstanceOf(UnsignedShortType.class, data.domainA().pixelType());
        assertEquals("", data.domainB().valueUnit());
        assertEquals("percentile", data.domainB().intensityMap().method());
        assertEquals(1, data.size());
        ImageProcessor ip = reader.open(a.resolve("s1.dcm")).getProcessor();
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, new int[] {0, 0}, new SplittableRandom(1))) {
            assertEquals(new Shape(2, 1, 128, 128), batch.images().getShape());
            assertEquals(new Shape(2, 1, 64, 64), batch.targets().getShape());
            float[] px = batch.images().toFloatArray();
            int inWindow = 0;
            for (int p = 0; p < 128 * 128; p++) {
                double hu = ip.get(p % 128, p / 128) - 33792.0;
                inWindow += Math.abs(hu) < 1000 ? 1 : 0;
                assertEquals(Math.max(-1, Math.min(1, hu / 1000)), px[p], 1e-6, "CT pixel " + p);
            }
            assertTrue(inWindow > 1000, inWindow + " CT pixels inside the window");
            // Stored values back from network units through the domain's map are the file's (inside the window).
            double back = data.domainA().fromNetwork().apply(px[64 * 128 + 64]);
            assertEquals(ip.get(64, 64), back, 0.05);
        }
    }

    @Test
    void rgbToGrayPairsHaveThreeAndOneChannels() throws IOException {
        Path a = Files.createDirectory(dir.resolve("A"));
        Path b = Files.createDirectory(dir.resolve("B"));
        Random random = new Random(8);
        int[] rgb = new int[32 * 32];
        for (int p = 0; p < rgb.length; p++) rgb[p] = random.nextInt(1 << 24);
        png(new ColorProcessor(32, 32, rgb.clone()), a.resolve("x.png"));
        png(new ByteProcessor(32, 32), b.resolve("x.png"));
        TranslationImages data = TranslationImages.load(a, b, reader, TranslationImages.Options.DEFAULT
                .withMode(DatasetMode.ALIGNED).withPreprocess(Preprocess.CROP, 32, 16));
        assertEquals(3, data.channelsA());
        assertEquals(1, data.channelsB());
        assertInstanceOf(ARGBType.class, data.domainA().pixelType());
        try (NDManager manager = NDManager.newBaseManager(); ImageBatch fixed = data.fixed(manager, 1)) {
            assertEquals(new Shape(1, 3, 16, 16), fixed.images().getShape());
            assertEquals(new Shape(1, 1, 16, 16), fixed.targets().getShape());
            float[] px = fixed.images().toFloatArray();
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 256; p++) {
                    int v = (rgb[(8 + p / 16) * 32 + 8 + p % 16] >> (16 - 8 * c)) & 0xff;
                    assertEquals(TranslationImagesTest.net8(v), px[c * 256 + p], 1e-6f, "channel " + c + " pixel " + p);
                }
            }
        }
    }

    @Test
    void scaleWidthKeepsTheAspectAndNoneKeepsTheSize() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("wide"));
        Random random = new Random(4);
        int[] wide = new int[64 * 32];
        ByteProcessor ip = new ByteProcessor(64, 32);
        for (int p = 0; p < wide.length; p++) {
            wide[p] = random.nextInt(256);
            ip.set(p % 64, p / 64, wide[p]);
        }
        png(ip, folder.resolve("w.png"));
        // Width 64 -> 32 and height max(32 * 32 / 64, 16) = 16: 2 x 2 block means, no crop.
        TranslationImages scaled = TranslationImages.load(folder, reader, TranslationImages.Options.DEFAULT
                .withMode(DatasetMode.SINGLE).withPreprocess(Preprocess.SCALE_WIDTH, 32, 16).withFlip(false));
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = scaled.batch(manager, new int[] {0}, new SplittableRandom(0))) {
            assertEquals(new Shape(1, 1, 16, 32), batch.images().getShape());
            float[] px = batch.images().toFloatArray();
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 32; x++) {
                    double mean = (wide[2 * y * 64 + 2 * x] + wide[2 * y * 64 + 2 * x + 1] + wide[(2 * y + 1) * 64 + 2 * x]
                            + wide[(2 * y + 1) * 64 + 2 * x + 1]) / 4.0;
                    assertEquals(TranslationImagesTest.net8(mean), px[y * 32 + x], 1e-6f, "block mean at " + x + "," + y);
                }
            }
        }
        TranslationImages cropped = TranslationImages.load(folder, reader, TranslationImages.Options.DEFAULT
                .withMode(DatasetMode.SINGLE).withPreprocess(Preprocess.SCALE_WIDTH_AND_CROP, 32, 16));
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = cropped.batch(manager, new int[] {0, 0}, new SplittableRandom(0))) {
            assertEquals(new Shape(2, 1, 16, 16), batch.images().getShape());
        }
        // none: the original size; images of two sizes share a batch of one only.
        Files.copy(PAIRED.resolve("A/pair_000.png"), folder.resolve("x.png"));
        TranslationImages none = TranslationImages.load(folder, reader, TranslationImages.Options.DEFAULT
                .withMode(DatasetMode.SINGLE).withPreprocess(Preprocess.NONE, 286, 256));
        try (NDManager manager = NDManager.newBaseManager()) {
            try (ImageBatch one = none.batch(manager, new int[] {0}, new SplittableRandom(0))) {
                assertEquals(new Shape(1, 1, 32, 64), one.images().getShape());
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> none.batch(manager, new int[] {0, 1}, new SplittableRandom(0)));
            assertTrue(e.getMessage().contains("x.png is 32x32 but w.png is 64x32; images of different sizes cannot share a batch"),
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> none.fixed(manager, 2));
            assertTrue(e.getMessage().contains("cannot share a batch"), e.getMessage());
        }
        png(new ByteProcessor(30, 30), folder.resolve("y.png"));
        ImageReadException e = expectReadError(() -> TranslationImages.load(folder, reader, TranslationImages.Options.DEFAULT
                .withMode(DatasetMode.SINGLE).withPreprocess(Preprocess.NONE, 286, 256)));
        assertEquals(folder.resolve("y.png"), e.file());
        assertTrue(e.getMessage().contains("y.png is 30x30; preprocess none needs width and height multiples of 4"), e.getMessage());
        e = expectReadError(() -> TranslationImages.load(folder, reader, TranslationImages.Options.DEFAULT
                .withMode(DatasetMode.SINGLE).withPreprocess(Preprocess.CROP, 286, 31)));
        assertEquals(folder.resolve("y.png"), e.file());
        assertTrue(e.getMessage().contains("y.png is 30x30, smaller than the crop size 31"), e.getMessage());
    }

    static ImageReadException expectReadError(Executable load) {
        return assertThrows(ImageReadException.class, load);
    }

    static void png(ImageProcessor ip, Path file) {
        assertTrue(new FileSaver(new ImagePlus(file.getFileName().toString(), ip)).saveAsPng(file.toString()), "write " + file);
    }

    static void tiff(ImageProcessor ip, Path file) {
        assertTrue(new FileSaver(new ImagePlus(file.getFileName().toString(), ip)).saveAsTiff(file.toString()), "write " + file);
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
}
