package io.github.fijigan.core.tensor;

/**
 * A linear intensity map {@code y = clamp(scale * x + offset, lower, upper)} applied while pixels
 * move between images and tensors, so that value calibration and normalisation cost no extra pass.
 *
 * <p>{@link #IDENTITY} copies values untouched (bit-exact for float, even -0.0 and NaN).
 *
 * @param scale the factor; finite and non-zero
 * @param offset added after scaling; finite
 * @param lower values below are clamped to it ({@code Double.NEGATIVE_INFINITY} for none)
 * @param upper values above are clamped to it ({@code Double.POSITIVE_INFINITY} for none)
 */
public record LinearMap(double scale, double offset, double lower, double upper) {

    /** Leaves every value as it is. */
    public static final LinearMap IDENTITY =
            new LinearMap(1, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public LinearMap {
        if (!(scale != 0 && Double.isFinite(scale)) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("linear map needs finite non-zero scale and finite offset: " + scale + ", " + offset);
        }
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("clamp bounds reversed: " + lower + " > " + upper);
        }
    }

    /** An unclamped map {@code y = scale * x + offset}. */
    public static LinearMap of(double scale, double offset) {
        return new LinearMap(scale, offset, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** @return whether this map leaves values untouched */
    public boolean isIdentity() {
        return scale == 1 && offset == 0 && !clamps();
    }

    /** @return whether results are clamped */
    public boolean clamps() {
        return lower != Double.NEGATIVE_INFINITY || upper != Double.POSITIVE_INFINITY;
    }

    /** @return the mapped value */
    public double apply(double x) {
        double y = scale * x + offset;
        return y < lower ? lower : (y > upper ? upper : y);
    }

    /** @return the map applied after {@code first}: {@code this(first(x))}; clamping of {@code first} is dropped */
    public LinearMap after(LinearMap first) {
        return new LinearMap(scale * first.scale, scale * first.offset + offset, lower, upper);
    }

    /** @return the unclamped inverse map */
    public LinearMap inverse() {
        return of(1 / scale, -offset / scale);
    }
}
