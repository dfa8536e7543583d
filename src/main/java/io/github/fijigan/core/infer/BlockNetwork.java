package io.github.fijigan.core.infer;

import java.util.Objects;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

/**
 * Any DJL {@link Block} as an {@link ImageToImageNetwork}: the project's own generators and
 * TorchScript modules loaded as {@code PtSymbolBlock}, run with {@code training = false} and no
 * gradient recording.
 *
 * <pre>{@code
 * Network g = Network.forInference("G_A", spec, manager);   // parameters loaded from a bundle
 * ImageToImageNetwork net = new BlockNetwork(g.block(), manager, spec.inChannels(), spec.outChannels(), 4);
 * }</pre>
 *
 * Parameters are used where they are; a forward pass on another device than theirs copies them
 * there once (kept in {@code manager}). A TorchScript module computes only on the device it was
 * loaded to, so give it its own manager's device.
 */
public final class BlockNetwork implements ImageToImageNetwork {

    private final Block block;
    private final NDManager manager;
    private final ParameterStore store;
    private final int inChannels;
    private final int outChannels;
    private final int sizeMultiple;

    /**
     * @param block an initialised block taking one (N, C, H, W) array and giving one
     * @param manager the manager holding the block's parameters; its device is {@link #device()}
     * @param inChannels channels the block takes, at least 1
     * @param outChannels channels it gives, at least 1
     * @param sizeMultiple what heights and widths must be multiples of (e.g. 4 for a ResNet
     *     generator with two down-samplings, 256 for {@code unet_256}), at least 1
     */
    public BlockNetwork(Block block, NDManager manager, int inChannels, int outChannels, int sizeMultiple) {
        this.block = Objects.requireNonNull(block, "block");
        this.manager = Objects.requireNonNull(manager, "manager");
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("network channels must be at least 1, got in " + inChannels + ", out " + outChannels);
        }
        if (sizeMultiple < 1) {
            throw new IllegalArgumentException("network size multiple must be at least 1, got " + sizeMultiple);
        }
        this.store = new ParameterStore(manager, false);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.sizeMultiple = sizeMultiple;
    }

    @Override
    public NDArray forward(NDArray batch) {
        // Inside a GradientCollector (e.g. previews while training) PyTorch records a graph that keeps
        // every activation of the batch alive until the output closes; grad mode is per thread, so it
        // is switched off here for this call only.
        boolean pytorch = batch instanceof PtNDArray;
        boolean recording = pytorch && JniUtils.isGradMode();
        if (recording) {
            JniUtils.setGradMode(false);
        }
        try {
            return block.forward(store, new NDList(batch), false).singletonOrThrow();
        } finally {
            if (recording) {
                JniUtils.setGradMode(true);
            }
        }
    }

    @Override
    public int inChannels() {
        return inChannels;
    }

    @Override
    public int outChannels() {
        return outChannels;
    }

    @Override
    public int sizeMultiple() {
        return sizeMultiple;
    }

    @Override
    public Device device() {
        return manager.getDevice();
    }

    /** @return the wrapped block */
    public Block block() {
        return block;
    }

    @Override
    public String toString() {
        return "BlockNetwork[" + block.getClass().getSimpleName() + ", " + inChannels + "->" + outChannels + " channels, multiple "
                + sizeMultiple + ", " + device() + "]";
    }
}
