package io.github.fijigan.core.nn;

import ai.djl.ndarray.types.Shape;

/** Checks shared by the layers, so that every layer words a bad input the same way. */
final class Layers {

    private Layers() {}

    /**
     * @throws IllegalArgumentException unless {@code shape} is {@code (N, channels, H, W)}
     */
    static void checkChannels(String layer, Shape shape, long channels) {
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(layer + " expects an input (N, C, H, W), got shape " + shape);
        }
        if (shape.get(1) != channels) {
            throw new IllegalArgumentException(layer + " expects " + channels + " input channels, got " + shape.get(1)
                    + " (input shape " + shape + ")");
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code shape} is {@code (N, C, H, W)}
     */
    static void checkImage(String layer, Shape shape) {
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(layer + " expects an input (N, C, H, W), got shape " + shape);
        }
    }
}
