package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;

import ij.process.ImageProcessor;

/**
 * TranslationImages on the committed synthetic sets: aligned pairs keep B = f(A) under the same
 * crop and flip, unaligned data draws B as documented, batches are reproducible from the seed.
 */
class TranslationImagesTest {

    static final Path SYNTHETIC = Path.of("test-data/synthetic");
    static final Path PAIRED = SYNTHETIC.resolve("paired");
    static final Path UNPAIRED = SYNTHETIC.resolve("unpaired");
    private static final TranslationImages.Options ALIGNED_CROP_24 = TranslationImages.Options.DEFAULT
            .withMode(DatasetMode.ALIGNED).withPreprocess(Preprocess.CROP, 32, 24);

    private final ImageJReader reader = new ImageJReader();

    @Test
    void alignedPairsShareTheCropAndFlipSoBStaysFOfA() throws IOException {
        TranslationImages data = TranslationImages.load(PAIRED.resolve("A"), PAIRED.resolve("B"), reader, ALIGNED_CROP_24);
        assertEquals(64, data.size());
        assertEquals(1, data.channelsA());
        assertEquals(1, data.channelsB());
        assertEquals(24, data.cropSize());
        assertEquals(new IntensityMap("window", 0, 255, true, Double.NaN, Double.NaN), data.domainA().intensityMap());
        assertEquals(new IntensityMap("window", 0, 255, true, Double.NaN, Double.NaN), data.domainB().intensityMap());
        assertInstanceOf(UnsignedByteType.class, data.domainB().pixelType());
        assertEquals("pair_017.png", data.domainA().source(17));
        assertEquals("pair_017.png", data.domainB().source(17));
        int[] indices = {0, 5, 63, 17, 17, 40, 2, 33, 9, 50};
        int[] flips = new int[2];
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, indices, new SplittableRandom(42))) {
            assertEquals(new Shape(10, 1, 24, 24), batch.images().getShape());
            assertEquals(new Shape(10, 1, 24, 24), batch.targets().getShape());
            assertNull(batch.labels());
            float[] images = batch.images().toFloatArray();
            float[] targets = batch.targets().toFloatArray();
            // The documented draws per aligned sample: x, y, then flip, one window for both images.
            SplittableRandom expected = new SplittableRandom(42);
            for (int k = 0; k < indices.length; k++) {
                int x = expected.nextInt(9), y = expected.nextInt(9);
                boolean flip = expected.nextBoolean();
                flips[flip ? 1 : 0]++;
                int[] a = gray(PAIRED.resolve("A").resolve(String.format("pair_%03d.png", indices[k])));
                assertWindow(window(a, 32, x, y, 24, flip), images, k * 576, "A of sample " + k);
                assertWindow(window(pairedTarget(a), 32, x, y, 24, flip), targets, k * 576, "B = f(A) of sample " + k);
            }
        }
        assertTrue(flips[0] > 0 && flips[1] > 0, "both flipped and unflipped samples checked: " + Arrays.toString(flips));
    }

    @Test
    void bToASwapsTheDomainsAndResizeAndCropResizesBothAlike() throws IOException {
        TranslationImages.Options options = ALIGNED_CROP_24.withDirection(TranslationDirection.B_TO_A)
                .withPreprocess(Preprocess.RESIZE_AND_CROP, 40, 32);
        TranslationImages data = TranslationImages.load(PAIRED.resolve("A"), PAIRED.resolve("B"), reader, options);
        assertEquals("B", data.domainA().folderName());
        assertEquals("A", data.domainB().folderName());
        assertEquals(40, data.domainA().width(3));
        int[] indices = {3, 60};
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, indices, new SplittableRandom(7))) {
            float[] images = batch.images().toFloatArray();
            float[] targets = batch.targets().toFloatArray();
            SplittableRandom expected = new SplittableRandom(7);
            for (int k = 0; k < indices.length; k++) {
                int x = expected.nextInt(9), y = expected.nextInt(9);
                boolean flip = expected.nextBoolean();
                int[] a = gray(PAIRED.resolve("A").resolve(String.format("pair_%03d.png", indices[k])));
                float[] bigA = Resize.resize(toFloat(a), 32, 32, 1, 40, 40, Resize.AREA);
                float[] bigB = Resize.resize(toFloat(pairedTarget(a)), 32, 32, 1, 40, 40, Resize.AREA);
                for (int row = 0; row < 32; row++) {
                    for (int col = 0; col < 32; col++) {
                        int from = (y + row) * 40 + x + (flip ? 31 - col : col);
                        int at = k * 1024 + row * 32 + col;
                        assertEquals(net8(bigB[from]), images[at], 1e-6f, "input (B) of sample " + k);
                        assertEquals(net8(bigA[from]), targets[at], 1e-6f, "target (A) of sample " + k);
                    }
                }
            }
        }
    }

    @Test
    void sameSeedSameBatchOtherSeedOtherCrops() throws IOException {
        TranslationImages data = TranslationImages.load(PAIRED.resolve("A"), PAIRED.resolve("B"), reader, ALIGNED_CROP_24);
        int[] indices = {1, 2, 3, 4};
        try (NDManager manager = NDManager.newBaseManager()) {
            float[][] first = arrays(data.batch(manager, indices, new SplittableRandom(5)));
            float[][] again = arrays(data.batch(manager, indices, new SplittableRandom(5)));
            float[][] other = arrays(data.batch(manager, indices, new SplittableRandom(6)));
            assertArrayEquals(first[0], again[0]);
            assertArrayEquals(first[1], again[1]);
            assertFalse(Arrays.equals(first[0], other[0]), "another seed, other crops");
        }
    }

    @Test
    void fixedBatchIsTheCentreCropUnflippedAsTrainingImagesCropIt() throws IOException {
        TranslationImages.Options options = ALIGNED_CROP_24.withMode(DatasetMode.SINGLE);
        TranslationImages data = TranslationImages.load(PAIRED.resolve("A"), reader, options);
        assertFalse(data.hasTargets());
        assertThrows(IllegalStateException.class, data::domainB);
        TrainingImages reference = TrainingImages.load(PAIRED.resolve("A"), reader,
                TrainingImages.Options.DEFAULT.withSize(24).withResize(Resize.CROP));
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch fixed = data.fixed(manager, 3);
                ImageBatch again = data.fixed(manager, 3);
                ImageBatch all = data.fixed(manager, 1000)) {
            assertNull(fixed.targets());
            assertEquals(new Shape(3, 1, 24, 24), fixed.images().getShape());
            float[] px = fixed.images().toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(reference.pixels(i), Arrays.copyOfRange(px, i * 576, (i + 1) * 576), "image " + i);
            }
            assertArrayEquals(px, again.images().toFloatArray());
            assertEquals(64, all.size(), "capped at the dataset's size");
        }
        // A single folder read BtoA plays domain B: its normalisation is B's.
        TranslationImages asB = TranslationImages.load(PAIRED.resolve("B"), reader,
                options.withDirection(TranslationDirection.B_TO_A).withNormalization("window:0,100", "window:0,200"));
        assertEquals("B", asB.domainA().folderName());
        assertEquals(200, asB.domainA().intensityMap().high());
    }

    @Test
    void unalignedRootHasAnEpochOfTheLargerDomainAndDrawsBAsDocumented() throws IOException {
        TranslationImages.Options crop32 = TranslationImages.Options.DEFAULT.withPreprocess(Preprocess.CROP, 32, 32);
        TranslationImages root = TranslationImages.load(UNPAIRED, reader, crop32);
        assertEquals(32, root.size());
        assertEquals(UNPAIRED.resolve("trainA").toString(), root.domainA().origin());
        assertEquals(UNPAIRED.resolve("trainB").toString(), root.domainB().origin());

        // 8 A images, 32 B images: 32 samples, sample i takes A image i mod 8.
        TranslationImages data = TranslationImages.load(UNPAIRED.resolve("testA"), UNPAIRED.resolve("trainB"), reader, crop32);
        assertEquals(32, data.size());
        int[] indices = {20, 3, 31};
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, indices, new SplittableRandom(11))) {
            float[] images = batch.images().toFloatArray();
            float[] targets = batch.targets().toFloatArray();
            SplittableRandom expected = new SplittableRandom(11);
            int[] drawnB = new int[indices.length];
            for (int k = 0; k < indices.length; k++) {
                int b = expected.nextInt(32);
                drawnB[k] = b;
                assertEquals(0, expected.nextInt(1) + expected.nextInt(1), "a 32 crop of a 32 image sits at 0, 0");
                boolean flipA = expected.nextBoolean();
                expected.nextInt(1);
                expected.nextInt(1);
                boolean flipB = expected.nextBoolean();
                int[] a = gray(UNPAIRED.resolve("testA").resolve(String.format("A_%03d.png", indices[k] % 8)));
                int[] bImage = gray(UNPAIRED.resolve("trainB").resolve(String.format("B_%03d.png", b)));
                assertWindow(window(a, 32, 0, 0, 32, flipA), images, k * 1024, "A of sample " + k);
                assertWindow(window(bImage, 32, 0, 0, 32, flipB), targets, k * 1024, "B of sample " + k);
            }
            assertNotEquals(drawnB[0], drawnB[1], "B images drawn at random, not by index: " + Arrays.toString(drawnB));
        }
        // The fixed batch pairs sample i with B image i mod |B|, unflipped.
        try (NDManager manager = NDManager.newBaseManager(); ImageBatch fixed = data.fixed(manager, 2)) {
            float[] targets = fixed.targets().toFloatArray();
            assertWindow(gray(UNPAIRED.resolve("trainB/B_001.png")), targets, 1024, "fixed B of sample 1");
        }
    }

    @Test
    void summaryNamesModeDomainsAndMaps() throws IOException {
        TranslationImages data = TranslationImages.load(PAIRED.resolve("A"), PAIRED.resolve("B"), reader,
                ALIGNED_CROP_24.withFlip(false).withNormalization("auto", "window:0,300"));
        var json = data.summary();
        assertEquals("aligned", json.get("mode").getAsString());
        assertEquals("AtoB", json.get("direction").getAsString());
        assertEquals("crop", json.get("preprocess").getAsString());
        assertEquals(24, json.get("crop_size").getAsInt());
        assertFalse(json.get("flip").getAsBoolean());
        assertEquals(64, json.get("samples").getAsInt());
        assertEquals(64, json.getAsJsonObject("A").get("images").getAsInt());
        assertEquals("UnsignedByteType", json.getAsJsonObject("A").get("pixel_type").getAsString());
        assertEquals(300, json.getAsJsonObject("B").getAsJsonObject("normalization").get("high").getAsDouble());
        assertEquals(1, data.domainB().spec().channels());
        assertEquals(300, data.domainB().spec().normalization().high());
        // Without flips, a batch is the same whatever the seed (the crop aside): here crop = image - 8.
        try (NDManager manager = NDManager.newBaseManager();
                ImageBatch batch = data.batch(manager, new int[] {0}, new SplittableRandom(3))) {
            SplittableRandom expected = new SplittableRandom(3);
            int x = expected.nextInt(9), y = expected.nextInt(9);
            int[] b = gray(PAIRED.resolve("B/pair_000.png"));
            float[] t = batch.targets().toFloatArray();
            for (int i = 0; i < 576; i++) {
                assertEquals((float) (b[(y + i / 24) * 32 + x + i % 24] * 2 / 300.0 - 1), t[i], 1e-6f, "B pixel " + i);
            }
        }
    }

    // ---- helpers shared with the other translation tests ----

    /** The paired set's B = f(A), re-implemented from test-data/synthetic/README.md. */
    static int[] pairedTarget(int[] a) {
        int[] b = new int[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int s = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(31, Math.max(0, x + dx)), yy = Math.min(31, Math.max(0, y + dy));
                        s += 255 - a[yy * 32 + xx];
                    }
                }
                b[y * 32 + x] = (s + 4) / 9;
            }
        }
        return b;
    }

    /** @return the size × size window at (x, y) of a width-wide image, mirrored left-right when flip */
    static int[] window(int[] image, int width, int x, int y, int size, boolean flip) {
        int[] w = new int[size * size];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                w[row * size + col] = image[(y + row) * width + x + (flip ? size - 1 - col : col)];
            }
        }
        return w;
    }

    /** Checks 8-bit values against network values from {@code offset}: v ↦ 2v/255 - 1. */
    static void assertWindow(int[] expected, float[] actual, int offset, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(net8(expected[i]), actual[offset + i], 1e-6f, what + ", pixel " + i);
        }
    }

    static float net8(double v) {
        return (float) (v * 2 / 255 - 1);
    }

    static float[] toFloat(int[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = v[i];
        return f;
    }

    /** @return an 8-bit file's pixels as ImageJ1 reads them, rows of X */
    int[] gray(Path file) throws IOException {
        ImageProcessor ip = reader.open(file).getProcessor();
        int[] v = new int[ip.getWidth() * ip.getHeight()];
        for (int i = 0; i < v.length; i++) v[i] = ip.get(i % ip.getWidth(), i / ip.getWidth());
        return v;
    }

    private static float[][] arrays(ImageBatch batch) {
        try (batch) {
            return new float[][] {batch.images().toFloatArray(), batch.targets().toFloatArray()};
        }
    }
}
