package io.github.fijigan.core.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.fijigan.core.tensor.GraphConstants;

/**
 * Dropout like PyTorch's {@code nn.Dropout(p)}, with masks drawn in Java so that a run is
 * reproducible from its seed and does not depend on libtorch's global generator: in inference the
 * identity; in training every element is kept with probability {@code 1 - p} and then scaled by
 * {@code 1 / (1 - p)} (so the expected value is unchanged), or set to 0.
 *
 * <h2>Seeding</h2>
 * Each Dropout draws its masks from its own {@link SplittableRandom}; every training forward takes
 * the next numbers of that stream. {@link #seedAll} restarts the streams of every Dropout in a
 * network from one seed, each Dropout with a stream of its own. Training code calls it before each
 * training forward pass with a seed of the iteration, so an iteration draws the same masks whether
 * the run went straight through or was resumed from a checkpoint:
 *
 * <pre>{@code
 * Dropout.seedAll(generator.block(), step.random("dropout").nextLong());
 * NDArray fake = generator.forward(realA, true);
 * }</pre>
 *
 * Until {@code seedAll} is called a Dropout draws from a stream seeded with 0. No parameters.
 */
public final class Dropout extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float probability;
    private SplittableRandom random = new SplittableRandom(0);

    /**
     * @param probability the chance {@code p} of zeroing an element in training, in {@code [0, 1)}
     *     (pix2pix uses 0.5)
     */
    public Dropout(float probability) {
        super(VERSION);
        if (!(probability >= 0 && probability < 1)) {
            throw new IllegalArgumentException("Dropout probability must be in [0, 1), got " + probability);
        }
        this.probability = probability;
    }

    /** @return the chance of zeroing an element in training */
    public float probability() {
        return probability;
    }

    /** Restarts this Dropout's mask stream: the next training forward draws from {@code random}. */
    public void seed(SplittableRandom random) {
        this.random = random;
    }

    /**
     * Gives every Dropout in {@code root}'s tree (the root included) a fresh stream: the k-th Dropout
     * met in depth-first child order gets the k-th {@link SplittableRandom#split()} of {@code new
     * SplittableRandom(seed)}, so streams depend on the seed and on the Dropout's position, and
     * differ between Dropouts.
     *
     * @return how many Dropouts were seeded (0 for a network without dropout)
     */
    public static int seedAll(Block root, long seed) {
        SplittableRandom master = new SplittableRandom(seed);
        List<Dropout> all = findAll(root);
        for (Dropout dropout : all) {
            dropout.seed(master.split());
        }
        return all.size();
    }

    /** @return every Dropout in {@code root}'s tree (the root included), in depth-first child order */
    public static List<Dropout> findAll(Block root) {
        List<Dropout> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Block block, List<Dropout> found) {
        if (block instanceof Dropout dropout) {
            found.add(dropout);
        }
        for (Block child : block.getChildren().values()) {
            collect(child, found);
        }
    }

    /**
     * Draws the next mask from this Dropout's stream: each value is {@code 1 / (1 - p)} with
     * probability {@code 1 - p}, else 0.
     */
    float[] nextMask(int size) {
        float keep = 1 / (1 - probability);
        float[] mask = new float[size];
        for (int i = 0; i < size; i++) {
            mask[i] = random.nextDouble() >= probability ? keep : 0;
        }
        return mask;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!training || probability == 0) {
            // A same-shape reshape is a view: a new handle, so callers may close input and output apart.
            return new NDList(x.reshape(x.getShape()));
        }
        try (NDArray mask = mask(x)) {
            return new NDList(x.mul(mask));
        }
    }

    /** @return the next mask in {@code x}'s manager, on its device and of its data type */
    private NDArray mask(NDArray x) {
        Shape shape = x.getShape();
        // In libtorch's memory: x.mul(mask) saves the mask for the backward, and the mask is closed before it.
        NDArray mask = GraphConstants.fromFloats(x.getManager(), nextMask(Math.toIntExact(shape.size())), shape);
        if (!mask.getDevice().equals(x.getDevice())) {
            try (NDArray onCpu = mask) {
                mask = onCpu.toDevice(x.getDevice(), true);
            }
        }
        if (mask.getDataType() != x.getDataType()) {
            try (NDArray asFloat = mask) {
                mask = asFloat.toType(x.getDataType(), true);
            }
        }
        return mask;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
