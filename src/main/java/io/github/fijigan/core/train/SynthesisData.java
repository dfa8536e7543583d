package io.github.fijigan.core.train;

import java.util.List;
import java.util.Objects;

import com.google.gson.JsonObject;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.normalize.IntensityMap;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

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

    /**
     * What a model trained on {@code images} must remember. Samples come back in the images' pixel
     * type; images whose stored values map to physical ones (e.g. CT in HU) give float samples in
     * the physical unit, since a model stores the map to physical values only.
     *
     * @param description where the images came from, e.g. the folder
     * @param conditional whether the model generates by class (AC-GAN): only then are the classes kept
     */
    public static SynthesisData of(TrainingImages images, String description, boolean conditional) {
        Object type = images.pixelType();
        boolean calibrated = !images.valueCalibration().isIdentity();
        String output;
        if (type instanceof ARGBType) {
            output = "rgb";
        } else if (calibrated) {
            output = "float32";
        } else if (type instanceof UnsignedByteType) {
            output = images.channels() == 3 ? "rgb" : "uint8";
        } else if (type instanceof UnsignedShortType) {
            output = "uint16";
        } else if (type instanceof ShortType) {
            output = "int16";
        } else {
            output = "float32";
        }
        JsonObject summary = new JsonObject();
        summary.addProperty("source", description);
        summary.addProperty("images", images.size());
        summary.addProperty("size", images.imageSize());
        summary.addProperty("channels", images.channels());
        if (images.isLabelled() && conditional) {
            JsonObject counts = new JsonObject();
            int[] n = images.classCounts();
            for (int k = 0; k < n.length; k++) {
                counts.addProperty(images.classes().get(k), n[k]);
            }
            summary.add("classes", counts);
        }
        return new SynthesisData(images.channels(), conditional ? images.classes() : List.of(), images.intensityMap(), images.valueUnit(), output, summary);
    }

    @Override
    public JsonObject summary() {
        return summary.deepCopy();
    }
}
