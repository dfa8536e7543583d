package io.github.fijigan.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The JSON form of {@link ModelManifest}, format version 1 (see {@code docs/model-format.md}). */
final class ManifestJson {

    private ManifestJson() {}

    static JsonObject toJson(ModelManifest m) {
        JsonObject json = new JsonObject();
        json.addProperty("format", ModelManifest.FORMAT);
        json.addProperty("format_version", ModelManifest.FORMAT_VERSION);
        json.addProperty("kind", m.kind().id());
        JsonObject networks = new JsonObject();
        m.networks().forEach((name, spec) -> networks.add(name, spec.toJson()));
        json.add("networks", networks);
        JsonObject domains = new JsonObject();
        m.domains().forEach((name, spec) -> domains.add(name, spec.toJson()));
        json.add("domains", domains);
        json.addProperty("tile_multiple", m.tileMultiple());
        m.latentSize().ifPresent(size -> json.addProperty("latent_size", size));
        if (!m.classes().isEmpty()) {
            JsonArray classes = new JsonArray();
            m.classes().forEach(classes::add);
            json.add("classes", classes);
        }
        if (!m.training().isEmpty()) {
            json.add("training", m.training().toJson());
        }
        if (!m.state().isEmpty()) {
            JsonObject state = new JsonObject();
            m.state().forEach((name, spec) -> state.add(name, spec.toJson()));
            json.add("state", state);
        }
        m.extras().entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        return json;
    }

    /** @throws FieldException naming the field at fault */
    static ModelManifest fromJson(JsonObject json) {
        // Identity and version first: a newer file must be refused as newer, not for a field we do not know.
        String format = JsonFields.requireString(json, "", "format");
        if (!ModelManifest.FORMAT.equals(format)) {
            throw new FieldException("format", "expected '" + ModelManifest.FORMAT + "', got '" + format + "': not a Fiji GAN model");
        }
        int version = JsonFields.requireInt(json, "", "format_version", 1);
        if (version > ModelManifest.FORMAT_VERSION) {
            throw new FieldException("format_version", "this model was written by a newer Fiji GAN (format version " + version
                    + "; this Fiji GAN reads up to " + ModelManifest.FORMAT_VERSION + "); update Fiji GAN to open it");
        }
        String kindId = JsonFields.requireString(json, "", "kind");
        ModelKind kind = ModelKind.fromId(kindId).orElseThrow(() ->
                new FieldException("kind", "unknown model kind '" + kindId + "'; expected one of " + ModelKind.ids()));

        ModelManifest.Builder b = ModelManifest.builder(kind);
        JsonFields.forEach(JsonFields.requireObject(json, "", "networks"), (name, spec) ->
                b.network(name, NetworkSpec.fromJson(object(spec, "networks." + name), "networks." + name)));
        JsonFields.forEach(JsonFields.requireObject(json, "", "domains"), (name, spec) ->
                b.domain(name, DomainSpec.fromJson(object(spec, "domains." + name), "domains." + name)));
        b.tileMultiple(JsonFields.requireInt(json, "", "tile_multiple", 1));
        JsonFields.optionalInt(json, "", "latent_size", 1).ifPresent(b::latentSize);
        b.classes(classes(json));
        b.training(TrainingProvenance.fromJson(JsonFields.optionalObject(json, "", "training"), "training"));
        JsonFields.forEach(JsonFields.optionalObject(json, "", "state"), (name, spec) ->
                b.state(name, StateSpec.fromJson(object(spec, "state." + name), "state." + name)));
        Map<String, JsonElement> extras = new LinkedHashMap<>();
        JsonFields.forEach(json, (key, value) -> {
            if (!ManifestRules.KNOWN_KEYS.contains(key)) {
                extras.put(key, value);
            }
        });
        extras.forEach(b::extra);
        return b.build();
    }

    private static JsonObject object(JsonElement e, String path) {
        if (!e.isJsonObject()) {
            throw new FieldException(path, "must be an object, got " + JsonFields.describe(e));
        }
        return e.getAsJsonObject();
    }

    private static List<String> classes(JsonObject json) {
        JsonElement e = json.get("classes");
        if (e == null) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            throw new FieldException("classes", "must be an array of class names, got " + JsonFields.describe(e));
        }
        List<String> classes = new ArrayList<>();
        JsonArray array = e.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            JsonElement c = array.get(i);
            if (!c.isJsonPrimitive() || !c.getAsJsonPrimitive().isString()) {
                throw new FieldException("classes[" + i + "]", "must be a string, got " + JsonFields.describe(c));
            }
            classes.add(c.getAsString());
        }
        return classes;
    }
}
