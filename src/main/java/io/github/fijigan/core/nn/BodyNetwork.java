package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A network whose layers are one child block, {@code body}, with its input checked before every
 * forward pass, shape query and initialisation, so a wrong input fails with the network's own
 * message rather than deep inside a layer. The parameter names are those of the body under
 * {@code body}.
 */
abstract class BodyNetwork extends AbstractBlock {

    private Block body;

    BodyNetwork(byte version) {
        super(version);
    }

    /** Adds the layers; call once from the constructor. */
    protected final void setBody(Block layers) {
        this.body = addChildBlock("body", layers);
    }

    /** @throws IllegalArgumentException naming the network and what is wrong with the input */
    protected abstract void checkInput(Shape[] shapes);

    /** @return the output shape for a checked input shape */
    protected abstract Shape outputShape(Shape input);

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        checkInput(inputs.getShapes());
        return body.forward(parameterStore, inputs, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInput(inputShapes);
        return new Shape[] {outputShape(inputShapes[0])};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInput(inputShapes);
        body.initialize(manager, dataType, inputShapes);
    }
}
