package io.github.fijigan.core.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a translation image is brought to the network's size, named as pix2pix/CycleGAN's
 * {@code --preprocess}: a fixed resize done once when the images are loaded, then (for the modes
 * that crop) a random {@code crop × crop} window per sample.
 *
 * <table>
 * <caption>Modes</caption>
 * <tr><th>mode</th><th>at load</th><th>per sample</th></tr>
 * <tr><td>{@code resize_and_crop}</td><td>to load × load (aspect not kept)</td><td>random crop</td></tr>
 * <tr><td>{@code crop}</td><td>none; images smaller than crop are refused</td><td>random crop</td></tr>
 * <tr><td>{@code scale_width}</td><td>width to load, height max(⌊load·h/w⌋, crop)</td><td>none</td></tr>
 * <tr><td>{@code scale_width_and_crop}</td><td>as {@code scale_width}</td><td>random crop</td></tr>
 * <tr><td>{@code none}</td><td>none; sides must be multiples of 4</td><td>none</td></tr>
 * </table>
 *
 * <p>Resizing is {@link Resize}'s: area averaging along axes that shrink, bilinear along axes that
 * grow (pix2pix uses bicubic for both; area averaging does not alias when shrinking). {@code none}
 * refuses sides that are not multiples of 4 instead of resampling them as pix2pix does: a silent
 * resample would change the pixel size of medical images; {@code crop} keeps it and drops a margin.
 *
 * <pre>{@code
 * Preprocess p = Preprocess.parse("resize_and_crop");
 * int[] loaded = p.loadedSize(512, 384, 286, 256);   // {286, 286}
 * }</pre>
 */
public enum Preprocess {

    /** Resize to load × load, then random crop. */
    RESIZE_AND_CROP("resize_and_crop", true),
    /** Random crop of the original. */
    CROP("crop", true),
    /** Width to load keeping the aspect ratio; no crop, so sizes may differ between images. */
    SCALE_WIDTH("scale_width", false),
    /** Width to load keeping the aspect ratio, then random crop. */
    SCALE_WIDTH_AND_CROP("scale_width_and_crop", true),
    /** The original size, which must be a multiple of 4 along both axes; sizes may differ between images. */
    NONE("none", false);

    /** What sides of uncropped images must be a multiple of: networks that halve the size twice need it. */
    public static final int SIZE_MULTIPLE = 4;

    private final String spec;
    private final boolean crops;

    Preprocess(String spec, boolean crops) {
        this.spec = spec;
        this.crops = crops;
    }

    /** @return the name configs and macros use, e.g. {@code resize_and_crop} */
    public String spec() {
        return spec;
    }

    /** @return whether each sample is a random crop × crop window (so every batch is square of that size) */
    public boolean crops() {
        return crops;
    }

    /** @return whether the images are resized at load time with the load size */
    public boolean usesLoadSize() {
        return this == RESIZE_AND_CROP || this == SCALE_WIDTH || this == SCALE_WIDTH_AND_CROP;
    }

    /**
     * The size an image is held at after the fixed resize, before any crop.
     *
     * @param width the image's width in pixels
     * @param height the image's height in pixels
     * @return {width, height} after the load-time resize
     */
    public int[] loadedSize(int width, int height, int loadSize, int cropSize) {
        switch (this) {
            case RESIZE_AND_CROP:
                return new int[] {loadSize, loadSize};
            case SCALE_WIDTH:
            case SCALE_WIDTH_AND_CROP:
                if (width == loadSize && height >= cropSize) {
                    return new int[] {width, height};
                }
                // Floor of load·h/w as pix2pix does, but at least the crop so a crop always fits.
                long scaled = (long) loadSize * height / width;
                return new int[] {loadSize, (int) Math.max(scaled, cropSize)};
            default:
                return new int[] {width, height};
        }
    }

    /**
     * Checks that an image of this size can go through this mode.
     *
     * @param source names the image in the message
     * @return null when it can, else what is wrong (naming the source, its size and the rule)
     */
    String problem(String source, int width, int height, int cropSize) {
        if (this == CROP && (width < cropSize || height < cropSize)) {
            return source + " is " + width + "x" + height + ", smaller than the crop size " + cropSize
                    + "; use a smaller crop or preprocess resize_and_crop";
        }
        if (this == NONE && (width % SIZE_MULTIPLE != 0 || height % SIZE_MULTIPLE != 0)) {
            return source + " is " + width + "x" + height + "; preprocess none needs width and height multiples of "
                    + SIZE_MULTIPLE + " (use crop with a crop size that is, or resize_and_crop)";
        }
        return null;
    }

    /**
     * @param spec a mode's name, case and surrounding spaces ignored
     * @throws IllegalArgumentException naming the text and the known modes
     */
    public static Preprocess parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        for (Preprocess p : values()) {
            if (p.spec.equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("preprocess '" + spec + "' not understood; use one of "
                + Arrays.stream(values()).map(Preprocess::spec).toList());
    }
}
