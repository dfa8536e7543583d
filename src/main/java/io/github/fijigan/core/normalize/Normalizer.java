package io.github.fijigan.core.normalize;

import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * How a domain's intensities are brought to the network's range [-1, 1]: the recipe, before it has
 * seen data. {@link #fit} turns it into the {@link IntensityMap} a model stores.
 *
 * <p>Recipes by name, as commands and macros give them: {@code minmax}, {@code percentile:1,99.8}
 * (low and high percentiles, clipped), {@code window:-1000,1000} (a fixed window, e.g. CT in HU).
 *
 * <pre>{@code
 * Normalizer recipe = Normalizer.parse("percentile:1,99.8");
 * IntensitySample sample = new IntensitySample();
 * for (CalibratedImage<?> image : trainingImages) sample.add(image);
 * IntensityMap map = recipe.fit(sample);
 * }</pre>
 */
public sealed interface Normalizer permits MinMaxNormalizer, PercentileNormalizer, WindowNormalizer {

    /** @return the method name stored in JSON */
    String method();

    /** @return the fitted map for the values in {@code sample} (physical units) */
    IntensityMap fit(IntensitySample sample);

    /** @return the recipe's JSON form (as in a training configuration) */
    JsonObject toJson();

    /** @return the recipe in the short form {@link #parse} reads */
    String spec();

    /**
     * Reads a recipe from its short form.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static Normalizer parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        double[] args = colon < 0 ? new double[0] : numbers(s.substring(colon + 1), spec);
        try {
            switch (name) {
                case MinMaxNormalizer.METHOD:
                    if (args.length == 0) return new MinMaxNormalizer();
                    break;
                case PercentileNormalizer.METHOD:
                    if (args.length == 0) return new PercentileNormalizer(1, 99.8, true);
                    if (args.length == 2) return new PercentileNormalizer(args[0], args[1], true);
                    break;
                case WindowNormalizer.METHOD:
                    if (args.length == 2) return new WindowNormalizer(args[0], args[1], true);
                    break;
                default:
                    break;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("normalisation '" + spec + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("normalisation '" + spec + "' not understood; use minmax, percentile:LOW,HIGH "
                + "(e.g. percentile:1,99.8) or window:LOW,HIGH (e.g. window:-1000,1000)");
    }

    /**
     * Reads a recipe's JSON form.
     *
     * @param path where the object sits in its document, used in messages
     */
    static Normalizer fromJson(JsonObject json, String path) {
        String method = IntensityMap.string(json, path, "method");
        JsonElement clipElement = json.get("clip");
        boolean clip = clipElement == null || clipElement.getAsBoolean();
        try {
            return switch (method) {
                case MinMaxNormalizer.METHOD -> new MinMaxNormalizer();
                case PercentileNormalizer.METHOD -> new PercentileNormalizer(
                        IntensityMap.number(json, path, "low_percentile"), IntensityMap.number(json, path, "high_percentile"), clip);
                case WindowNormalizer.METHOD -> new WindowNormalizer(
                        IntensityMap.number(json, path, "low"), IntensityMap.number(json, path, "high"), clip);
                default -> throw new IllegalArgumentException(path + ".method: unknown normalisation method '" + method
                        + "'; expected one of " + IntensityMap.METHODS);
            };
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(path) ? e : new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static double[] numbers(String list, String spec) {
        String[] parts = list.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("normalisation '" + spec + "': '" + parts[i].trim() + "' is not a number", e);
            }
        }
        return values;
    }
}
