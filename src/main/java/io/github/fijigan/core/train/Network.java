package io.github.fijigan.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.nn.NetworkFactory;
import io.github.fijigan.core.nn.WeightInit;

/**
 * A network being trained or used: the block the factory built from its spec, initialised in a
 * manager, with the parameter store its forward passes need.
 *
 * <pre>{@code
 * Network g = Network.create("generator", spec, manager, "normal", 42);
 * NDArray images = g.forward(new NDList(noise), false).singletonOrThrow();
 * }</pre>
 */
public final class Network {

    private final String name;
    private final NetworkSpec spec;
    private final Block block;
    private final ParameterStore store;

    private Network(String name, NetworkSpec spec, Block block, NDManager manager) {
        this.name = name;
        this.spec = spec;
        this.block = block;
        this.store = new ParameterStore(manager, false);
    }

    /**
     * Builds a network from its spec and initialises its parameters in {@code manager}, with the
     * named weight initialisation drawn from {@code seed} (reproducible, whatever libtorch's RNG).
     */
    public static Network create(String name, NetworkSpec spec, NDManager manager, String init, long seed) {
        return create(name, spec, manager, init, WeightInit.DEFAULT_GAIN, seed, NetworkFactory.inputShapes(spec, 1));
    }

    /**
     * As {@link #create(String, NetworkSpec, NDManager, String, long)}, with the initialisation's
     * gain (the normal's standard deviation) and the input shapes to initialise with, for networks
     * whose input size is free (image to image).
     */
    public static Network create(String name, NetworkSpec spec, NDManager manager, String init, double gain, long seed,
            Shape... inputShapes) {
        Block block = NetworkFactory.build(spec);
        block.initialize(manager, DataType.FLOAT32, inputShapes);
        WeightInit.apply(block, init, gain, seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
        return new Network(name, spec, block, manager);
    }

    /** Builds a network for inference; its parameters are to be loaded (e.g. from a bundle). */
    public static Network forInference(String name, NetworkSpec spec, NDManager manager) {
        Block block = NetworkFactory.build(spec);
        block.initialize(manager, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 1));
        return new Network(name, spec, block, manager);
    }

    /** Runs the network; in training mode batch norm uses batch statistics and updates its running ones. */
    public NDList forward(NDList input, boolean training) {
        return block.forward(store, input, training);
    }

    /** @return the output of a single-input, single-output call */
    public NDArray forward(NDArray input, boolean training) {
        return forward(new NDList(input), training).get(0);
    }

    /**
     * Turns gradient recording for this network's trainable parameters on or off: off while another
     * network's loss is backpropagated through it, so no gradient piles up here (and no time is spent
     * computing it).
     */
    public void requireGradients(boolean on) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(on);
            }
        }
    }

    public ParameterList parameters() {
        return block.getParameters();
    }

    public String name() {
        return name;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Block block() {
        return block;
    }
}
