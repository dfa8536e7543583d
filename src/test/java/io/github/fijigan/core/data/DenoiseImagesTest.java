package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.noise.GaussianNoise;
import io.github.fijigan.core.noise.PoissonNoise;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.TiffWriter;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Denoising data: the documented random draws (crop, flip, then noise in the window's row order),
 * 2.5D neighbours with the ends repeated, real pairs from folders, one unclipped map, and the errors.
 */
class DenoiseImagesTest {

    private static final int W = 12, H = 10;

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Pixel (x, y) of slice z holds 100 z + 10 y + x / 2 + 7 (HU), so every slice, row and column differ. */
    private static float value(int x, int y, int z) {
        return 100 * z + 10 * y + x / 2f + 7;
    }

    private static CalibratedImage<?> stack(int slices) {
        float[] v = new float[slices * W * H];
        for (int z = 0; z < slices; z++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    v[(z * H + y) * W + x] = value(x, y, z);
                }
            }
        }
        return new CalibratedImage<>(ArrayImgs.floats(v, W, H, slices), List.of(Axis.X, Axis.Y, Axis.Z), SpatialCalibration.UNCALIBRATED,
                new ValueCalibration(1, 0, "HU"), "stack");
    }

    private static DenoiseImages.Options options(int crop, int slices) {
        return DenoiseImages.Options.DEFAULT.withCropSize(crop).withSlices(slices).withNormalization("window:0,1000")
                .withNoise(new GaussianNoise(0));
    }

    @Test
    void twoAndAHalfDInputsHoldTheNeighboursWithTheEndsRepeated() {
        DenoiseImages data = DenoiseImages.of(List.of(stack(4)), null, options(W < H ? W : H, 5).withFlip(false));
        assertEquals(4, data.planes());
        assertEquals(5, data.inputChannels());
        int[][] expected = {{0, 0, 0, 1, 2}, {0, 0, 1, 2, 3}, {0, 1, 2, 3, 3}, {1, 2, 3, 3, 3}};
        for (int z = 0; z < 4; z++) {
            try (NDManager m = manager.newSubManager(); ImageBatch b = data.batch(m, new int[] {z}, new SplittableRandom(1),
                    new SplittableRandom(2))) {
                assertEquals(new Shape(1, 5, H, H), b.images().getShape());
                assertEquals(new Shape(1, 1, H, H), b.targets().getShape());
                float[] in = b.images().toFloatArray();
                for (int s = 0; s < 5; s++) {
                    assertEquals(expected[z][s], data.neighbour(z, s - 2));
                    // window:0,1000: v -> v / 500 - 1; slice planes differ by 100 HU = 0.2
                    float first = in[s * H * H];
                    assertEquals(expected[z][s], Math.round((first + 1) * 500 - value(0, 0, 0)) / 100, "plane " + z + ", slice " + s);
                }
                assertArrayEquals(java.util.Arrays.copyOfRange(in, 2 * H * H, 3 * H * H), b.targets().toFloatArray(), 0f);
            }
        }
    }

    @Test
    void cropsFlipsAndNoiseFollowTheDocumentedDraws() {
        double sigma = 30;
        DenoiseImages data = DenoiseImages.of(List.of(stack(2)), null, options(6, 1).withNoise(new GaussianNoise(sigma))
                .withPatchesPerImage(3));
        assertEquals(6, data.size());
        int[] indices = {5, 0, 3};
        ImageBatch b = data.batch(manager, indices, new SplittableRandom(40), new SplittableRandom(41));
        float[] in = b.images().toFloatArray();
        float[] target = b.targets().toFloatArray();
        SplittableRandom crops = new SplittableRandom(40), noise = new SplittableRandom(41);
        boolean sawFlip = false;
        for (int k = 0; k < indices.length; k++) {
            int z = indices[k] % 2;
            int x0 = crops.nextInt(W - 6 + 1), y0 = crops.nextInt(H - 6 + 1);
            boolean flip = crops.nextBoolean();
            sawFlip |= flip;
            float[] noisy = new float[36];
            for (int i = 0; i < 36; i++) {
                noisy[i] = (float) (value(x0 + i % 6, y0 + i / 6, z) + sigma * noise.nextGaussian());
            }
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) {
                    int src = flip ? 5 - c : c;
                    int at = k * 36 + r * 6 + c;
                    assertEquals(value(x0 + src, y0 + r, z) / 500 - 1, target[at], 1e-6, "clean, sample " + k);
                    assertEquals(noisy[r * 6 + src] / 500 - 1, in[at], 1e-6, "noisy, sample " + k);
                }
            }
        }
        assertTrue(sawFlip, "seed 40 draws a flip");
        ImageBatch again = data.batch(manager, indices, new SplittableRandom(40), new SplittableRandom(41));
        assertArrayEquals(in, again.images().toFloatArray(), 0f);
        ImageBatch other = data.batch(manager, indices, new SplittableRandom(40), new SplittableRandom(42));
        assertFalse(java.util.Arrays.equals(in, other.images().toFloatArray()), "another noise stream, other noise");
        assertArrayEquals(target, other.targets().toFloatArray(), 0f);
        float[] fixed = data.fixed(manager, 5, 9).images().toFloatArray();
        assertEquals(2 * 36, fixed.length, "one centre patch per plane");
        assertArrayEquals(fixed, data.fixed(manager, 5, 9).images().toFloatArray(), 0f);
    }

    @Test
    void realPairsLoadFromNoisyAndCleanFoldersByName() throws Exception {
        Path root = dir.resolve("pairs");
        Files.createDirectories(root.resolve("clean"));
        Files.createDirectories(root.resolve("noisy"));
        for (String name : new String[] {"a", "b"}) {
            float[] clean = new float[W * H], noisy = new float[W * H];
            for (int i = 0; i < clean.length; i++) {
                clean[i] = 50 + i;
                noisy[i] = 50 + i + (name.equals("a") ? 5 : -5) * (i % 2 == 0 ? 1 : -1);
            }
            TiffWriter.write(CalibratedImage.plain(ArrayImgs.floats(clean, W, H), name), root.resolve("clean/" + name + ".tif"));
            TiffWriter.write(CalibratedImage.plain(ArrayImgs.floats(noisy, W, H), name), root.resolve("noisy/" + name + ".tif"));
        }
        DenoiseImages.Options o = DenoiseImages.Options.DEFAULT.withCropSize(8).withNormalization("minmax").withFlip(false);
        DenoiseImages data = DenoiseImages.load(root, new ImageJReader(), o, ProgressListener.NONE, new CancellationToken());
        assertFalse(data.simulated());
        assertEquals(2, data.planes());
        // minmax over clean and noisy values: 45 .. 174, unclipped
        assertEquals(45, data.intensityMap().low(), 1e-6);
        assertEquals(174, data.intensityMap().high(), 1e-6);
        assertFalse(data.intensityMap().clip());
        ImageBatch b = data.batch(manager, new int[] {1}, new SplittableRandom(3), new SplittableRandom(4));
        float[] in = b.images().toFloatArray(), target = b.targets().toFloatArray();
        for (int i = 0; i < in.length; i++) {
            double diff = (in[i] - target[i]) * (174 - 45) / 2.0;
            assertEquals(5, Math.abs(diff), 1e-3, "the real noise of pair b at " + i);
        }
        assertEquals("real pairs", data.summary().getAsJsonObject("noise").get("name").getAsString());

        Files.delete(root.resolve("noisy/b.tif"));
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> DenoiseImages.load(root, new ImageJReader(), o, ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains("1 clean file(s) have no noisy partner: b.tif"), e.getMessage());
        e = assertThrows(ImageReadException.class, () -> DenoiseImages.load(root, new ImageJReader(), o.withNoise(new GaussianNoise(3)),
                ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains("holds real pairs (a noisy folder beside clean) but the noise simulator gaussian is chosen"),
                e.getMessage());
        e = assertThrows(ImageReadException.class, () -> DenoiseImages.load(root.resolve("clean"), new ImageJReader(), o,
                ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains("has no noisy folder of real noisy images beside clean; give real pairs"), e.getMessage());
    }

    @Test
    void autoNormalisationIsTheCtWindowForHuAndNeverClips() {
        DenoiseImages ct = DenoiseImages.of(List.of(stack(1)), null, options(8, 1).withNormalization("auto"));
        assertEquals("window", ct.intensityMap().method());
        assertEquals(-1000, ct.intensityMap().low());
        assertEquals(1000, ct.intensityMap().high());
        assertFalse(ct.intensityMap().clip());
        assertEquals("HU", ct.spec().valueUnit());
        CalibratedImage<?> bytes = CalibratedImage.plain(ArrayImgs.unsignedBytes(new byte[W * H], W, H), "8-bit");
        DenoiseImages plain = DenoiseImages.of(List.of(bytes), null, options(8, 1).withNormalization("auto"));
        assertEquals(0, plain.intensityMap().low());
        assertEquals(255, plain.intensityMap().high());
        assertFalse(plain.intensityMap().clip());
        DenoiseImages narrow = DenoiseImages.of(List.of(stack(1)), null, options(8, 1).withNormalization("window:0,50").withFlip(false));
        float[] in = narrow.batch(manager, new int[] {0}, new SplittableRandom(5), new SplittableRandom(5)).images().toFloatArray();
        float max = -Float.MAX_VALUE;
        for (float v : in) {
            max = Math.max(max, v);
        }
        assertTrue(max > 1.5f, "values above the window are not clipped: " + max);
    }

    @Test
    void badDataIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenoiseImages.of(List.of(stack(1)), null, options(11, 1)));
        assertTrue(e.getMessage().contains("stack is 12x10 pixels, smaller than the crop size 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DenoiseImages.of(List.of(stack(1)), List.of(stack(2)), options(8, 1).withNoise(null)));
        assertTrue(e.getMessage().contains("the noisy image has 2 along Z but the clean one 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DenoiseImages.of(List.of(stack(1)), null, options(8, 1).withNoise(null)));
        assertTrue(e.getMessage().contains("choose a noise simulator"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DenoiseImages.Options.DEFAULT.withSlices(4));
        assertTrue(e.getMessage().contains("slices must be an odd number"), e.getMessage());
        CalibratedImage<?> bytes = CalibratedImage.plain(ArrayImgs.unsignedBytes(new byte[W * H], W, H), "8-bit");
        DenoiseImages poissonOnBytes = DenoiseImages.of(List.of(bytes), null, options(8, 1).withNoise(new PoissonNoise(1e5, 1, 0.0192, 20)));
        assertEquals(List.of("poisson noise simulates CT in HU, but the images' values are in no unit; they are taken as HU"),
                poissonOnBytes.warnings());
    }
}
