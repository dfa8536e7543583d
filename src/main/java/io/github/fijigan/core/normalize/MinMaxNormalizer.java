package io.github.fijigan.core.normalize;

import com.google.gson.JsonObject;

/** Maps the smallest value seen to -1 and the largest to +1; nothing is clipped. */
public record MinMaxNormalizer() implements Normalizer {

    /** The method name in JSON and in short specs. */
    public static final String METHOD = "minmax";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public IntensityMap fit(IntensitySample sample) {
        double[] range = RangeGuard.widenIfFlat(sample.min(), sample.max());
        return new IntensityMap(METHOD, range[0], range[1], false, Double.NaN, Double.NaN);
    }

    @Override
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("method", METHOD);
        return json;
    }

    @Override
    public String spec() {
        return METHOD;
    }
}
