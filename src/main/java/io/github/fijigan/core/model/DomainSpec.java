package io.github.fijigan.core.model;

import java.util.Objects;

import com.google.gson.JsonObject;
import io.github.fijigan.core.normalize.IntensityMap;

/**
 * One image domain of a model (e.g. {@code A} = T1 MRI, {@code B} = T2 MRI): how many channels its
 * images have and how their intensities map to the network's [-1, 1] and back.
 *
 * @param channels image channels the networks see, at least 1
 * @param normalization the fitted intensity map, stored so outputs return in the input's units
 * @param valueUnit physical unit of the values (e.g. {@code HU}); empty when unknown or none
 */
public record DomainSpec(int channels, IntensityMap normalization, String valueUnit) {

    public DomainSpec {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(valueUnit, "valueUnit");
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("channels", channels);
        json.add("normalization", normalization.toJson());
        json.addProperty("value_unit", valueUnit);
        return json;
    }

    static DomainSpec fromJson(JsonObject json, String path) {
        int channels = JsonFields.requireInt(json, path, "channels", 1);
        JsonObject map = JsonFields.requireObject(json, path, "normalization");
        IntensityMap normalization;
        try {
            normalization = IntensityMap.fromJson(map, JsonFields.join(path, "normalization"));
        } catch (IllegalArgumentException e) {
            // IntensityMap's messages start with the field path we gave it.
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            throw colon > 0
                    ? new FieldException(message.substring(0, colon), message.substring(colon + 2))
                    : new FieldException(JsonFields.join(path, "normalization"), message);
        }
        return new DomainSpec(channels, normalization, JsonFields.optionalString(json, path, "value_unit"));
    }
}
