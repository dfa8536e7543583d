package io.github.fijigan.core.infer;

import java.util.Locale;

import ai.djl.Device;

/**
 * How {@link Translator} runs: tile size and overlap, tiles per forward pass, the output's pixel
 * type and the device.
 *
 * <pre>{@code
 * TranslateOptions options = TranslateOptions.DEFAULTS.withTileSize(256).withOutputType(TranslateOptions.OutputType.FLOAT32);
 * }</pre>
 *
 * @param tileSize the largest tile side in pixels, rounded up to the network's size multiple
 * @param overlap pixels neighbouring tiles share, rounded up to the network's size multiple, at
 *     most half the tile; a quarter of it on each side is context only ({@link BlendWindow})
 * @param tileBatch tiles per forward pass; halved automatically when the device runs out of memory
 * @param outputType the output's pixel type
 * @param device where tiles are computed; null for the network's own device
 */
public record TranslateOptions(int tileSize, int overlap, int tileBatch, OutputType outputType, Device device) {

    /** The output's pixel type. */
    public enum OutputType {
        /** The input's type where it can hold the result (see {@link Translator}), float32 otherwise. */
        SAME_AS_INPUT,
        /** float32, values in physical units. */
        FLOAT32;

        /**
         * @param name {@code same} (or {@code same_as_input}) or {@code float32} (or {@code float}), any case
         * @throws IllegalArgumentException naming the text and the accepted names
         */
        public static OutputType parse(String name) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            return switch (n) {
                case "same", "same_as_input", "same as input" -> SAME_AS_INPUT;
                case "float32", "float", "32-bit" -> FLOAT32;
                default -> throw new IllegalArgumentException("output type '" + name + "' not understood; use same or float32");
            };
        }
    }

    /** Tiles of 512 pixels, 32 pixels of overlap, 4 tiles per pass, the input's type, the network's device. */
    public static final TranslateOptions DEFAULTS = new TranslateOptions(512, 32, 4, OutputType.SAME_AS_INPUT, null);

    public TranslateOptions {
        if (tileSize < 1) {
            throw new IllegalArgumentException("tile size must be at least 1, got " + tileSize);
        }
        if (overlap < 0) {
            throw new IllegalArgumentException("tile overlap must be at least 0, got " + overlap);
        }
        if (tileBatch < 1) {
            throw new IllegalArgumentException("tile batch must be at least 1, got " + tileBatch);
        }
        if (outputType == null) {
            throw new IllegalArgumentException("output type must be given");
        }
    }

    /** @return these options with another tile size */
    public TranslateOptions withTileSize(int size) {
        return new TranslateOptions(size, overlap, tileBatch, outputType, device);
    }

    /** @return these options with another overlap */
    public TranslateOptions withOverlap(int pixels) {
        return new TranslateOptions(tileSize, pixels, tileBatch, outputType, device);
    }

    /** @return these options with another tile batch */
    public TranslateOptions withTileBatch(int tiles) {
        return new TranslateOptions(tileSize, overlap, tiles, outputType, device);
    }

    /** @return these options with another output type */
    public TranslateOptions withOutputType(OutputType type) {
        return new TranslateOptions(tileSize, overlap, tileBatch, type, device);
    }

    /** @return these options computing on another device (null: the network's) */
    public TranslateOptions withDevice(Device where) {
        return new TranslateOptions(tileSize, overlap, tileBatch, outputType, where);
    }
}
