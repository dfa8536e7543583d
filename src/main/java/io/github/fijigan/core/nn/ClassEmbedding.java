package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A learned vector per class, like PyTorch's {@code nn.Embedding(classes, dim)}: labels {@code (N)}
 * (integers, as int or float) give {@code (N, dim)}. Conditional generators join it to the noise.
 *
 * <pre>{@code
 * ClassEmbedding embed = new ClassEmbedding(10, 100); // parameter "embedding" (10, 100)
 * }</pre>
 *
 * Labels must be whole numbers in {@code [0, classes)}; anything else is refused with the bad value.
 */
public final class ClassEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int classes;
    private final int dim;
    private final Parameter embedding;

    /**
     * @param classes number of classes, at least 1
     * @param dim length of each class vector, at least 1
     */
    public ClassEmbedding(int classes, int dim) {
        super(VERSION);
        if (classes < 1 || dim < 1) {
            throw new IllegalArgumentException("ClassEmbedding needs at least 1 class and 1 dimension, got " + classes + " and " + dim);
        }
        this.classes = classes;
        this.dim = dim;
        // Initially N(0, 1), PyTorch's default; WeightInit keeps that scale.
        embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(classes, dim)).optInitializer((manager, shape, type) -> manager.randomNormal(shape, type))
                .build());
    }

    /** @return number of classes */
    public int classes() {
        return classes;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray labels = inputs.singletonOrThrow();
        if (labels.getShape().dimension() != 1) {
            throw new IllegalArgumentException("class labels must have shape (N), got " + labels.getShape());
        }
        try (NDArray indices = checkedIndices(labels)) {
            NDArray table = parameterStore.getValue(embedding, labels.getDevice(), training);
            return Embedding.embedding(indices, table, SparseFormat.DENSE);
        }
    }

    private NDArray checkedIndices(NDArray labels) {
        try (NDArray wide = labels.toType(DataType.FLOAT64, true)) {
            for (double label : wide.toDoubleArray()) {
                if (label != Math.rint(label) || label < 0 || label >= classes) {
                    throw new IllegalArgumentException("class label " + label + " is not a class index: labels must be whole numbers in [0, "
                            + classes + ")");
                }
            }
        }
        return labels.toType(DataType.INT64, true);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), dim)};
    }
}
