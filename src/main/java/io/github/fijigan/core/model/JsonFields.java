package io.github.fijigan.core.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Typed access to JSON fields where every failure names the field's full path, so that a user can
 * find it in {@code model.json} without reading code.
 */
final class JsonFields {

    private JsonFields() {}

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static JsonObject requireObject(JsonObject json, String path, String key) {
        JsonElement e = json.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new FieldException(join(path, key), e == null ? "missing" : "must be an object, got " + describe(e));
        }
        return e.getAsJsonObject();
    }

    static JsonObject optionalObject(JsonObject json, String path, String key) {
        return json.has(key) ? requireObject(json, path, key) : new JsonObject();
    }

    static String requireString(JsonObject json, String path, String key) {
        JsonElement e = json.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new FieldException(join(path, key), e == null ? "missing" : "must be a string, got " + describe(e));
        }
        return e.getAsString();
    }

    static String optionalString(JsonObject json, String path, String key) {
        return json.has(key) ? requireString(json, path, key) : "";
    }

    /** @return the field as an int of at least {@code min}; fractions and huge numbers are refused */
    static int requireInt(JsonObject json, String path, String key, int min) {
        JsonElement e = json.get(key);
        if (e == null) {
            throw new FieldException(join(path, key), "missing");
        }
        return intValue(e, join(path, key), min);
    }

    static OptionalInt optionalInt(JsonObject json, String path, String key, int min) {
        return json.has(key) ? OptionalInt.of(requireInt(json, path, key, min)) : OptionalInt.empty();
    }

    static int intValue(JsonElement e, String path, int min) {
        String expected = "must be an integer >= " + min;
        if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            throw new FieldException(path, expected + ", got " + describe(e));
        }
        BigDecimal v = e.getAsBigDecimal();
        if (v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(min)) < 0
                || v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new FieldException(path, expected + ", got " + e);
        }
        return v.intValueExact();
    }

    /** @return an array of non-negative integers as a shape */
    static Shape shape(JsonElement e, String path) {
        if (!e.isJsonArray()) {
            throw new FieldException(path, "must be an array of dimensions, got " + describe(e));
        }
        JsonArray array = e.getAsJsonArray();
        long[] dims = new long[array.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = intValue(array.get(i), path + "[" + i + "]", 0);
        }
        return new Shape(dims);
    }

    static JsonArray toJson(Shape shape) {
        JsonArray array = new JsonArray();
        for (long d : shape.getShape()) {
            array.add(d);
        }
        return array;
    }

    /** @return the shape as it appears in {@code model.json}, e.g. {@code [4, 1, 3, 3]} */
    static String format(Shape shape) {
        StringBuilder s = new StringBuilder("[");
        long[] dims = shape.getShape();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return s.append(']').toString();
    }

    /** Visits an object's members in document order. */
    static void forEach(JsonObject json, BiConsumer<String, JsonElement> action) {
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            action.accept(e.getKey(), e.getValue());
        }
    }

    /** @return a short description of a value for messages, without dumping a whole object */
    static String describe(JsonElement e) {
        if (e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "the string " + p : p.isBoolean() ? p.toString() : "the number " + p;
    }
}
