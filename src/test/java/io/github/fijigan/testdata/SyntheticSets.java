package io.github.fijigan.testdata;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes the small synthetic image sets in {@code test-data/synthetic}. Fast tests and the demo train
 * on these sets in seconds.
 *
 * <p>All images are 8-bit grey PNGs of {@value #SIZE}×{@value #SIZE} pixels:
 * <ul>
 *   <li>{@code shapes/circle/circle_NNN.png}, {@code shapes/square/square_NNN.png}: two labelled classes
 *       of {@value #SHAPES_PER_CLASS} images each. A bright filled disc or axis-aligned square on a dark,
 *       smoothly varying background.</li>
 *   <li>{@code paired/A/pair_NNN.png} and {@code paired/B/pair_NNN.png}: {@value #PAIRS} aligned pairs.
 *       A is a disc or square image as above, and B is {@link #pairedTarget(int[])} of A.</li>
 *   <li>{@code unpaired/trainA|trainB|testA|testB/…}: {@value #UNPAIRED_TRAIN} training and
 *       {@value #UNPAIRED_TEST} test images per domain. Domain A has bright discs on a dark background.
 *       Domain B has dark squares on a bright background with weaker noise. The two domains are drawn
 *       independently.</li>
 * </ul>
 *
 * <p>Every image is drawn from its own {@link Random} with a fixed seed. {@code java.util.Random}, its
 * {@code nextGaussian} and Java 17's strict floating point are specified exactly, so every JVM gives the
 * same pixels. {@code SyntheticSetsTest} checks the committed PNGs against a fresh run. Any change here
 * that alters pixels must therefore be followed by regenerating and committing the sets.
 *
 * <p>Regenerate from the project root:
 * <pre>{@code
 * mvn -B -q test-compile
 * java -cp target/test-classes io.github.fijigan.testdata.SyntheticSets test-data/synthetic
 * }</pre>
 */
public final class SyntheticSets {

    /** Width and height of every image, in pixels. */
    public static final int SIZE = 32;
    /** Images per class in {@code shapes/}. */
    public static final int SHAPES_PER_CLASS = 48;
    /** Pairs in {@code paired/}. */
    public static final int PAIRS = 64;
    /** Images per domain in {@code unpaired/trainA} and {@code unpaired/trainB}. */
    public static final int UNPAIRED_TRAIN = 32;
    /** Images per domain in {@code unpaired/testA} and {@code unpaired/testB}. */
    public static final int UNPAIRED_TEST = 8;

    /** Sub-samples per pixel side for edge coverage: 4×4 gives 17 coverage levels, which is smooth enough at 32 px. */
    private static final int SUPERSAMPLE = 4;

    // One seed per set, so the sets can be regenerated or extended independently of each other.
    private static final long SEED_CIRCLE = 1_001L;
    private static final long SEED_SQUARE = 1_002L;
    private static final long SEED_PAIRED = 2_001L;
    private static final long SEED_TRAIN_A = 3_001L;
    private static final long SEED_TRAIN_B = 3_002L;
    private static final long SEED_TEST_A = 3_003L;
    private static final long SEED_TEST_B = 3_004L;

    private enum Shape { DISC, SQUARE }

    /** Intensity ranges (inclusive lower, exclusive upper bound for the uniform draws) and noise of one look. */
    private record Style(double backgroundMin, double backgroundMax,
                         double objectMin, double objectMax, double noiseSigma) { }

    private static final Style BRIGHT_ON_DARK = new Style(20, 60, 150, 230, 6.0);
    private static final Style DARK_ON_BRIGHT = new Style(170, 230, 20, 60, 4.0);

    private SyntheticSets() { }

    /**
     * Writes all sets under the given folder, or under {@code test-data/synthetic} when no argument is given.
     *
     * @param args optional output root
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "test-data/synthetic");
        writeAll(root);
        System.out.println("Synthetic sets written to " + root.toAbsolutePath());
    }

    /**
     * Writes every set under {@code root}, creating folders as needed and overwriting files of the same name.
     * Files that a previous version wrote and this one does not are left in place. Nothing is deleted,
     * because the root may be a folder the caller cares about.
     *
     * @param root output folder, e.g. {@code test-data/synthetic}
     * @throws IOException if a file cannot be written
     */
    public static void writeAll(Path root) throws IOException {
        for (int i = 0; i < SHAPES_PER_CLASS; i++) {
            write(root, "shapes/circle/circle_" + number(i), render(Shape.DISC, BRIGHT_ON_DARK, random(SEED_CIRCLE, i)));
            write(root, "shapes/square/square_" + number(i), render(Shape.SQUARE, BRIGHT_ON_DARK, random(SEED_SQUARE, i)));
        }
        for (int i = 0; i < PAIRS; i++) {
            Random rng = random(SEED_PAIRED, i);
            Shape shape = rng.nextBoolean() ? Shape.DISC : Shape.SQUARE;
            int[] a = render(shape, BRIGHT_ON_DARK, rng);
            write(root, "paired/A/pair_" + number(i), a);
            write(root, "paired/B/pair_" + number(i), pairedTarget(a));
        }
        writeDomain(root, "unpaired/trainA/A_", UNPAIRED_TRAIN, Shape.DISC, BRIGHT_ON_DARK, SEED_TRAIN_A);
        writeDomain(root, "unpaired/trainB/B_", UNPAIRED_TRAIN, Shape.SQUARE, DARK_ON_BRIGHT, SEED_TRAIN_B);
        writeDomain(root, "unpaired/testA/A_", UNPAIRED_TEST, Shape.DISC, BRIGHT_ON_DARK, SEED_TEST_A);
        writeDomain(root, "unpaired/testB/B_", UNPAIRED_TEST, Shape.SQUARE, DARK_ON_BRIGHT, SEED_TEST_B);
    }

    /**
     * The fixed map from a {@code paired/A} image to its {@code paired/B} image. It is exact and
     * easy to learn, so a pix2pix test can measure how close a generator comes to it.
     *
     * <p>First invert: {@code v' = 255 - v}. Then take a 3×3 box mean with edge replication (coordinates
     * outside the image are clamped to the nearest edge pixel). The sum {@code S} of the nine inverted
     * neighbours is rounded as {@code (S + 4) / 9} in integer arithmetic. That equals {@code Math.round(S / 9.0)},
     * and no ties can occur because a ninth is never exactly one half.
     *
     * @param a row-major {@value #SIZE}×{@value #SIZE} grey values in 0..255 (index {@code y * SIZE + x})
     * @return the B image in the same layout
     */
    public static int[] pairedTarget(int[] a) {
        if (a.length != SIZE * SIZE) {
            throw new IllegalArgumentException("expected " + SIZE * SIZE + " pixels, got " + a.length);
        }
        int[] b = new int[a.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.min(SIZE - 1, Math.max(0, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(SIZE - 1, Math.max(0, x + dx));
                        sum += 255 - a[yy * SIZE + xx];
                    }
                }
                b[y * SIZE + x] = (sum + 4) / 9;
            }
        }
        return b;
    }

    private static void writeDomain(Path root, String prefix, int count, Shape shape, Style style, long seed)
            throws IOException {
        for (int i = 0; i < count; i++) {
            write(root, prefix + number(i), render(shape, style, random(seed, i)));
        }
    }

    /**
     * Draws one image. The order of the random draws is part of the committed data and must not change:
     * half-size, centre x, centre y, the four background corner levels (top-left, top-right,
     * bottom-left, bottom-right), the object level, then one Gaussian per pixel in row-major order.
     */
    private static int[] render(Shape shape, Style style, Random rng) {
        double half = uniform(rng, 5, 11);
        // Keeping the centre at least `half` from every border puts the whole object inside the image.
        double cx = uniform(rng, half, SIZE - half);
        double cy = uniform(rng, half, SIZE - half);
        double b00 = uniform(rng, style.backgroundMin(), style.backgroundMax());
        double b10 = uniform(rng, style.backgroundMin(), style.backgroundMax());
        double b01 = uniform(rng, style.backgroundMin(), style.backgroundMax());
        double b11 = uniform(rng, style.backgroundMin(), style.backgroundMax());
        double object = uniform(rng, style.objectMin(), style.objectMax());

        int[] pixels = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                // Bilinear between corner levels: smooth like uneven illumination, and never outside the range.
                double u = (x + 0.5) / SIZE;
                double v = (y + 0.5) / SIZE;
                double background = (1 - u) * (1 - v) * b00 + u * (1 - v) * b10 + (1 - u) * v * b01 + u * v * b11;
                double c = coverage(shape, cx, cy, half, x, y);
                double value = background + (object - background) * c + style.noiseSigma() * rng.nextGaussian();
                pixels[y * SIZE + x] = (int) Math.max(0, Math.min(255, Math.round(value)));
            }
        }
        return pixels;
    }

    /** Fraction of pixel (x, y), the unit square from (x, y) to (x+1, y+1), that the object covers. */
    private static double coverage(Shape shape, double cx, double cy, double half, int x, int y) {
        int inside = 0;
        for (int sy = 0; sy < SUPERSAMPLE; sy++) {
            double py = y + (sy + 0.5) / SUPERSAMPLE - cy;
            for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                double px = x + (sx + 0.5) / SUPERSAMPLE - cx;
                boolean in = shape == Shape.DISC
                        ? px * px + py * py <= half * half
                        : Math.abs(px) <= half && Math.abs(py) <= half;
                if (in) {
                    inside++;
                }
            }
        }
        return inside / (double) (SUPERSAMPLE * SUPERSAMPLE);
    }

    private static double uniform(Random rng, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }

    /**
     * An independent stream per image, so regenerating image i never depends on how many came before it.
     * Random's first outputs for nearby seeds are nearly equal (seed 1 and seed 2 give first doubles
     * 0.73088 and 0.73115), so the seed is scrambled with Stafford's mix13, the finaliser of SplittableRandom, first.
     * Without that, every image's first draw, its object size, would be almost the same.
     */
    private static Random random(long setSeed, int index) {
        long z = setSeed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    private static String number(int i) {
        // Locale.ROOT: some default locales would format the digits in another script.
        return String.format(Locale.ROOT, "%03d.png", i);
    }

    private static void write(Path root, String relative, int[] pixels) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, SIZE, SIZE, pixels);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer available for " + file);
        }
    }
}
