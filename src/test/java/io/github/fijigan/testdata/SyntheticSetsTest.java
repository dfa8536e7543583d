package io.github.fijigan.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the committed {@code test-data/synthetic} PNGs honest. They must be exactly what
 * {@link SyntheticSets} generates now, and they must have the properties other tests rely on.
 */
class SyntheticSetsTest {

    /** Maven runs tests in the project root. */
    private static final Path COMMITTED = Path.of("test-data", "synthetic");

    private static final Map<String, Integer> EXPECTED_COUNTS = Map.of(
            "shapes/circle", SyntheticSets.SHAPES_PER_CLASS,
            "shapes/square", SyntheticSets.SHAPES_PER_CLASS,
            "paired/A", SyntheticSets.PAIRS,
            "paired/B", SyntheticSets.PAIRS,
            "unpaired/trainA", SyntheticSets.UNPAIRED_TRAIN,
            "unpaired/trainB", SyntheticSets.UNPAIRED_TRAIN,
            "unpaired/testA", SyntheticSets.UNPAIRED_TEST,
            "unpaired/testB", SyntheticSets.UNPAIRED_TEST);

    @TempDir
    static Path regenerated;

    @BeforeAll
    static void regenerate() throws IOException {
        assertTrue(Files.isDirectory(COMMITTED),
                "Missing " + COMMITTED.toAbsolutePath() + "; tests must run in the project root");
        SyntheticSets.writeAll(regenerated);
    }

    @Test
    void folderCountsMatchTheDocumentedLayout() throws IOException {
        for (Path root : List.of(COMMITTED, regenerated)) {
            Map<String, Long> counts = pngs(root).stream()
                    .collect(Collectors.groupingBy(p -> p.substring(0, p.lastIndexOf('/')), TreeMap::new,
                            Collectors.counting()));
            Map<String, Long> expected = new TreeMap<>();
            EXPECTED_COUNTS.forEach((folder, n) -> expected.put(folder, (long) n));
            assertEquals(expected, counts, "PNG counts per folder under " + root);
        }
    }

    @Test
    void committedPixelsEqualRegeneratedPixels() throws IOException {
        List<String> committed = pngs(COMMITTED);
        assertEquals(pngs(regenerated), committed, "file names differ; regenerate test-data/synthetic");
        for (String name : committed) {
            int[] expected = readGray(regenerated.resolve(name));
            int[] actual = readGray(COMMITTED.resolve(name));
            assertArrayEquals(expected, actual, name + " differs from the generator's output");
        }
    }

    @Test
    void pairedBIsInvertedThenBoxBlurredA() throws IOException {
        for (int i : new int[] {0, 1, 17, 42, SyntheticSets.PAIRS - 1}) {
            String name = String.format(Locale.ROOT, "pair_%03d.png", i);
            int[] a = readGray(COMMITTED.resolve("paired/A").resolve(name));
            int[] b = readGray(COMMITTED.resolve("paired/B").resolve(name));
            assertArrayEquals(invertThenBlur(a), b, name);
            assertArrayEquals(invertThenBlur(a), SyntheticSets.pairedTarget(a), name + " via pairedTarget");
        }
    }

    /** Catches swapped or mislabelled domains: an unpaired CycleGAN test means nothing if A looks like B. */
    @Test
    void domainsHaveTheDocumentedContrast() throws IOException {
        for (String folder : List.of("shapes/circle", "shapes/square", "paired/A", "unpaired/trainA", "unpaired/testA")) {
            for (String name : pngsIn(folder)) {
                assertObjectContrast(name, readGray(COMMITTED.resolve(name)), true);
            }
        }
        for (String folder : List.of("unpaired/trainB", "unpaired/testB")) {
            for (String name : pngsIn(folder)) {
                assertObjectContrast(name, readGray(COMMITTED.resolve(name)), false);
            }
        }
    }

    /**
     * The object covers at least the smallest disc (radius 5, about 78 px) and at most the largest
     * square (22 × 22 px plus a partly covered rim). The four corners are always background, because
     * the object lies fully inside the image and its centre is at least 5 px from every border.
     */
    private static void assertObjectContrast(String name, int[] pixels, boolean brightObject) {
        int threshold = brightObject ? 105 : 115;
        long objectPixels = Arrays.stream(pixels).filter(v -> brightObject ? v > threshold : v < threshold).count();
        assertTrue(objectPixels >= 60 && objectPixels <= 24 * 24, name + ": " + objectPixels + " object pixels");
        int s = SyntheticSets.SIZE;
        for (int corner : new int[] {0, s - 1, s * (s - 1), s * s - 1}) {
            int v = pixels[corner];
            assertTrue(brightObject ? v < threshold : v > threshold, name + ": corner value " + v);
        }
    }

    /** Written apart from {@link SyntheticSets#pairedTarget}, so that a mistake there is caught here. */
    private static int[] invertThenBlur(int[] a) {
        int s = SyntheticSets.SIZE;
        int[][] inv = new int[s + 2][s + 2];
        for (int y = -1; y <= s; y++) {
            for (int x = -1; x <= s; x++) {
                int sx = x < 0 ? 0 : x >= s ? s - 1 : x;
                int sy = y < 0 ? 0 : y >= s ? s - 1 : y;
                inv[y + 1][x + 1] = 255 - a[sy * s + sx];
            }
        }
        int[] out = new int[s * s];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                double sum = 0;
                for (int[] row : new int[][] {inv[y], inv[y + 1], inv[y + 2]}) {
                    sum += row[x] + row[x + 1] + row[x + 2];
                }
                out[y * s + x] = (int) Math.round(sum / 9.0);
            }
        }
        return out;
    }

    private static List<String> pngsIn(String folder) throws IOException {
        return pngs(COMMITTED).stream().filter(p -> p.startsWith(folder + "/")).collect(Collectors.toList());
    }

    /** Sorted relative paths with '/' separators, so the lists compare equal on every OS. */
    private static List<String> pngs(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".png"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static int[] readGray(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "not a readable image: " + file);
        Raster raster = image.getRaster();
        assertEquals(SyntheticSets.SIZE, raster.getWidth(), file + " width");
        assertEquals(SyntheticSets.SIZE, raster.getHeight(), file + " height");
        assertEquals(1, raster.getNumBands(), file + " must be single-channel grey");
        assertEquals(8, raster.getSampleModel().getSampleSize(0), file + " must be 8-bit");
        return raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null);
    }
}
