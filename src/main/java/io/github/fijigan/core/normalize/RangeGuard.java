package io.github.fijigan.core.normalize;

/** Keeps fitted ranges usable when the data are flat. */
final class RangeGuard {

    private RangeGuard() {}

    /**
     * A constant image has no range to stretch: centre it in a unit-wide window, so it maps to 0
     * and survives the inverse, instead of dividing by zero.
     */
    static double[] widenIfFlat(double low, double high) {
        if (high > low) {
            return new double[] {low, high};
        }
        return new double[] {low - 0.5, low + 0.5};
    }
}
