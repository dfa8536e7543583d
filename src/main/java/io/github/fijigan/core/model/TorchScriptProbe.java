package io.github.fijigan.core.model;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Checks a loaded TorchScript generator against its manifest by running it once: a module does not
 * say which channels it takes or gives, so the only reliable check is a forward pass on a small
 * image of the promised shape.
 */
final class TorchScriptProbe {

    /** The module does not do what the manifest says; the message says how. */
    static final class MismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MismatchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private TorchScriptProbe() {}

    /**
     * Runs {@code block} in inference mode on a {@code (1, source channels, s, s)} ramp in [-1, 1],
     * {@code s} being {@code minSize} rounded up to the tile multiple, and checks that it returns one
     * float32 array {@code (1, target channels, s, s)}.
     *
     * @throws MismatchException saying what the module did instead
     */
    static void check(Block block, TorchScriptSpec spec, NDManager manager, Device device, int minSize) {
        int tile = spec.tileMultiple();
        long size = (long) tile * ((minSize + tile - 1) / tile);
        int in = spec.source().channels();
        int out = spec.target().channels();
        Shape input = new Shape(1, in, size, size);
        if (input.size() > Integer.MAX_VALUE) {
            throw new MismatchException("tile_multiple " + tile + " is too large to test the module with", null);
        }
        try (NDManager probe = manager.newSubManager(device)) {
            NDArray x = probe.linspace(-1f, 1f, (int) input.size()).reshape(input);
            NDList y;
            try {
                y = block.forward(new ParameterStore(probe, false), new NDList(x), false);
            } catch (EngineException e) {
                throw new MismatchException("the module does not run on a " + describe(input) + " image (in_channels " + in
                        + ", tile_multiple " + tile + " in model.json): " + firstLine(e), e);
            }
            try {
                checkOutput(y, input, new Shape(1, out, size, size));
            } finally {
                y.close();
            }
        }
    }

    private static void checkOutput(NDList y, Shape input, Shape expected) {
        if (y.size() != 1) {
            throw new MismatchException("the module returns " + y.size() + " arrays; a generator returns one image", null);
        }
        Shape s = y.head().getShape();
        if (s.dimension() == 4 && s.get(1) != expected.get(1)) {
            throw new MismatchException("the module gives " + s.get(1) + " channels, model.json's out_channels says "
                    + expected.get(1) + " (output " + describe(s) + " for input " + describe(input) + ")", null);
        }
        if (!s.equals(expected)) {
            throw new MismatchException("the module turns a " + describe(input) + " input into " + describe(s) + ", not "
                    + describe(expected) + "; a translation generator keeps the image size", null);
        }
        if (y.head().getDataType() != DataType.FLOAT32) {
            throw new MismatchException("the module returns " + y.head().getDataType() + " values, not float32", null);
        }
    }

    private static String describe(Shape s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.dimension(); i++) {
            b.append(i > 0 ? "x" : "").append(s.get(i));
        }
        return b.toString();
    }

    /**
     * @return the line of a libtorch error that says what went wrong: its messages hold a
     *     TorchScript traceback and a C++ stack, with the Python-style error line in between
     */
    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage()).strip();
        for (String line : message.split("\n")) {
            String l = line.strip();
            if (l.matches("[A-Za-z]*Error: .*")) {
                return l;
            }
        }
        String first = message.split("\n", 2)[0].strip();
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
