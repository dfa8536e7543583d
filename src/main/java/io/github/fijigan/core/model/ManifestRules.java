package io.github.fijigan.core.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The rules a manifest obeys whether built in code or read from a file, in one place, each failure
 * naming the field as it appears in {@code model.json}.
 */
final class ManifestRules {

    /** The top-level keys of format version 1; anything else is an extra. */
    static final Set<String> KNOWN_KEYS = Set.of("format", "format_version", "kind", "networks", "domains", "tile_multiple",
            "latent_size", "classes", "training", "state");

    private ManifestRules() {}

    static void check(ModelKind kind, Map<String, NetworkSpec> networks, Map<String, DomainSpec> domains, int tileMultiple,
            OptionalInt latentSize, List<String> classes, Map<String, StateSpec> state, JsonObject extras) {
        if (networks.isEmpty()) {
            throw new FieldException("networks", "no networks; a model needs at least one");
        }
        Map<String, String> entries = new HashMap<>();
        entries.put(ModelManifest.ENTRY, "the manifest");
        networks.forEach((name, spec) -> {
            checkName("networks", name);
            checkEntry("networks." + name + ".parameters", spec.parameters(), entries);
            if (spec.isTorchScript()) {
                checkTorchScriptNetwork(kind, name, spec);
            }
        });
        state.forEach((name, spec) -> {
            checkName("state", name);
            checkEntry("state." + name + ".file", spec.file(), entries);
        });
        // TorchScript models have their own, more precise rule about their generator, below.
        if (kind != ModelKind.TORCHSCRIPT && networks.values().stream().noneMatch(n -> n.role() == NetworkRole.GENERATOR)) {
            throw new FieldException("networks", "kind " + kind.id() + " needs a network with role generator, found none");
        }
        if (domains.isEmpty()) {
            throw new FieldException("domains", "no domains; a model needs at least one to normalise its images");
        }
        domains.keySet().forEach(name -> checkName("domains", name));
        if (tileMultiple < 1) {
            throw new FieldException("tile_multiple", "must be an integer >= 1, got " + tileMultiple);
        }
        if (latentSize.isPresent() && latentSize.getAsInt() < 1) {
            throw new FieldException("latent_size", "must be an integer >= 1, got " + latentSize.getAsInt());
        }
        if (kind.generatesFromNoise() && latentSize.isEmpty()) {
            throw new FieldException("latent_size", "missing; kind " + kind.id() + " generates from noise and needs the latent vector's length");
        }
        checkClasses(kind, classes);
        if (kind == ModelKind.TORCHSCRIPT) {
            checkTorchScript(networks, domains, extras);
        }
        for (String key : extras.keySet()) {
            if (KNOWN_KEYS.contains(key)) {
                throw new FieldException(key, "is a format field and cannot be kept as an extra");
            }
        }
    }

    private static void checkTorchScriptNetwork(ModelKind kind, String name, NetworkSpec spec) {
        String path = "networks." + name;
        if (kind != ModelKind.TORCHSCRIPT) {
            throw new FieldException(path + ".architecture", "a TorchScript network belongs in a model of kind torchscript, not "
                    + kind.id());
        }
        if (!spec.parameters().endsWith(".pt")) {
            throw new FieldException(path + ".parameters", "a TorchScript network is stored as a .pt file, got entry '"
                    + spec.parameters() + "'");
        }
        if (!spec.parameterShapes().isEmpty()) {
            throw new FieldException(path + ".parameter_shapes", "a TorchScript network keeps its parameters inside its .pt file "
                    + "and has no parameter_shapes");
        }
    }

    /** A TorchScript model is one image-to-image generator; the manifest says between which domains. */
    private static void checkTorchScript(Map<String, NetworkSpec> networks, Map<String, DomainSpec> domains, JsonObject extras) {
        networks.forEach((name, spec) -> {
            if (!spec.isTorchScript()) {
                throw new FieldException("networks." + name + ".architecture", "kind torchscript holds TorchScript modules only, got '"
                        + spec.architecture() + "'; a network built by Fiji GAN needs architecture " + NetworkSpec.TORCHSCRIPT
                        + " or another kind");
            }
        });
        String g = TorchScriptSpec.GENERATOR;
        NetworkSpec generator = networks.get(g);
        if (generator == null) {
            throw new FieldException("networks", "kind torchscript needs a network named '" + g + "', found " + networks.keySet());
        }
        if (generator.role() != NetworkRole.GENERATOR) {
            throw new FieldException("networks." + g + ".role", "must be generator, got " + generator.role().id());
        }
        String key = TorchScriptSpec.DIRECTION;
        JsonElement d = extras.get(key);
        if (d == null) {
            throw new FieldException(key, "missing; kind torchscript needs the domains its generator maps from and to, e.g. \"A->B\"");
        }
        if (!d.isJsonPrimitive() || !d.getAsJsonPrimitive().isString()) {
            throw new FieldException(key, "must be a string such as \"A->B\", got " + JsonFields.describe(d));
        }
        List<String> ends = TorchScriptSpec.parseDirection(d.getAsString());
        if (ends.isEmpty()) {
            throw new FieldException(key, "must be two domain names joined by '->', e.g. \"A->B\", got '" + d.getAsString() + "'");
        }
        for (String end : ends) {
            if (!domains.containsKey(end)) {
                throw new FieldException(key, "names domain '" + end + "', which is not in domains " + domains.keySet());
            }
        }
        checkChannels(g + ".in_channels", generator.inChannels(), ends.get(0), "source", domains);
        checkChannels(g + ".out_channels", generator.outChannels(), ends.get(1), "target", domains);
    }

    private static void checkChannels(String field, int channels, String domain, String end, Map<String, DomainSpec> domains) {
        int expected = domains.get(domain).channels();
        if (channels != expected) {
            throw new FieldException("networks." + field, "is " + channels + " but domain " + domain + ", the direction's " + end
                    + ", has " + expected + " channel" + (expected == 1 ? "" : "s"));
        }
    }

    private static void checkName(String path, String name) {
        String problem = Names.checkName(name);
        if (problem != null) {
            throw new FieldException(path, problem);
        }
    }

    private static void checkEntry(String path, String entry, Map<String, String> used) {
        String problem = Names.checkEntryName(entry);
        if (problem != null) {
            throw new FieldException(path, problem);
        }
        if (entry.endsWith("/")) {
            throw new FieldException(path, "entry '" + entry + "' names a folder, not a file");
        }
        String other = used.putIfAbsent(entry, path);
        if (other != null) {
            throw new FieldException(path, "entry '" + entry + "' is already used by " + other);
        }
    }

    private static void checkClasses(ModelKind kind, List<String> classes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < classes.size(); i++) {
            String c = classes.get(i);
            if (c.isBlank()) {
                throw new FieldException("classes[" + i + "]", "a class name must not be empty");
            }
            if (!seen.add(c)) {
                throw new FieldException("classes[" + i + "]", "class '" + c + "' appears twice");
            }
        }
        if (kind == ModelKind.ACGAN && classes.size() < 2) {
            throw new FieldException("classes", "kind acgan is class-conditional and needs at least 2 class names, got " + classes.size());
        }
    }
}
