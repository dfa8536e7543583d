package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * ProGAN's minibatch standard deviation (Karras et al. 2018, section 3): appends one channel holding,
 * everywhere, the mean over all features and pixels of the standard deviation over the batch, so a
 * discriminator can see when a batch of fakes lacks variety. The whole batch is one group; the
 * standard deviation is {@code sqrt(biased variance + 1e-8)} as in the paper's code.
 *
 * <pre>{@code
 * Block stat = new MinibatchStd(); // (N, C, H, W) -> (N, C + 1, H, W)
 * }</pre>
 *
 * No parameters. The statistic mixes samples, so a batch of one gives {@code sqrt(1e-8)}.
 */
public final class MinibatchStd extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float EPS = 1e-8f;

    /** A block without parameters. */
    public MinibatchStd() {
        super(VERSION);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        Layers.checkImage("MinibatchStd", s);
        try (NDArray mean = x.mean(new int[] {0}, true);
                NDArray deviation = x.sub(mean);
                NDArray squared = deviation.square();
                NDArray variance = squared.mean(new int[] {0});
                NDArray shifted = variance.add(EPS);
                NDArray std = shifted.sqrt();
                NDArray average = std.mean();
                NDArray channel = average.broadcast(s.get(0), 1, s.get(2), s.get(3))) {
            return new NDList(NDArrays.concat(new NDList(x, channel), 1));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        Layers.checkImage("MinibatchStd", s);
        return new Shape[] {new Shape(s.get(0), s.get(1) + 1, s.get(2), s.get(3))};
    }
}
