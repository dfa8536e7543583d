package io.github.fijigan.core.infer;

import java.util.SplittableRandom;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.github.fijigan.core.nn.ConvTranspose2d;
import io.github.fijigan.core.nn.InstanceNorm2d;

/**
 * Small real networks for the inference tests, with weights drawn from a seeded Java generator
 * (the project's ResNet/U-Net generators are not needed to test tiling).
 */
final class TinyNets {

    private TinyNets() {}

    /** 3x3 zero-padded convolution, 1 pixel of receptive radius. */
    static Block conv3(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
    }

    /**
     * {@code layers} 3x3 convolutions with tanh between (4 hidden channels): fully convolutional, no
     * normalisation, receptive radius exactly {@code layers} pixels, size multiple 1.
     */
    static BlockNetwork convolutional(NDManager manager, int layers, int in, int out, long seed) {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < layers; i++) {
            block.add(conv3(i == layers - 1 ? out : 4));
            if (i < layers - 1) {
                block.add(Activation.tanhBlock());
            }
        }
        return init(block, manager, in, out, 1, seed);
    }

    /** conv 3x3 → InstanceNorm2d → tanh → conv 3x3: each tile is normalised by its own statistics. */
    static BlockNetwork instanceNormed(NDManager manager, long seed) {
        SequentialBlock block = new SequentialBlock().add(conv3(4)).add(new InstanceNorm2d(4, false))
                .add(Activation.tanhBlock()).add(conv3(1));
        return init(block, manager, 1, 1, 1, seed);
    }

    /**
     * Two stride-2 convolutions down, two stride-2 transposed convolutions up (as a ResNet generator's
     * sampling path, without the blocks): size multiple 4, and not shift-equivariant by less than 4.
     */
    static BlockNetwork downUp(NDManager manager, long seed) {
        SequentialBlock block = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).setFilters(4).build())
                .add(Activation.tanhBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).setFilters(4).build())
                .add(Activation.tanhBlock())
                .add(new ConvTranspose2d(4, 4, 4, 2, 1, true))
                .add(Activation.tanhBlock())
                .add(new ConvTranspose2d(4, 1, 4, 2, 1, true));
        return init(block, manager, 1, 1, 4, seed);
    }

    /** A 1x1 convolution with identity weights and zero bias: output = input, channel by channel. */
    static BlockNetwork identity(NDManager manager, int channels) {
        SequentialBlock block = new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(channels).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, channels, 8, 8));
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            float[] values = new float[Math.toIntExact(a.size())];
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                for (int c = 0; c < channels; c++) values[c * channels + c] = 1;
            }
            a.set(values);
        }
        return new BlockNetwork(block, manager, channels, channels, 1);
    }

    /** A 1x1 convolution from one channel to three, weights chosen to give three different images. */
    static BlockNetwork grayToColour(NDManager manager) {
        SequentialBlock block = new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(3).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
        for (Pair<String, Parameter> p : block.getParameters()) {
            boolean weight = p.getValue().getType() == Parameter.Type.WEIGHT;
            p.getValue().getArray().set(weight ? new float[] {1f, -0.5f, 0.25f} : new float[] {0f, 0.1f, -0.2f});
        }
        return new BlockNetwork(block, manager, 1, 3, 1);
    }

    private static BlockNetwork init(SequentialBlock block, NDManager manager, int in, int out, int multiple, long seed) {
        block.initialize(manager, DataType.FLOAT32, new Shape(1, in, 16, 16));
        SplittableRandom random = new SplittableRandom(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            float[] values = new float[Math.toIntExact(a.size())];
            for (int i = 0; i < values.length; i++) values[i] = (float) random.nextDouble(-0.5, 0.5);
            a.set(values);
        }
        return new BlockNetwork(block, manager, in, out, multiple);
    }

    /** The network on a whole image at once, the reference for tiling: (1, C, H, W) values in, flat floats out. */
    static float[] whole(BlockNetwork network, NDManager manager, float[] image, int channels, int width, int height) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(image, new Shape(1, channels, height, width));
            return network.block().forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    /**
     * A real network that fails as PyTorch does on a GPU when a batch of more than {@code limit}
     * tiles is asked of it: the only fake in these tests, standing in for a device that is too small.
     */
    static final class OutOfMemoryAbove implements ImageToImageNetwork {
        final ImageToImageNetwork network;
        final int limit;
        int refused;
        int largestRun;

        OutOfMemoryAbove(ImageToImageNetwork network, int limit) {
            this.network = network;
            this.limit = limit;
        }

        @Override
        public NDArray forward(NDArray batch) {
            long n = batch.getShape().get(0);
            if (n > limit) {
                refused++;
                throw new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 7.79 GiB total capacity; "
                        + "5.12 GiB already allocated; 1.20 GiB free; 5.30 GiB reserved in total by PyTorch)");
            }
            largestRun = Math.max(largestRun, (int) n);
            return network.forward(batch);
        }

        @Override
        public int inChannels() {
            return network.inChannels();
        }

        @Override
        public int outChannels() {
            return network.outChannels();
        }

        @Override
        public int sizeMultiple() {
            return network.sizeMultiple();
        }
    }
}
