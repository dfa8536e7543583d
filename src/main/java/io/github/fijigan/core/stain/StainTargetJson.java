package io.github.fijigan.core.stain;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * The JSON form of a {@link StainTarget}:
 *
 * <pre>
 * {
 *   "format": "fiji-gan-stain-target",
 *   "version": 1,
 *   "reference": "reference.png",
 *   "reinhard": {"lab_mean": [L, a, b], "lab_std": [L, a, b], "tissue_lightness_below": 80.0},
 *   "macenko": {"stain_matrix": [[R, G, B], [R, G, B]], "max_concentrations": [h, o],
 *               "io": 255.0, "beta": 0.15, "alpha": 1.0}
 * }
 * </pre>
 *
 * {@code stain_matrix} holds the 3×2 matrix's columns, hematoxylin first, as unit optical-density
 * vectors; {@code io} is the incident light, always 255 (8-bit units). Either section may be left
 * out. Unknown keys are refused so that a misspelt field is not silently ignored.
 */
final class StainTargetJson {

    static final String FORMAT = "fiji-gan-stain-target";
    static final int VERSION = 1;

    private StainTargetJson() {}

    static JsonObject write(StainTarget target) {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("version", VERSION);
        json.addProperty("reference", target.reference());
        target.reinhard().ifPresent(s -> {
            JsonObject r = new JsonObject();
            r.add("lab_mean", array(s.mean()));
            r.add("lab_std", array(s.std()));
            r.addProperty("tissue_lightness_below", s.tissue().lightnessBelow());
            json.add("reinhard", r);
        });
        target.macenko().ifPresent(v -> {
            JsonObject m = new JsonObject();
            JsonArray matrix = new JsonArray();
            matrix.add(array(v.stain(0)));
            matrix.add(array(v.stain(1)));
            m.add("stain_matrix", matrix);
            m.add("max_concentrations", array(v.maxConcentrations()));
            m.addProperty("io", OpticalDensity.IO);
            m.addProperty("beta", v.parameters().beta());
            m.addProperty("alpha", v.parameters().alpha());
            json.add("macenko", m);
        });
        return json;
    }

    /** @return the top-level object of a strict JSON text (RFC 8259, nothing after the object) */
    static JsonObject parse(String text) {
        JsonElement e;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            e = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("not valid JSON: more content after the top-level value");
            }
        } catch (IOException | JsonParseException ex) {
            throw new IllegalArgumentException("not valid JSON: " + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""), ex);
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object: " + e);
        }
        return e.getAsJsonObject();
    }

    static StainTarget read(JsonObject json) {
        keys(json, "", "format", "version", "reference", "reinhard", "macenko");
        String format = string(json, "format");
        if (!format.equals(FORMAT)) {
            throw field("format", "must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        double version = number(json, "", "version");
        if (version != VERSION) {
            throw field("version", "this build reads version " + VERSION + ", the file has " + version);
        }
        String reference = json.has("reference") ? string(json, "reference") : "";
        LabStatistics lab = null;
        StainVectors vectors = null;
        if (json.has("reinhard")) {
            JsonObject r = object(json, "reinhard");
            keys(r, "reinhard.", "lab_mean", "lab_std", "tissue_lightness_below");
            try {
                lab = new LabStatistics(numbers(r, "reinhard.", "lab_mean", 3), numbers(r, "reinhard.", "lab_std", 3),
                        new TissueMask(number(r, "reinhard.", "tissue_lightness_below")));
            } catch (IllegalArgumentException e) {
                throw field("reinhard", e.getMessage());
            }
        }
        if (json.has("macenko")) {
            JsonObject m = object(json, "macenko");
            keys(m, "macenko.", "stain_matrix", "max_concentrations", "io", "beta", "alpha");
            if (number(m, "macenko.", "io") != OpticalDensity.IO) {
                throw field("macenko.io", "must be " + OpticalDensity.IO + " (8-bit units), got " + m.get("io"));
            }
            JsonElement matrix = m.get("stain_matrix");
            if (matrix == null || !matrix.isJsonArray() || matrix.getAsJsonArray().size() != 2) {
                throw field("macenko.stain_matrix", "must be 2 stain vectors (hematoxylin, then the other) of 3 numbers, got " + matrix);
            }
            double[][] stains = new double[2][];
            for (int k = 0; k < 2; k++) {
                stains[k] = numbers(matrix.getAsJsonArray().get(k), "macenko.stain_matrix[" + k + "]", 3);
            }
            try {
                vectors = new StainVectors(stains, numbers(m, "macenko.", "max_concentrations", 2),
                        new MacenkoParameters(number(m, "macenko.", "beta"), number(m, "macenko.", "alpha")));
            } catch (IllegalArgumentException e) {
                throw field("macenko", e.getMessage());
            }
        }
        try {
            return new StainTarget(reference, lab, vectors);
        } catch (IllegalArgumentException e) {
            throw field("", e.getMessage());
        }
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static void keys(JsonObject json, String path, String... allowed) {
        for (String key : json.keySet()) {
            if (!List.of(allowed).contains(key)) {
                throw field(path + key, "unknown field; expected " + String.join(", ", allowed));
            }
        }
    }

    private static String string(JsonObject json, String key) {
        JsonElement e = json.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw field(key, e == null ? "missing" : "must be a string, got " + e);
        }
        return e.getAsString();
    }

    private static JsonObject object(JsonObject json, String key) {
        JsonElement e = json.get(key);
        if (!e.isJsonObject()) {
            throw field(key, "must be an object, got " + e);
        }
        return e.getAsJsonObject();
    }

    private static double number(JsonObject json, String path, String key) {
        JsonElement e = json.get(key);
        if (e == null) {
            throw field(path + key, "missing");
        }
        return number(e, path + key);
    }

    private static double number(JsonElement e, String path) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw field(path, "must be a number, got " + e);
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw field(path, "must be finite, got " + e);
        }
        return v;
    }

    private static double[] numbers(JsonObject json, String path, String key, int count) {
        JsonElement e = json.get(key);
        if (e == null) {
            throw field(path + key, "missing");
        }
        return numbers(e, path + key, count);
    }

    private static double[] numbers(JsonElement e, String path, int count) {
        if (!e.isJsonArray() || e.getAsJsonArray().size() != count) {
            throw field(path, "must be an array of " + count + " numbers, got " + e);
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = number(e.getAsJsonArray().get(i), path + "[" + i + "]");
        }
        return v;
    }

    private static IllegalArgumentException field(String path, String problem) {
        return new IllegalArgumentException(path.isEmpty() ? problem : "field " + path + ": " + problem);
    }
}
