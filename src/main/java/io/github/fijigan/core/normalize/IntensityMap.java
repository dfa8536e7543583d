package io.github.fijigan.core.normalize;

import java.util.Locale;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.tensor.LinearMap;

/**
 * A fitted, invertible intensity map of one image domain: physical values in [{@code low}, {@code
 * high}] go linearly to the network's range [-1, 1], and network outputs come back to physical
 * units through the inverse. A model stores one map per domain, so outputs return in the input's
 * units (e.g. HU).
 *
 * <pre>{@code
 * IntensityMap ct = new WindowNormalizer(-1000, 1000, true).fit(new IntensitySample());
 * LinearMap in = ct.toNetwork(image.valueCalibration());    // stored values -> [-1, 1]
 * LinearMap out = ct.fromNetwork(image.valueCalibration()); // [-1, 1] -> stored values
 * }</pre>
 *
 * @param method how the map was fitted: {@code minmax}, {@code percentile} or {@code window}
 * @param low the physical value mapped to -1
 * @param high the physical value mapped to +1; greater than {@code low}
 * @param clip whether values outside [low, high] are clamped to [-1, 1] on the way in
 * @param lowPercentile the percentile {@code low} was taken at ({@code percentile} only, else NaN)
 * @param highPercentile the percentile {@code high} was taken at ({@code percentile} only, else NaN)
 */
public record IntensityMap(String method, double low, double high, boolean clip, double lowPercentile, double highPercentile) {

    /** The fitting methods a map may name. */
    public static final Set<String> METHODS = Set.of(MinMaxNormalizer.METHOD, PercentileNormalizer.METHOD, WindowNormalizer.METHOD);

    public IntensityMap {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown normalisation method '" + method + "'; expected one of " + METHODS);
        }
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("normalisation range needs finite low < high, got " + low + " .. " + high);
        }
    }

    /** @return physical values to [-1, 1], clamped when {@link #clip()} */
    public LinearMap toNetwork() {
        double scale = 2 / (high - low);
        double offset = -1 - low * scale;
        return clip ? new LinearMap(scale, offset, -1, 1) : LinearMap.of(scale, offset);
    }

    /** @return [-1, 1] back to physical values, unclamped */
    public LinearMap fromNetwork() {
        return LinearMap.of((high - low) / 2, (high + low) / 2);
    }

    /** @return stored values (before value calibration) to [-1, 1] */
    public LinearMap toNetwork(ValueCalibration calibration) {
        return toNetwork().after(LinearMap.of(calibration.slope(), calibration.intercept()));
    }

    /** @return [-1, 1] back to stored values of an image with this value calibration */
    public LinearMap fromNetwork(ValueCalibration calibration) {
        return LinearMap.of(1 / calibration.slope(), -calibration.intercept() / calibration.slope()).after(fromNetwork());
    }

    /** @return the JSON form stored in a model bundle */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("method", method);
        json.addProperty("low", low);
        json.addProperty("high", high);
        json.addProperty("clip", clip);
        if (PercentileNormalizer.METHOD.equals(method)) {
            json.addProperty("low_percentile", lowPercentile);
            json.addProperty("high_percentile", highPercentile);
        }
        return json;
    }

    /**
     * Reads the JSON form, naming the field on any problem.
     *
     * @param path where the object sits in its document (e.g. {@code normalization.A}), used in messages
     * @throws IllegalArgumentException whose message starts with the offending field's path
     */
    public static IntensityMap fromJson(JsonObject json, String path) {
        String method = string(json, path, "method");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException(path + ".method: unknown normalisation method '" + method + "'; expected one of " + METHODS);
        }
        double low = number(json, path, "low");
        double high = number(json, path, "high");
        if (!(low < high)) {
            throw new IllegalArgumentException(path + ".high: must be greater than low (" + low + "), got " + high);
        }
        JsonElement clip = json.get("clip");
        if (clip == null || !clip.isJsonPrimitive() || !clip.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(path + ".clip: missing or not true/false");
        }
        double lowP = Double.NaN, highP = Double.NaN;
        if (PercentileNormalizer.METHOD.equals(method)) {
            lowP = number(json, path, "low_percentile");
            highP = number(json, path, "high_percentile");
            PercentileNormalizer.checkPercentiles(lowP, highP, path);
        }
        return new IntensityMap(method, low, high, clip.getAsBoolean(), lowP, highP);
    }

    static String string(JsonObject json, String path, String field) {
        JsonElement e = json.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(path + "." + field + ": missing or not a string");
        }
        return e.getAsString().toLowerCase(Locale.ROOT);
    }

    static double number(JsonObject json, String path, String field) {
        JsonElement e = json.get(field);
        if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            throw new IllegalArgumentException(path + "." + field + ": missing or not a number");
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(path + "." + field + ": must be finite, got " + v);
        }
        return v;
    }

    @Override
    public String toString() {
        String range = String.format(Locale.ROOT, "[%g, %g]%s", low, high, clip ? " clipped" : "");
        return PercentileNormalizer.METHOD.equals(method)
                ? String.format(Locale.ROOT, "percentile %g-%g%% %s", lowPercentile, highPercentile, range)
                : method + " " + range;
    }
}
