package io.github.fijigan.core.metrics.benefit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The classical augmentation that synthetic images are compared with: a random rotation, a random
 * scaling and random horizontal and vertical flips, drawn from a seeded stream and applied to float
 * planes in Java.
 *
 * <p>Each draw takes, in this order, an angle uniform in [-{@code maxRotation}, {@code maxRotation}]
 * degrees, a scale uniform in [{@code minScale}, {@code maxScale}], and a coin for each flip (always
 * four numbers, so switching a flip off leaves the other draws as they were). See
 * {@link Transform} for the geometry and the edge handling.
 *
 * <p>Short form, as the command takes it: comma-separated items {@code rotate:DEGREES},
 * {@code scale:MIN-MAX}, {@code hflip}, {@code vflip}, or {@code none}; e.g.
 * {@code rotate:15, scale:0.9-1.1, hflip, vflip} (the default).
 *
 * <pre>{@code
 * ClassicalAugmentation aug = ClassicalAugmentation.parse("rotate:15, scale:0.9-1.1, hflip");
 * SplittableRandom random = new SplittableRandom(seed);
 * float[] copy = aug.apply(pixels, 1, 32, 32, random);   // one new augmented image
 * }</pre>
 *
 * @param maxRotation the largest rotation in degrees, either way; 0 to 180
 * @param minScale the smallest scale factor, positive
 * @param maxScale the largest scale factor, at least {@code minScale}
 * @param horizontalFlip whether half of the images are mirrored left to right
 * @param verticalFlip whether half of the images are mirrored top to bottom
 */
public record ClassicalAugmentation(double maxRotation, double minScale, double maxScale, boolean horizontalFlip,
        boolean verticalFlip) {

    /** No change at all. */
    public static final ClassicalAugmentation NONE = new ClassicalAugmentation(0, 1, 1, false, false);

    /** The short form used when none is given. */
    public static final String DEFAULT_SPEC = "rotate:15, scale:0.9-1.1, hflip, vflip";

    public ClassicalAugmentation {
        if (!(maxRotation >= 0 && maxRotation <= 180)) {
            throw new IllegalArgumentException("rotation range must lie in 0..180 degrees, got " + maxRotation);
        }
        if (!(minScale > 0 && maxScale >= minScale && Double.isFinite(maxScale))) {
            throw new IllegalArgumentException("scale range needs 0 < min <= max, got " + minScale + " .. " + maxScale);
        }
    }

    /**
     * One geometric transform: the image is scaled by {@code scale} and rotated by {@code degrees}
     * (counter-clockwise as displayed, with y pointing down) about its centre
     * ({@code ((w-1)/2, (h-1)/2)}), then mirrored as the flips say. Each output pixel takes the
     * bilinear interpolation of the input at the point that lands on it; a point outside the input
     * takes the value of the nearest edge pixel (coordinates clamped to the image: edge
     * replication, as {@code scipy.ndimage}'s {@code mode="nearest"}), so no artificial black
     * corners appear. A rotation by 90° is exactly {@code numpy.rot90} (the rows mirrored left to
     * right, then transposed) on a square image, scale 1 at 0° with no flip is the identity, and
     * the flips only move pixels.
     *
     * @param degrees the rotation, counter-clockwise as displayed
     * @param scale the magnification; above 1 enlarges the content
     * @param horizontalFlip mirror left to right after rotating
     * @param verticalFlip mirror top to bottom after rotating
     */
    public record Transform(double degrees, double scale, boolean horizontalFlip, boolean verticalFlip) {

        public Transform {
            if (!(scale > 0 && Double.isFinite(scale)) || !Double.isFinite(degrees)) {
                throw new IllegalArgumentException("transform needs a finite angle and a positive scale, got "
                        + degrees + "° and " + scale);
            }
        }

        /**
         * @param src {@code channels} planes of {@code width × height}, row-major, one after the other
         * @return a new array of the same layout; every channel moved alike
         */
        public float[] apply(float[] src, int channels, int width, int height) {
            if (src.length != (long) channels * width * height) {
                throw new IllegalArgumentException("image has " + src.length + " values, expected " + channels + " × "
                        + width + " × " + height);
            }
            double radians = Math.toRadians(degrees);
            double cos = Math.cos(radians) / scale;
            double sin = Math.sin(radians) / scale;
            double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
            int plane = width * height;
            float[] dst = new float[src.length];
            for (int y = 0; y < height; y++) {
                double v = (verticalFlip ? height - 1 - y : y) - cy;
                for (int x = 0; x < width; x++) {
                    double u = (horizontalFlip ? width - 1 - x : x) - cx;
                    double sx = snap(cx + u * cos - v * sin);
                    double sy = snap(cy + u * sin + v * cos);
                    sx = Math.min(Math.max(sx, 0), width - 1);
                    sy = Math.min(Math.max(sy, 0), height - 1);
                    int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                    int x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1);
                    double fx = sx - x0, fy = sy - y0;
                    for (int c = 0; c < channels; c++) {
                        int o = c * plane;
                        double top = src[o + y0 * width + x0] * (1 - fx) + src[o + y0 * width + x1] * fx;
                        double bottom = src[o + y1 * width + x0] * (1 - fx) + src[o + y1 * width + x1] * fx;
                        dst[o + y * width + x] = (float) (top * (1 - fy) + bottom * fy);
                    }
                }
            }
            return dst;
        }

        /** Rounds away the 1e-16 residue of cos(90°) and the like, so quarter turns hit pixel centres exactly. */
        private static double snap(double coordinate) {
            double r = Math.rint(coordinate);
            return Math.abs(coordinate - r) < 1e-9 ? r : coordinate;
        }
    }

    /**
     * Reads the short form (see the class comment).
     *
     * @throws IllegalArgumentException naming the item not understood and the accepted forms
     */
    public static ClassicalAugmentation parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("none")) {
            return NONE;
        }
        double rotation = 0, min = 1, max = 1;
        boolean h = false, v = false;
        for (String raw : s.split(",")) {
            String item = raw.trim();
            try {
                if (item.equals("hflip")) {
                    h = true;
                } else if (item.equals("vflip")) {
                    v = true;
                } else if (item.startsWith("rotate:")) {
                    rotation = Double.parseDouble(item.substring(7).trim());
                } else if (item.startsWith("scale:")) {
                    String[] range = item.substring(6).split("-");
                    if (range.length != 2) {
                        throw new IllegalArgumentException("scale takes MIN-MAX, e.g. scale:0.9-1.1");
                    }
                    min = Double.parseDouble(range[0].trim());
                    max = Double.parseDouble(range[1].trim());
                } else {
                    throw new IllegalArgumentException("unknown item");
                }
            } catch (IllegalArgumentException e) {
                String why = e instanceof NumberFormatException ? "not a number" : e.getMessage();
                throw new IllegalArgumentException("augmentation '" + spec + "': '" + item + "': " + why
                        + "; use rotate:DEGREES, scale:MIN-MAX, hflip, vflip or none (e.g. " + DEFAULT_SPEC + ")", e);
            }
        }
        try {
            return new ClassicalAugmentation(rotation, min, max, h, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("augmentation '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** @return the short form {@link #parse} reads back to this augmentation */
    public String spec() {
        List<String> items = new ArrayList<>();
        if (maxRotation > 0) {
            items.add("rotate:" + number(maxRotation));
        }
        if (minScale != 1 || maxScale != 1) {
            items.add("scale:" + number(minScale) + "-" + number(maxScale));
        }
        if (horizontalFlip) {
            items.add("hflip");
        }
        if (verticalFlip) {
            items.add("vflip");
        }
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    /** @return one random transform (four draws from {@code random}; see the class comment) */
    public Transform draw(SplittableRandom random) {
        double angle = maxRotation * (2 * random.nextDouble() - 1);
        double scale = minScale + (maxScale - minScale) * random.nextDouble();
        boolean h = random.nextBoolean();
        boolean v = random.nextBoolean();
        return new Transform(angle, scale, horizontalFlip && h, verticalFlip && v);
    }

    /** @return a new image: {@code src} under one transform drawn from {@code random} */
    public float[] apply(float[] src, int channels, int width, int height, SplittableRandom random) {
        return draw(random).apply(src, channels, width, height);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
