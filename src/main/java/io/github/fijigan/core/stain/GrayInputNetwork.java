package io.github.fijigan.core.stain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import io.github.fijigan.core.infer.ImageToImageNetwork;

/**
 * A grey-to-colour network made to take RGB: each tile's grey version ({@link Luma}) goes through
 * it. Tiles arrive in network units with one map for all three channels, so the luma taken here is
 * the network-unit luma of the 8-bit colours, as in training.
 */
final class GrayInputNetwork implements ImageToImageNetwork {

    private final ImageToImageNetwork grayToColour;

    GrayInputNetwork(ImageToImageNetwork grayToColour) {
        if (grayToColour.inChannels() != 1) {
            throw new IllegalArgumentException("a colorizer's network takes 1 grey channel, this one " + grayToColour.inChannels());
        }
        this.grayToColour = grayToColour;
    }

    @Override
    public NDArray forward(NDArray batch) {
        try (NDArray gray = Luma.gray(batch)) {
            return grayToColour.forward(gray);
        }
    }

    @Override
    public int inChannels() {
        return 3;
    }

    @Override
    public int outChannels() {
        return grayToColour.outChannels();
    }

    @Override
    public int sizeMultiple() {
        return grayToColour.sizeMultiple();
    }

    @Override
    public Device device() {
        return grayToColour.device();
    }

    @Override
    public String toString() {
        return "luma then " + grayToColour;
    }
}
