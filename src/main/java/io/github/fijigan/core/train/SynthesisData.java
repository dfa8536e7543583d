package io.github.fijigan.core.train;

import java.util.List;
import java.util.Objects;

import com.google.gson.JsonObject;
import io.github.fijigan.core.normalize.IntensityMap;

/**
 * What a synthesis model must remember of its training data, so that its samples come out like it:
 * channels, class names, the intensity map back to the data's units, and the pixel type.
 *
 * @param channels image channels (1 gray, 3 RGB)
 * @param classes class names (AC-GAN), empty otherwise
 * @param intensityMap data units ↔ network [-1, 1]
 * @param valueUnit unit of the values, e.g. HU; empty when none
 * @param outputType pixel type of samples written to files: {@code uint8}, {@code uint16},
 *     {@code int16}, {@code float32} or {@code rgb}
 * @param summary free-form description for the model's provenance (folder, counts)
 */
public record SynthesisData(int channels, List<String> classes, IntensityMap intensityMap, String valueUnit, String outputType,
        JsonObject summary) {

    /** The pixel types samples can be written as. */
    public static final List<String> OUTPUT_TYPES = List.of("uint8", "uint16", "int16", "float32", "rgb");

    public SynthesisData {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
        classes = List.copyOf(classes);
        Objects.requireNonNull(intensityMap, "intensityMap");
        Objects.requireNonNull(valueUnit, "valueUnit");
        if (!OUTPUT_TYPES.contains(outputType)) {
            throw new IllegalArgumentException("output type must be one of " + OUTPUT_TYPES + ", got " + outputType);
        }
        summary = summary == null ? new JsonObject() : summary.deepCopy();
    }

    @Override
    public JsonObject summary() {
        return summary.deepCopy();
    }
}
