package io.github.fijigan.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The contents of a bundle's {@code model.json}: what the model is, which networks it has and how
 * to build them, how each image domain is normalised, and how it was trained. Immutable; the
 * constructor enforces every rule a bundle is read with (see {@code docs/model-format.md}).
 *
 * <pre>{@code
 * ModelManifest manifest = ModelManifest.builder(ModelKind.PIX2PIX)
 *         .network("G", NetworkSpec.of("unet_256", new JsonObject(), 1, 1, NetworkRole.GENERATOR))
 *         .domain("A", new DomainSpec(1, mapA, ""))
 *         .domain("B", new DomainSpec(1, mapB, "HU"))
 *         .tileMultiple(256)
 *         .build();
 * JsonObject json = manifest.toJson(); // what model.json holds
 * }</pre>
 *
 * @param kind the model kind
 * @param networks network name (e.g. {@code G_AB}) to spec, in a stable order
 * @param domains domain name (e.g. {@code A}) to spec
 * @param tileMultiple image sizes the networks accept are multiples of this
 * @param latentSize length of the noise vector, for kinds that generate from noise
 * @param classes class names, for conditional kinds (acgan)
 * @param training provenance, {@link TrainingProvenance#NONE} when not recorded
 * @param state checkpoint state name to its entry (empty in models for inference)
 * @param extras top-level keys this version does not know, kept so that a rewrite loses nothing
 */
public record ModelManifest(ModelKind kind, Map<String, NetworkSpec> networks, Map<String, DomainSpec> domains,
        int tileMultiple, OptionalInt latentSize, List<String> classes, TrainingProvenance training,
        Map<String, StateSpec> state, JsonObject extras) {

    /** The {@code format} value that marks a Fiji GAN model. */
    public static final String FORMAT = "fiji-gan-model";
    /** The {@code format_version} this code writes and the highest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The zip entry holding the manifest. */
    public static final String ENTRY = "model.json";

    public ModelManifest {
        Objects.requireNonNull(kind, "kind");
        Map<String, NetworkSpec> withEntries = new LinkedHashMap<>();
        // A spec built in code leaves its entry to the default, which needs the network's name.
        networks.forEach((name, spec) -> withEntries.put(name,
                spec.parameters().isEmpty() ? spec.withParameters("networks/" + name + (spec.isTorchScript() ? ".pt" : ".ndlist")) : spec));
        networks = Collections.unmodifiableMap(withEntries);
        domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
        latentSize = Objects.requireNonNull(latentSize, "latentSize");
        classes = List.copyOf(classes);
        Objects.requireNonNull(training, "training");
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        extras = extras == null ? new JsonObject() : extras.deepCopy();
        ManifestRules.check(kind, networks, domains, tileMultiple, latentSize, classes, state, extras);
    }

    /** @return a builder with defaults: tile multiple 1, no latent size, no classes, no provenance */
    public static Builder builder(ModelKind kind) {
        return new Builder(kind);
    }

    /** @return a builder holding everything in this manifest */
    public Builder toBuilder() {
        Builder b = new Builder(kind).tileMultiple(tileMultiple).classes(classes).training(training);
        networks.forEach(b::network);
        domains.forEach(b::domain);
        state.forEach(b::state);
        extras.entrySet().forEach(e -> b.extra(e.getKey(), e.getValue()));
        latentSize.ifPresent(b::latentSize);
        return b;
    }

    @Override
    public JsonObject extras() {
        return extras.deepCopy();
    }

    /** @return this manifest with every checksum empty, as before it was written */
    public ModelManifest withoutChecksums() {
        Builder b = toBuilder();
        networks.forEach((name, spec) -> b.network(name, spec.withSha256("")));
        state.forEach((name, spec) -> b.state(name, spec.withSha256("")));
        return b.build();
    }

    /** @return the JSON form, with {@code format} and {@code format_version} first */
    public JsonObject toJson() {
        return ManifestJson.toJson(this);
    }

    /**
     * Reads and validates the JSON form.
     *
     * @param file the bundle's file name, for messages
     * @throws ModelBundleException naming {@code file}, {@code model.json} and the field at fault
     */
    public static ModelManifest fromJson(JsonObject json, String file) {
        try {
            return ManifestJson.fromJson(json);
        } catch (FieldException e) {
            throw new ModelBundleException(file, e.path().isEmpty() ? ENTRY : ENTRY + ": " + e.path(), e.problem(), e);
        } catch (IllegalArgumentException e) {
            // The field checks run before the records' own, so this is a safety net, not a path.
            throw new ModelBundleException(file, ENTRY, String.valueOf(e.getMessage()), e);
        }
    }

    /** @return a readable multi-line summary for users (Model Info) */
    public String describe() {
        return ManifestDescription.describe(this);
    }

    /** Collects a manifest; {@link #build()} checks it. */
    public static final class Builder {
        private final ModelKind kind;
        private final Map<String, NetworkSpec> networks = new LinkedHashMap<>();
        private final Map<String, DomainSpec> domains = new LinkedHashMap<>();
        private final Map<String, StateSpec> state = new LinkedHashMap<>();
        private final JsonObject extras = new JsonObject();
        private int tileMultiple = 1;
        private OptionalInt latentSize = OptionalInt.empty();
        private List<String> classes = List.of();
        private TrainingProvenance training = TrainingProvenance.NONE;

        private Builder(ModelKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** Adds or replaces a network; insertion order is the order in {@code model.json}. */
        public Builder network(String name, NetworkSpec spec) {
            networks.put(name, Objects.requireNonNull(spec, "spec"));
            return this;
        }

        public Builder domain(String name, DomainSpec spec) {
            domains.put(name, Objects.requireNonNull(spec, "spec"));
            return this;
        }

        public Builder tileMultiple(int multiple) {
            tileMultiple = multiple;
            return this;
        }

        public Builder latentSize(int size) {
            latentSize = OptionalInt.of(size);
            return this;
        }

        public Builder classes(List<String> names) {
            classes = new ArrayList<>(names);
            return this;
        }

        public Builder training(TrainingProvenance provenance) {
            training = Objects.requireNonNull(provenance, "provenance");
            return this;
        }

        public Builder state(String name, StateSpec spec) {
            state.put(name, Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /** Keeps a top-level key this version does not know (forward compatibility). */
        public Builder extra(String key, JsonElement value) {
            extras.add(key, value.deepCopy());
            return this;
        }

        /** @throws IllegalArgumentException naming the field, when a rule is broken */
        public ModelManifest build() {
            return new ModelManifest(kind, networks, domains, tileMultiple, latentSize, classes, training, state, extras);
        }
    }
}
