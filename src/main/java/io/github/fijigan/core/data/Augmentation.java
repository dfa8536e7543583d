package io.github.fijigan.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Random changes made to each training image as it goes into a batch: mirror flips and a random
 * crop. They apply to every channel of an image alike.
 *
 * <p><b>Crop</b> works at the stored size: the image is padded by {@code cropPadding} pixels on each
 * side by reflection (mirroring without repeating the edge pixel, as NumPy's {@code reflect} and
 * PyTorch's {@code ReflectionPad2d}), and a window of the image's own size is cut out of the padded
 * image at a random offset in [0, 2 × padding] along each axis. This is the CIFAR-style "pad and
 * crop" rather than pix2pix's "load larger, crop": training images are held in memory at one size,
 * and a shift by up to {@code cropPadding} pixels is what the crop is for.
 *
 * <p><b>Order</b> of the random draws per image, which reproducibility depends on: horizontal flip
 * ({@code nextBoolean}) when on, vertical flip ({@code nextBoolean}) when on, then the crop's x and
 * y offsets ({@code nextInt(2p + 1)} each) when on. The crop window is taken first and then
 * flipped.
 *
 * <pre>{@code
 * Augmentation aug = Augmentation.parse("hflip,crop:4");     // from a JSON config or a macro key
 * String stored = aug.spec();                                 // "hflip,crop:4"
 * }</pre>
 *
 * @param horizontalFlip mirror left-right with probability 1/2
 * @param verticalFlip mirror top-bottom with probability 1/2
 * @param cropPadding reflection padding in pixels for the random crop; 0 for no crop; must be
 *     smaller than the image size
 */
public record Augmentation(boolean horizontalFlip, boolean verticalFlip, int cropPadding) {

    /** No change. */
    public static final Augmentation NONE = new Augmentation(false, false, 0);

    /** The padding {@code crop} without a number means. */
    public static final int DEFAULT_CROP_PADDING = 4;

    public Augmentation {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("crop padding must be >= 0 pixels, got " + cropPadding);
        }
    }

    /**
     * Reads the short form: a comma-separated list of {@code hflip}, {@code vflip}, {@code crop}
     * (padding {@value #DEFAULT_CROP_PADDING}) or {@code crop:N}; {@code none} or an empty text for
     * {@link #NONE}. Case and spaces are ignored.
     *
     * @throws IllegalArgumentException naming the unknown part and the accepted forms
     */
    public static Augmentation parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("none")) {
            return NONE;
        }
        boolean h = false, v = false;
        int pad = 0;
        for (String raw : s.split(",")) {
            String part = raw.trim();
            if (part.equals("hflip")) {
                h = true;
            } else if (part.equals("vflip")) {
                v = true;
            } else if (part.equals("crop")) {
                pad = DEFAULT_CROP_PADDING;
            } else if (part.startsWith("crop:")) {
                try {
                    pad = Integer.parseInt(part.substring(5).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("augmentation '" + spec + "': '" + part + "' needs a whole number of pixels, e.g. crop:4", e);
                }
                if (pad < 1) {
                    throw new IllegalArgumentException("augmentation '" + spec + "': crop padding must be >= 1 pixel, got " + pad);
                }
            } else {
                throw new IllegalArgumentException("augmentation '" + spec + "': '" + part
                        + "' not understood; use a comma-separated list of hflip, vflip, crop, crop:N (pixels), or none");
            }
        }
        return new Augmentation(h, v, pad);
    }

    /** @return the short form {@link #parse} reads back: e.g. {@code hflip,vflip,crop:4}, or {@code none} */
    public String spec() {
        List<String> parts = new ArrayList<>();
        if (horizontalFlip) parts.add("hflip");
        if (verticalFlip) parts.add("vflip");
        if (cropPadding > 0) parts.add("crop:" + cropPadding);
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    /** @return whether this augmentation changes nothing */
    public boolean isNone() {
        return !horizontalFlip && !verticalFlip && cropPadding == 0;
    }

    /**
     * Writes an augmented copy of one image.
     *
     * @param src the image, {@code channels} planes of size × size floats from {@code srcOffset}
     * @param dst receives the result at {@code dstOffset}, same layout
     * @param random the draws, in the order the class comment gives
     * @throws IllegalArgumentException when the crop padding is not smaller than the image size
     */
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int channels, int size, SplittableRandom random) {
        boolean flipX = horizontalFlip && random.nextBoolean();
        boolean flipY = verticalFlip && random.nextBoolean();
        int p = cropPadding;
        if (p >= size && p > 0) {
            throw new IllegalArgumentException("crop padding of " + p + " pixels needs images larger than that; they are "
                    + size + "x" + size);
        }
        int dx = p > 0 ? random.nextInt(2 * p + 1) - p : 0;
        int dy = p > 0 ? random.nextInt(2 * p + 1) - p : 0;
        transform(src, srcOffset, dst, dstOffset, channels, size, flipX, flipY, dx, dy);
    }

    /**
     * The change once drawn: output pixel (x, y) is input pixel (reflect(x' + dx), reflect(y' + dy))
     * with x' = size - 1 - x when {@code flipX}, else x (likewise y'), so the crop window shifted
     * by (dx, dy) in [-p, p] is taken first and flipped after.
     */
    static void transform(float[] src, int srcOffset, float[] dst, int dstOffset, int channels, int size,
            boolean flipX, boolean flipY, int dx, int dy) {
        if (!flipX && !flipY && dx == 0 && dy == 0) {
            System.arraycopy(src, srcOffset, dst, dstOffset, channels * size * size);
            return;
        }
        int[] column = new int[size];
        for (int x = 0; x < size; x++) {
            column[x] = reflect((flipX ? size - 1 - x : x) + dx, size);
        }
        int plane = size * size;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < size; y++) {
                int from = srcOffset + c * plane + reflect((flipY ? size - 1 - y : y) + dy, size) * size;
                int to = dstOffset + c * plane + y * size;
                for (int x = 0; x < size; x++) {
                    dst[to + x] = src[from + column[x]];
                }
            }
        }
    }

    /** Mirrors an index that lies less than {@code size} outside 0..size-1 back inside, edge not repeated. */
    static int reflect(int i, int size) {
        if (i < 0) {
            return -i;
        }
        return i >= size ? 2 * (size - 1) - i : i;
    }
}
