package io.github.fijigan.core.data;

import java.util.SplittableRandom;

import io.github.fijigan.core.tensor.LinearMap;

/**
 * Where one translation sample is cut from its loaded image, and whether it is mirrored: the
 * {@code width × height} window at ({@code x}, {@code y}), flipped left-right when {@code flip}.
 * Aligned pairs use one window for both images, so A and B stay registered.
 *
 * <p>Draws, in this order (pix2pix's {@code get_params}): {@code x = nextInt(W - width + 1)} and
 * {@code y = nextInt(H - height + 1)} when the preprocessing crops, then {@code flip = nextBoolean()}
 * when flips are on.
 *
 * @param x left column of the window in the loaded image
 * @param y top row of the window
 * @param width window width: the crop size, or the whole loaded width
 * @param height window height: the crop size, or the whole loaded height
 * @param flip whether the window is mirrored left-right
 */
record CropWindow(int x, int y, int width, int height, boolean flip) {

    /** @return a random window of an image held at {@code imageWidth × imageHeight} */
    static CropWindow draw(SplittableRandom random, int imageWidth, int imageHeight, TranslationImages.Options options) {
        boolean crops = options.preprocess().crops();
        int size = options.cropSize();
        int x = crops ? random.nextInt(imageWidth - size + 1) : 0;
        int y = crops ? random.nextInt(imageHeight - size + 1) : 0;
        boolean flip = options.flip() && random.nextBoolean();
        return crops ? new CropWindow(x, y, size, size, flip) : new CropWindow(0, 0, imageWidth, imageHeight, flip);
    }

    /** @return the centre window, not flipped: what sample grids show (offsets rounded down) */
    static CropWindow centre(int imageWidth, int imageHeight, TranslationImages.Options options) {
        if (!options.preprocess().crops()) {
            return new CropWindow(0, 0, imageWidth, imageHeight, false);
        }
        int size = options.cropSize();
        return new CropWindow((imageWidth - size) / 2, (imageHeight - size) / 2, size, size, false);
    }

    /**
     * Copies the window of every channel into {@code dst}, mapped to network units on the way (in
     * float arithmetic, clamped as the map says, like {@link SourceUnits#apply}).
     *
     * @param src {@code channels} planes of {@code imageWidth × imageHeight} physical values
     * @param dst receives {@code channels} planes of width × height from {@code offset}
     */
    void copy(float[] src, int imageWidth, int imageHeight, int channels, LinearMap toNetwork, float[] dst, int offset) {
        if (x < 0 || y < 0 || x + width > imageWidth || y + height > imageHeight) {
            throw new IllegalArgumentException("window " + width + "x" + height + " at (" + x + ", " + y
                    + ") outside an image of " + imageWidth + "x" + imageHeight);
        }
        float a = (float) toNetwork.scale(), b = (float) toNetwork.offset();
        float lo = (float) Math.max(toNetwork.lower(), -Float.MAX_VALUE);
        float hi = (float) Math.min(toNetwork.upper(), Float.MAX_VALUE);
        int plane = imageWidth * imageHeight;
        for (int c = 0; c < channels; c++) {
            for (int row = 0; row < height; row++) {
                int from = c * plane + (y + row) * imageWidth + x;
                int to = offset + (c * height + row) * width;
                for (int col = 0; col < width; col++) {
                    float v = src[from + (flip ? width - 1 - col : col)];
                    dst[to + col] = Math.min(Math.max(Math.fma(a, v, b), lo), hi);
                }
            }
        }
    }
}
