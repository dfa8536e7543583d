package io.github.fijigan.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Reconstruction and classification losses, each a scalar mean: L1 (pix2pix's and CycleGAN's cycle
 * and identity terms), L2 (mean squared error), and softmax cross-entropy (an auxiliary classifier).
 *
 * <pre>{@code
 * NDArray cycle = Losses.l1(reconstructedA, realA).mul(lambdaA);
 * NDArray classes = Losses.softmaxCrossEntropy(classLogits, labels);
 * }</pre>
 */
public final class Losses {

    private Losses() {}

    /**
     * @return {@code mean(|a - b|)} over all elements
     * @throws IllegalArgumentException if the shapes differ (no broadcasting, which would hide a
     *     mistake such as comparing a batch with one image)
     */
    public static NDArray l1(NDArray a, NDArray b) {
        requireSameShape("l1", a, b);
        return a.sub(b).abs().mean();
    }

    /**
     * @return {@code mean((a - b)^2)} over all elements
     * @throws IllegalArgumentException if the shapes differ
     */
    public static NDArray l2(NDArray a, NDArray b) {
        requireSameShape("l2", a, b);
        return a.sub(b).square().mean();
    }

    /**
     * The mean over the batch of {@code -log softmax(logits)[label]}, through a log-softmax, so large
     * logits neither overflow nor lose precision.
     *
     * @param logits {@code (N, K)} scores for K classes
     * @param labels {@code (N)} class indices 0..K-1, as integers or as whole floating-point numbers
     * @throws IllegalArgumentException for other shapes, or a label that is not a class index
     */
    public static NDArray softmaxCrossEntropy(NDArray logits, NDArray labels) {
        Shape shape = logits.getShape();
        if (shape.dimension() != 2 || labels.getShape().dimension() != 1 || labels.getShape().get(0) != shape.get(0)) {
            throw new IllegalArgumentException("softmax cross-entropy needs logits (N, K) and labels (N); got logits "
                    + shape + " and labels " + labels.getShape());
        }
        long classes = shape.get(1);
        try (NDArray index = classIndices(labels, classes)) {
            return logits.logSoftmax(1).gather(index, 1).mean().neg();
        }
    }

    /** @return the labels as an int64 column {@code (N, 1)}, each checked to be a class index */
    private static NDArray classIndices(NDArray labels, long classes) {
        // Labels are few (one per sample): checking them on the host costs nothing worth saving.
        try (NDArray asDouble = labels.toType(DataType.FLOAT64, true)) {
            double[] values = asDouble.toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (!(v >= 0 && v < classes && v == Math.rint(v))) {
                    throw new IllegalArgumentException("label " + v + " of sample " + i + " is not a class index 0.."
                            + (classes - 1));
                }
            }
        }
        try (NDArray asLong = labels.toType(DataType.INT64, true)) {
            return asLong.reshape(labels.getShape().get(0), 1);
        }
    }

    private static void requireSameShape(String loss, NDArray a, NDArray b) {
        if (!a.getShape().equals(b.getShape())) {
            throw new IllegalArgumentException(loss + " loss compares arrays of one shape; got " + a.getShape()
                    + " and " + b.getShape());
        }
    }
}
