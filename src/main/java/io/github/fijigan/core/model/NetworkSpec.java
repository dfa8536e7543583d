package io.github.fijigan.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;

/**
 * One network of a model: what to build ({@code architecture} and {@code options}, for the network
 * factory), its channels, its role, and where its parameters are in the bundle.
 *
 * <pre>{@code
 * JsonObject options = new JsonObject();
 * options.addProperty("ngf", 64);
 * NetworkSpec g = NetworkSpec.of("resnet_9blocks", options, 1, 1, NetworkRole.GENERATOR);
 * }</pre>
 *
 * Parameter shapes, entry name and checksum are filled in by {@link ModelBundle#of} and {@link
 * ModelBundles#write}; a spec read from a bundle has all of them.
 *
 * <p>A network with architecture {@value #TORCHSCRIPT} is a TorchScript module exported from
 * PyTorch: its entry is the {@code .pt} file itself (default {@code networks/NAME.pt}), which holds
 * its parameters, so it has no parameter shapes (see {@link TorchScriptBundles}).
 *
 * @param architecture network factory name, e.g. {@code resnet_9blocks}
 * @param options the factory's hyper-parameters; numbers should be int, long or double so that
 *     they compare equal after a round trip through JSON
 * @param inChannels channels the network takes, at least 1
 * @param outChannels channels the network gives, at least 1
 * @param role generator, discriminator or other
 * @param parameters zip entry of the parameter file; empty for the default {@code networks/NAME.ndlist}
 * @param parameterShapes parameter path (DJL's, e.g. {@code 01Conv2d_weight}) to shape, in block order
 * @param sha256 lower-case hex SHA-256 of the parameter file; empty until written
 */
public record NetworkSpec(String architecture, JsonObject options, int inChannels, int outChannels, NetworkRole role,
        String parameters, Map<String, Shape> parameterShapes, String sha256) {

    /** The architecture of a network that is a TorchScript module ({@code .pt}) rather than built here. */
    public static final String TORCHSCRIPT = "torchscript";

    public NetworkSpec {
        if (architecture == null || architecture.isBlank()) {
            throw new IllegalArgumentException("architecture must be named");
        }
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got in " + inChannels + ", out " + outChannels);
        }
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(sha256, "sha256");
        options = options == null ? new JsonObject() : options.deepCopy();
        parameterShapes = Collections.unmodifiableMap(new LinkedHashMap<>(parameterShapes));
    }

    /** @return a spec without parameter shapes, entry or checksum yet */
    public static NetworkSpec of(String architecture, JsonObject options, int inChannels, int outChannels, NetworkRole role) {
        return new NetworkSpec(architecture, options, inChannels, outChannels, role, "", Map.of(), "");
    }

    /** @return a copy of the options: the record stays immutable */
    @Override
    public JsonObject options() {
        return options.deepCopy();
    }

    /** @return whether this network is a TorchScript module, stored as a {@code .pt} file */
    public boolean isTorchScript() {
        return TORCHSCRIPT.equals(architecture);
    }

    /** @return how many numbers the parameters hold (running statistics included) */
    public long parameterCount() {
        return parameterShapes.values().stream().mapToLong(Shape::size).sum();
    }

    NetworkSpec withParameters(String entry) {
        return new NetworkSpec(architecture, options, inChannels, outChannels, role, entry, parameterShapes, sha256);
    }

    NetworkSpec withShapes(Map<String, Shape> shapes) {
        return new NetworkSpec(architecture, options, inChannels, outChannels, role, parameters, shapes, sha256);
    }

    NetworkSpec withSha256(String sha) {
        return new NetworkSpec(architecture, options, inChannels, outChannels, role, parameters, parameterShapes, sha);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("architecture", architecture);
        json.add("options", options.deepCopy());
        json.addProperty("in_channels", inChannels);
        json.addProperty("out_channels", outChannels);
        json.addProperty("role", role.id());
        json.addProperty("parameters", parameters);
        if (!isTorchScript()) {
            JsonObject shapes = new JsonObject();
            parameterShapes.forEach((name, shape) -> shapes.add(name, JsonFields.toJson(shape)));
            json.add("parameter_shapes", shapes);
        }
        json.addProperty("sha256", sha256);
        return json;
    }

    static NetworkSpec fromJson(JsonObject json, String path) {
        String architecture = JsonFields.requireString(json, path, "architecture");
        if (architecture.isBlank()) {
            throw new FieldException(JsonFields.join(path, "architecture"), "must name an architecture, got an empty string");
        }
        JsonObject options = JsonFields.optionalObject(json, path, "options");
        int in = JsonFields.requireInt(json, path, "in_channels", 1);
        int out = JsonFields.requireInt(json, path, "out_channels", 1);
        String roleId = JsonFields.requireString(json, path, "role");
        NetworkRole role = NetworkRole.fromId(roleId).orElseThrow(() -> new FieldException(JsonFields.join(path, "role"),
                "unknown role '" + roleId + "'; expected generator, discriminator or other"));
        String entry = JsonFields.requireString(json, path, "parameters");
        String entryProblem = Names.checkEntryName(entry);
        if (entryProblem != null) {
            throw new FieldException(JsonFields.join(path, "parameters"), entryProblem);
        }
        String shapesPath = JsonFields.join(path, "parameter_shapes");
        Map<String, Shape> shapes = new LinkedHashMap<>();
        if (TORCHSCRIPT.equals(architecture)) {
            if (JsonFields.optionalObject(json, path, "parameter_shapes").size() > 0) {
                throw new FieldException(shapesPath, "a TorchScript network keeps its parameters inside its .pt file and has no parameter_shapes");
            }
            return new NetworkSpec(architecture, options, in, out, role, entry, shapes, Checksums.requireSha256(json, path));
        }
        JsonFields.forEach(JsonFields.requireObject(json, path, "parameter_shapes"), (name, shape) -> {
            if (name.isEmpty()) {
                throw new FieldException(shapesPath, "a parameter has an empty name");
            }
            shapes.put(name, JsonFields.shape(shape, shapesPath + "." + name));
        });
        return new NetworkSpec(architecture, options, in, out, role, entry, shapes, Checksums.requireSha256(json, path));
    }
}
