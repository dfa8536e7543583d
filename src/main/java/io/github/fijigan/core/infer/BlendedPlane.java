package io.github.fijigan.core.infer;

/**
 * The weighted sum of tile outputs over one image plane, and the summed weights: the only
 * plane-sized memory of a tiled prediction.
 */
final class BlendedPlane {

    private final int width;
    private final int height;
    private final int channels;
    private final float[] sum;
    private final float[] weight;

    BlendedPlane(int width, int height, int channels) {
        long values = (long) width * height * channels;
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a plane of " + width + "x" + height + " pixels with " + channels
                    + " output channels has more than 2^31 values; split the image before translating it");
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.sum = new float[(int) values];
        this.weight = new float[width * height];
    }

    /**
     * Adds one tile's output, {@code channels} blocks of {@code tile.height() * tile.width()} floats from
     * {@code offset}, weighted by {@code wx[j] * wy[i]}; pixels past the image are dropped.
     */
    void add(Tile tile, float[] output, int offset, float[] wx, float[] wy) {
        int w = tile.width(), h = tile.height();
        int cols = Math.min(w, width - tile.x());
        int rows = Math.min(h, height - tile.y());
        int plane = width * height;
        for (int i = 0; i < rows; i++) {
            float rowWeight = wy[i];
            if (rowWeight == 0) {
                continue;
            }
            int target = (tile.y() + i) * width + tile.x();
            for (int j = 0; j < cols; j++) {
                weight[target + j] += rowWeight * wx[j];
            }
            for (int c = 0; c < channels; c++) {
                int source = offset + c * w * h + i * w;
                int t = c * plane + target;
                for (int j = 0; j < cols; j++) {
                    sum[t + j] += rowWeight * wx[j] * output[source + j];
                }
            }
        }
    }

    /**
     * Divides the sums by the weights, in place.
     *
     * @return {@code channels} blocks of {@code width * height} floats, rows of X
     * @throws IllegalStateException when a pixel got no weight (a plan that does not cover the plane)
     */
    float[] finish() {
        int plane = width * height;
        for (int p = 0; p < plane; p++) {
            float w = weight[p];
            if (!(w > 0)) {
                throw new IllegalStateException("pixel " + (p % width) + "," + (p / width) + " of a " + width + "x" + height
                        + " plane is covered by no tile");
            }
            for (int c = 0; c < channels; c++) {
                sum[c * plane + p] /= w;
            }
        }
        return sum;
    }
}
