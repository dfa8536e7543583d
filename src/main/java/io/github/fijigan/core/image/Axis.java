package io.github.fijigan.core.image;

/**
 * The axes a medical image can have, in the order ImageJ1 stores a hyperstack (X, Y, C, Z, T).
 *
 * <p>The library keeps its own small axis vocabulary because imagej-common's {@code Axes} is not
 * available at compile time; the adapters translate to and from it.
 */
public enum Axis {
    /** Image columns. */
    X,
    /** Image rows. */
    Y,
    /** Channels (e.g. fluorescence channels or the R, G, B of a colour image). */
    C,
    /** Slices of a volume. */
    Z,
    /** Time points. */
    T
}
