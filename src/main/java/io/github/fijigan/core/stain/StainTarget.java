package io.github.fijigan.core.stain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.google.gson.JsonObject;
import io.github.fijigan.core.data.AtomicFile;
import io.github.fijigan.core.model.PrettyJson;

/**
 * The stain appearance to normalise to, as statistics of a reference image, so that images can be
 * normalised later (or on another machine) without the reference itself: Reinhard's Lab means and
 * standard deviations ({@link LabStatistics}) and Macenko's stain vectors and maximum
 * concentrations ({@link StainVectors}). Either part may be absent; a normaliser asks for its own.
 *
 * <p>Stored as JSON ({@link StainTargetJson}); numbers are written so that they read back exactly.
 *
 * <pre>{@code
 * RgbPixels reference = RgbImages.stacked(referenceImage, 255);
 * StainTarget target = StainTarget.fit(reference, "reference.png");    // both methods
 * target.write(Path.of("he-target.json"));
 * StainTarget again = StainTarget.read(Path.of("he-target.json"));       // equals(target)
 * }</pre>
 */
public final class StainTarget {

    private final String reference;
    private final LabStatistics reinhard;
    private final StainVectors macenko;

    /**
     * @param reference what the statistics were measured on (a file name); may be empty
     * @param reinhard Reinhard's statistics, or null
     * @param macenko Macenko's stain vectors, or null
     */
    public StainTarget(String reference, LabStatistics reinhard, StainVectors macenko) {
        if (reinhard == null && macenko == null) {
            throw new IllegalArgumentException("a stain target needs Reinhard statistics, Macenko stain vectors or both");
        }
        this.reference = Objects.requireNonNullElse(reference, "");
        this.reinhard = reinhard;
        this.macenko = macenko;
    }

    /** @return the statistics of both methods, with their default parameters, measured on a reference image */
    public static StainTarget fit(RgbPixels referenceImage, String name) {
        return fit(referenceImage, name, List.of(Reinhard.METHOD, Macenko.METHOD));
    }

    /**
     * @param methods the methods to fit: "reinhard", "macenko" (with {@link TissueMask#DEFAULT} and
     *     {@link MacenkoParameters#DEFAULTS})
     * @throws IllegalArgumentException for an unknown method, or a reference the method cannot fit
     */
    public static StainTarget fit(RgbPixels referenceImage, String name, Collection<String> methods) {
        LabStatistics lab = null;
        StainVectors vectors = null;
        for (String method : methods) {
            String m = StainNormalizers.canonical(method);
            try {
                if (m.equals(Reinhard.METHOD)) {
                    lab = Reinhard.fit(referenceImage, TissueMask.DEFAULT);
                } else if (m.equals(Macenko.METHOD)) {
                    vectors = Macenko.fit(referenceImage, MacenkoParameters.DEFAULTS);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reference '" + name + "' (" + m + "): " + e.getMessage(), e);
            }
        }
        return new StainTarget(name, lab, vectors);
    }

    /** @return what the statistics were measured on; empty when unknown */
    public String reference() {
        return reference;
    }

    /** @return Reinhard's Lab statistics, if present */
    public Optional<LabStatistics> reinhard() {
        return Optional.ofNullable(reinhard);
    }

    /** @return Macenko's stain vectors, if present */
    public Optional<StainVectors> macenko() {
        return Optional.ofNullable(macenko);
    }

    /** @throws IllegalArgumentException naming the missing part */
    public LabStatistics requireReinhard() {
        if (reinhard == null) {
            throw new IllegalArgumentException(describe() + " has no Reinhard statistics (section \"reinhard\"); fit it with method reinhard");
        }
        return reinhard;
    }

    /** @throws IllegalArgumentException naming the missing part */
    public StainVectors requireMacenko() {
        if (macenko == null) {
            throw new IllegalArgumentException(describe() + " has no Macenko stain vectors (section \"macenko\"); fit it with method macenko");
        }
        return macenko;
    }

    private String describe() {
        return reference.isEmpty() ? "stain target" : "stain target of '" + reference + "'";
    }

    /** @return the JSON form */
    public JsonObject toJson() {
        return StainTargetJson.write(this);
    }

    /**
     * @return the target in a JSON object
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static StainTarget fromJson(JsonObject json) {
        return StainTargetJson.read(json);
    }

    /** Writes the JSON form to a file, atomically. */
    public void write(Path file) throws IOException {
        AtomicFile.writeString(file, PrettyJson.format(toJson()));
    }

    /**
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and the field that is wrong
     */
    public static StainTarget read(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return StainTargetJson.read(StainTargetJson.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stain target " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StainTarget t && t.reference.equals(reference) && Objects.equals(t.reinhard, reinhard)
                && Objects.equals(t.macenko, macenko);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, reinhard, macenko);
    }

    @Override
    public String toString() {
        return "StainTarget[" + reference + ", " + reinhard + ", " + macenko + "]";
    }
}
