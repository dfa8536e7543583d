package io.github.fijigan.core.normalize;

import java.util.Locale;

import com.google.gson.JsonObject;

/**
 * A fixed window of physical values, e.g. CT from -1000 to 1000 HU: the same map for every image,
 * whatever data it sees, so that intensities keep their physical meaning across patients.
 *
 * @param low the value mapped to -1
 * @param high the value mapped to +1
 * @param clip whether values outside the window are clamped to [-1, 1]
 */
public record WindowNormalizer(double low, double high, boolean clip) implements Normalizer {

    /** The method name in JSON and in short specs. */
    public static final String METHOD = "window";

    public WindowNormalizer {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("window needs finite low < high, got " + low + " and " + high);
        }
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** @return the fixed window; the sample is not looked at */
    @Override
    public IntensityMap fit(IntensitySample sample) {
        return new IntensityMap(METHOD, low, high, clip, Double.NaN, Double.NaN);
    }

    @Override
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("method", METHOD);
        json.addProperty("low", low);
        json.addProperty("high", high);
        json.addProperty("clip", clip);
        return json;
    }

    @Override
    public String spec() {
        return String.format(Locale.ROOT, "%s:%s,%s", METHOD, low, high);
    }
}
