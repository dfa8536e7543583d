package io.github.fijigan.core.model;

import java.io.IOException;
import java.io.StringReader;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Parses {@code model.json} strictly: RFC 8259 syntax only, no duplicate keys (Gson's own tree
 * parser keeps the last silently, which would hide a hand-edit gone wrong), nothing after the
 * top-level object, and positions in every message.
 */
final class StrictJson {

    private StrictJson() {}

    /**
     * @return the top-level object
     * @throws FieldException with an empty path and a problem naming line and column
     */
    static JsonObject parseObject(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new FieldException("", "not a JSON object (it starts with " + reader.peek() + " " + position(reader) + ")");
            }
            JsonObject root = read(reader).getAsJsonObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new FieldException("", "not valid JSON: more content after the top-level object " + position(reader));
            }
            return root;
        } catch (IOException e) {
            // Gson's messages carry "at line L column C path $.x", then a troubleshooting link we drop.
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new FieldException("", "not valid JSON: " + message);
        }
    }

    private static JsonElement read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) {
                        throw new FieldException("", "not valid JSON: key '" + name + "' appears twice " + position(reader));
                    }
                    object.add(name, read(reader));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(number(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new FieldException("", "not valid JSON: unexpected " + reader.peek() + " " + position(reader));
        }
    }

    /**
     * Integers become {@code Long} and the rest {@code Double}, the types {@code JsonObject} gets
     * when built in code, so that parsed and built manifests are equal and hash alike.
     */
    private static Number number(String literal) {
        if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooLong) {
                // falls through to double, like Gson's lenient number handling
            }
        }
        return Double.parseDouble(literal);
    }

    private static String position(JsonReader reader) {
        return reader.toString().replaceFirst("^JsonReader\\s*", "");
    }
}
