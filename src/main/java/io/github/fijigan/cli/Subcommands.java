package io.github.fijigan.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.github.fijigan.core.engine.DeviceSpec;
import io.github.fijigan.core.infer.TranslateOptions;

/** Option checks the subcommands share, each a usage error (exit code 2) naming the option. */
final class Subcommands {

    /** The tiling options of the subcommands that apply image-to-image networks. */
    static final String TILE_SIZE = "--tile-size";
    static final String OVERLAP = "--overlap";
    static final String TILE_BATCH = "--tile-batch";

    private Subcommands() {
    }

    /** @return the default tiling with the given {@link #TILE_SIZE}, {@link #OVERLAP} and {@link #TILE_BATCH} */
    static TranslateOptions tiling(String command, CommandLineOptions options) {
        try {
            return TranslateOptions.DEFAULTS
                    .withTileSize(options.intValue(TILE_SIZE, TranslateOptions.DEFAULTS.tileSize(), 1))
                    .withOverlap(options.intValue(OVERLAP, TranslateOptions.DEFAULTS.overlap(), 0))
                    .withTileBatch(options.intValue(TILE_BATCH, TranslateOptions.DEFAULTS.tileBatch(), 1));
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": " + e.getMessage());
        }
    }

    static void noPositional(String command, CommandLineOptions options) {
        if (!options.positional().isEmpty()) {
            throw new UsageException(command + ": unexpected argument \"" + options.positional().get(0) + "\"");
        }
    }

    static String required(String command, CommandLineOptions options, String name) {
        String value = options.value(name, null);
        if (value == null || value.isBlank()) {
            throw new UsageException(command + ": " + name + " is required");
        }
        return value;
    }

    static Path path(String command, String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(command + ": " + name + ": not a valid path: \"" + value + "\"");
        }
    }

    static long longValue(String command, CommandLineOptions options, String name, long fallback) {
        String text = options.value(name, null);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": " + name + " needs a whole number, got \"" + text + "\"");
        }
    }

    static double positiveDouble(String command, CommandLineOptions options, String name, double fallback) {
        String text = options.value(name, null);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": " + name + " needs a number, got \"" + text + "\"");
        }
        if (!(value > 0 && Double.isFinite(value))) {
            throw new UsageException(command + ": " + name + " must be positive, got " + text.trim());
        }
        return value;
    }

    static void checkDevice(String command, String value) {
        try {
            DeviceSpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": --device: " + e.getMessage());
        }
    }
}
