package io.github.fijigan.core.model;

import java.util.Objects;

import com.google.gson.JsonObject;

/**
 * Where a checkpoint keeps one piece of training state (e.g. the Adam moments of one optimiser):
 * an NDList file in the bundle and its checksum.
 *
 * @param file the zip entry name, e.g. {@code state/optimizer_G.ndlist}
 * @param sha256 lower-case hex SHA-256 of the entry; empty until the bundle is written
 */
public record StateSpec(String file, String sha256) {

    public StateSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** @return the default entry of state {@code name}, no checksum yet */
    public static StateSpec forName(String name) {
        return new StateSpec("state/" + name + ".ndlist", "");
    }

    StateSpec withSha256(String sha) {
        return new StateSpec(file, sha);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("file", file);
        json.addProperty("sha256", sha256);
        return json;
    }

    static StateSpec fromJson(JsonObject json, String path) {
        String file = JsonFields.requireString(json, path, "file");
        String problem = Names.checkEntryName(file);
        if (problem != null) {
            throw new FieldException(JsonFields.join(path, "file"), problem);
        }
        return new StateSpec(file, Checksums.requireSha256(json, path));
    }
}
