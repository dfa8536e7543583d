package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Mirror padding like PyTorch's {@code nn.ReflectionPad2d}: the border pixel is the mirror axis and
 * is not repeated, so {@code [a b c d]} padded by 2 is {@code [c b a b c d c b]}. Used before
 * convolutions in ResNet generators so that borders see image-like values rather than zeros.
 *
 * <pre>{@code
 * Block pad = new ReflectionPad2d(3); // (N, C, H, W) -> (N, C, H + 6, W + 6)
 * }</pre>
 *
 * Each padding must be smaller than the size it mirrors (PyTorch's rule); a larger one is refused.
 * No parameters.
 */
public final class ReflectionPad2d extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int left;
    private final int right;
    private final int top;
    private final int bottom;

    /** @param pad rows and columns added on every side, at least 0 */
    public ReflectionPad2d(int pad) {
        this(pad, pad, pad, pad);
    }

    /** Paddings in PyTorch's order: columns on the left and right, then rows on the top and bottom; each at least 0. */
    public ReflectionPad2d(int left, int right, int top, int bottom) {
        super(VERSION);
        if (left < 0 || right < 0 || top < 0 || bottom < 0) {
            throw new IllegalArgumentException("ReflectionPad2d paddings must be at least 0, got left " + left + ", right " + right
                    + ", top " + top + ", bottom " + bottom);
        }
        this.left = left;
        this.right = right;
        this.top = top;
        this.bottom = bottom;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(pad(inputs.singletonOrThrow(), left, right, top, bottom));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        check(s, left, right, top, bottom);
        return new Shape[] {new Shape(s.get(0), s.get(1), s.get(2) + top + bottom, s.get(3) + left + right)};
    }

    /**
     * @param x {@code (N, C, H, W)}
     * @return {@code x} mirrored outwards, in {@code x}'s manager
     * @throws IllegalArgumentException when a padding is not smaller than the size it mirrors
     */
    public static NDArray pad(NDArray x, int left, int right, int top, int bottom) {
        check(x.getShape(), left, right, top, bottom);
        if (left == 0 && right == 0) {
            // A same-shape reshape is a differentiable view: the result is always a new array.
            return top == 0 && bottom == 0 ? x.reshape(x.getShape()) : mirror(x, 2, top, bottom);
        }
        NDArray wide = mirror(x, 3, left, right);
        if (top == 0 && bottom == 0) {
            return wide;
        }
        try (wide) {
            return mirror(wide, 2, top, bottom);
        }
    }

    /** Mirrors along {@code axis} (2 rows, 3 columns): reversed slices next to the edges, joined in one concat. */
    private static NDArray mirror(NDArray x, int axis, int before, int after) {
        long size = x.getShape().get(axis);
        NDArray low = before > 0 ? reversed(x, axis, 1, before + 1) : null;
        NDArray high = after > 0 ? reversed(x, axis, size - 1 - after, size - 1) : null;
        NDList parts = new NDList(3);
        if (low != null) {
            parts.add(low);
        }
        parts.add(x);
        if (high != null) {
            parts.add(high);
        }
        try {
            return NDArrays.concat(parts, axis);
        } finally {
            if (low != null) {
                low.close();
            }
            if (high != null) {
                high.close();
            }
        }
    }

    private static NDArray reversed(NDArray x, int axis, long from, long to) {
        try (NDArray slice = x.get(index(axis, from, to))) {
            return slice.flip(axis);
        }
    }

    private static NDIndex index(int axis, long from, long to) {
        return axis == 2 ? new NDIndex(":, :, {}:{}", from, to) : new NDIndex(":, :, :, {}:{}", from, to);
    }

    private static void check(Shape s, int left, int right, int top, int bottom) {
        Layers.checkImage("ReflectionPad2d", s);
        if (left >= s.get(3) || right >= s.get(3) || top >= s.get(2) || bottom >= s.get(2)) {
            throw new IllegalArgumentException("ReflectionPad2d needs each padding smaller than the size it mirrors: input " + s
                    + " (height " + s.get(2) + ", width " + s.get(3) + "), padding left " + left + ", right " + right + ", top "
                    + top + ", bottom " + bottom);
        }
    }
}
