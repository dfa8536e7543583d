package io.github.fijigan.core.normalize;

import java.util.Locale;

import com.google.gson.JsonObject;

/**
 * Maps the low percentile to -1 and the high percentile to +1 (as CSBDeep's 1–99.8 % default),
 * which ignores a few hot or dead pixels; values beyond are clipped unless {@code clip} is off.
 *
 * @param lowPercentile in [0, 100)
 * @param highPercentile in (lowPercentile, 100]
 * @param clip whether values outside the range are clamped to [-1, 1]
 */
public record PercentileNormalizer(double lowPercentile, double highPercentile, boolean clip) implements Normalizer {

    /** The method name in JSON and in short specs. */
    public static final String METHOD = "percentile";

    public PercentileNormalizer {
        checkPercentiles(lowPercentile, highPercentile, "percentile");
    }

    static void checkPercentiles(double low, double high, String path) {
        if (!(low >= 0 && low < high && high <= 100)) {
            throw new IllegalArgumentException(path + ": percentiles need 0 <= low < high <= 100, got " + low + " and " + high);
        }
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public IntensityMap fit(IntensitySample sample) {
        double[] range = RangeGuard.widenIfFlat(sample.percentile(lowPercentile), sample.percentile(highPercentile));
        return new IntensityMap(METHOD, range[0], range[1], clip, lowPercentile, highPercentile);
    }

    @Override
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("method", METHOD);
        json.addProperty("low_percentile", lowPercentile);
        json.addProperty("high_percentile", highPercentile);
        json.addProperty("clip", clip);
        return json;
    }

    @Override
    public String spec() {
        return String.format(Locale.ROOT, "%s:%s,%s", METHOD, lowPercentile, highPercentile);
    }
}
