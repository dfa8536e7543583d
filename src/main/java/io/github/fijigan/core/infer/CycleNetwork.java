package io.github.fijigan.core.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * A forward network followed by its backward partner, giving both results side by side: the
 * translation {@code G_AB(x)} in the first {@code forward.outChannels()} channels and the
 * reconstruction {@code G_BA(G_AB(x))} in the next {@code forward.inChannels()}. Tiled and blended
 * like any network, it yields a CycleGAN reliability map in one pass.
 */
final class CycleNetwork implements ImageToImageNetwork {

    private final ImageToImageNetwork forward;
    private final ImageToImageNetwork backward;

    CycleNetwork(ImageToImageNetwork forward, ImageToImageNetwork backward) {
        if (backward.inChannels() != forward.outChannels() || backward.outChannels() != forward.inChannels()) {
            throw new IllegalArgumentException("the backward network maps " + backward.inChannels() + " to " + backward.outChannels()
                    + " channels but must undo the forward network's " + forward.inChannels() + " to " + forward.outChannels());
        }
        this.forward = forward;
        this.backward = backward;
    }

    @Override
    public NDArray forward(NDArray batch) {
        try (NDArray y = forward.forward(batch); NDArray r = backward.forward(y)) {
            return NDArrays.concat(new NDList(y, r), 1);
        }
    }

    @Override
    public int inChannels() {
        return forward.inChannels();
    }

    @Override
    public int outChannels() {
        return forward.outChannels() + forward.inChannels();
    }

    @Override
    public int sizeMultiple() {
        int a = forward.sizeMultiple(), b = backward.sizeMultiple();
        return Math.toIntExact((long) a / gcd(a, b) * b);
    }

    @Override
    public ai.djl.Device device() {
        return forward.device();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
