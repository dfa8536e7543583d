package io.github.fijigan.core.nn;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads a network's JSON options with defaults, and words every problem with the option's name:
 * wrong type, out of range, not one of the allowed words, or an option the network does not know.
 */
final class NetworkOptions {

    private final String network;
    private final JsonObject options;
    private final Set<String> known = new LinkedHashSet<>();

    /** @param network for messages, e.g. {@code dcgan_64 generator} */
    NetworkOptions(String network, JsonObject options) {
        this.network = network;
        this.options = options == null ? new JsonObject() : options;
    }

    /** @return the whole number under {@code name}, or the default; at least {@code min} */
    int integer(String name, int fallback, int min) {
        known.add(name);
        JsonElement e = options.get(name);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            throw bad(name, "must be a whole number, got " + e);
        }
        double d = p.getAsDouble();
        if (d != Math.rint(d) || d < min || d > Integer.MAX_VALUE) {
            throw bad(name, "must be a whole number of at least " + min + ", got " + p.getAsString());
        }
        return (int) d;
    }

    /** @return the boolean under {@code name}, or the default */
    boolean bool(String name, boolean fallback) {
        known.add(name);
        JsonElement e = options.get(name);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!(e instanceof JsonPrimitive p) || !p.isBoolean()) {
            throw bad(name, "must be true or false, got " + e);
        }
        return p.getAsBoolean();
    }

    /** @return the word under {@code name}, one of {@code allowed}, or the default */
    String word(String name, String fallback, List<String> allowed) {
        known.add(name);
        JsonElement e = options.get(name);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!(e instanceof JsonPrimitive p) || !p.isString() || !allowed.contains(p.getAsString())) {
            throw bad(name, "must be one of " + String.join(", ", allowed) + "; got " + e);
        }
        return p.getAsString();
    }

    /** @return whether the options name {@code name} (with a non-null value) */
    boolean has(String name) {
        return options.has(name) && !options.get(name).isJsonNull();
    }

    /** @throws IllegalArgumentException naming the first option that none of the readers asked for */
    void rejectUnknown() {
        for (Map.Entry<String, JsonElement> entry : options.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw new IllegalArgumentException(network + ": unknown option '" + entry.getKey() + "'; known options: "
                        + String.join(", ", known));
            }
        }
    }

    IllegalArgumentException bad(String name, String problem) {
        return new IllegalArgumentException(network + ": option '" + name + "' " + problem);
    }
}
