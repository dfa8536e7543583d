package io.github.fijigan.core.stain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import io.github.fijigan.core.image.CalibratedImage;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The grey version of a colour image that the colorizer learns from and colours: ITU-R BT.601 luma,
 * {@code Y = 0.299 R + 0.587 G + 0.114 B}, the same formula at training and inference. The weights
 * sum to 1, so the formula commutes with any map applied alike to the three channels: luma of the
 * network-unit channels ([-1, 1]) is the network-unit luma of the 8-bit channels.
 *
 * <pre>{@code
 * NDArray gray = Luma.gray(rgb);              // (N, 3, H, W) -> (N, 1, H, W)
 * double y = Luma.of(200, 120, 180);          // 0.299·200 + 0.587·120 + 0.114·180
 * }</pre>
 */
public final class Luma {

    /** The weights of R, G and B (ITU-R BT.601). */
    public static final double RED = 0.299;
    public static final double GREEN = 0.587;
    public static final double BLUE = 0.114;

    /** The name models store for this conversion. */
    public static final String NAME = "bt601_luma";

    private Luma() {}

    /** @return the luma of one pixel, in the channels' units */
    public static double of(double r, double g, double b) {
        return RED * r + GREEN * g + BLUE * b;
    }

    /**
     * @param rgb (N, 3, H, W) float32
     * @return (N, 1, H, W) float32, owned by {@code rgb}'s manager; the caller closes it
     * @throws IllegalArgumentException when {@code rgb} does not have 3 channels on axis 1
     */
    public static NDArray gray(NDArray rgb) {
        if (rgb.getShape().dimension() != 4 || rgb.getShape().get(1) != 3) {
            throw new IllegalArgumentException("the grey version needs (N, 3, H, W) RGB images, got shape " + rgb.getShape());
        }
        try (NDArray r = rgb.get(new NDIndex(":, 0:1")); NDArray g = rgb.get(new NDIndex(":, 1:2"));
                NDArray b = rgb.get(new NDIndex(":, 2:3")); NDArray wr = r.mul((float) RED); NDArray wg = g.mul((float) GREEN);
                NDArray sum = wr.add(wg); NDArray wb = b.mul((float) BLUE)) {
            return sum.add(wb);
        }
    }

    /** @return whether the image is 8-bit RGB: ARGB pixels, or 8-bit with a C axis of 3 */
    public static boolean isRgb8(CalibratedImage<?> image) {
        Object type = image.data().getType();
        return type instanceof ARGBType || type instanceof UnsignedByteType && image.channels() == 3;
    }

    /** @return whether the image is 8-bit grey with one channel */
    public static boolean isGray8(CalibratedImage<?> image) {
        return image.data().getType() instanceof UnsignedByteType && image.channels() == 1;
    }

    /** @return the image's pixel type and channels, e.g. "UnsignedShortType with 1 channel", for messages */
    public static String describe(CalibratedImage<?> image) {
        return image.data().getType().getClass().getSimpleName() + " with " + image.channels() + " channel"
                + (image.channels() == 1 ? "" : "s");
    }
}
