package io.github.fijigan.core.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Constants that may enter an autograd graph: factors and masks whose memory libtorch owns, so that
 * a backward pass still reads them after their Java handle is closed.
 *
 * <p>Why this class exists: on the CPU, DJL's PyTorch engine makes an array from Java values
 * ({@code manager.create(float[])}, {@code create(Number)}) by wrapping a Java direct buffer
 * ({@code from_blob}), which only the Java {@code NDArray} object keeps alive. Closing that array drops
 * the buffer, and the next garbage collection frees its memory (glibc then writes its free-list
 * pointers into it), even though libtorch may still hold the tensor. DJL's {@code x.mul(Number)},
 * {@code div(Number)}, {@code pow(Number)}, {@code maximum(Number)} and {@code minimum(Number)} make such
 * a scalar and close it at once; PyTorch's backward of these ops saves the scalar, so a collection
 * between forward and backward turns the gradient into garbage (e.g. 1e37 instead of 10). Arrays
 * made here are copied into memory that libtorch allocates and reference-counts, so the graph keeps
 * them alive. ({@code add(Number)} and {@code sub(Number)} are safe: their backward saves nothing.)
 *
 * <pre>{@code
 * NDArray cycle = GraphConstants.times(Losses.l1(reconstructed, real), 10);   // not .mul(10f)
 * NDArray mask = GraphConstants.fromFloats(x.getManager(), values, x.getShape());
 * NDArray dropped = x.mul(mask);                                               // mask may be closed now
 * }</pre>
 */
public final class GraphConstants {

    private GraphConstants() {}

    /**
     * @return a scalar (shape {@code ()}) holding {@code value}, of {@code like}'s data type, on its
     *     device, in its manager, in libtorch-owned memory
     */
    public static NDArray scalar(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType(), like.getDevice());
    }

    /**
     * {@code x * factor} for use in a graph that is differentiated later (a loss weight, a scale),
     * where {@code x.mul(factor)} would let the backward read freed memory.
     *
     * @return a new array in {@code x}'s manager, of its type
     */
    public static NDArray times(NDArray x, float factor) {
        try (NDArray f = scalar(x, factor)) {
            return x.mul(f);
        }
    }

    /**
     * @param manager where the array goes (its device)
     * @param values the values in row-major order; {@code shape.size()} of them
     * @param shape the array's shape
     * @return a float32 array of {@code values} in libtorch-owned memory, which a graph may keep after
     *     the array is closed (a dropout mask, for instance)
     * @throws IllegalArgumentException when the count of values does not match the shape
     */
    public static NDArray fromFloats(NDManager manager, float[] values, Shape shape) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + values.length);
        }
        try (NDArray wrapped = manager.create(values, shape)) {
            // duplicate() is a libtorch clone: new memory from libtorch's allocator, not the Java buffer.
            return wrapped.duplicate();
        }
    }
}
