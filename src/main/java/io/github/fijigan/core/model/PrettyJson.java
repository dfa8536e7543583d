package io.github.fijigan.core.model;

import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * Indented JSON with arrays of plain values on one line, so that {@code parameter_shapes} reads
 * {@code [64, 1, 7, 7]} rather than one number per line as Gson's pretty printer puts it.
 */
public final class PrettyJson {

    /** Only for scalars and keys: correct escaping, no HTML escaping. */
    private static final Gson SCALARS = new GsonBuilder().disableHtmlEscaping().create();

    private PrettyJson() {}

    public static String format(JsonElement json) {
        StringBuilder s = new StringBuilder();
        write(json, "", s);
        return s.append('\n').toString();
    }

    private static void write(JsonElement e, String indent, StringBuilder s) {
        if (e.isJsonObject()) {
            if (e.getAsJsonObject().size() == 0) {
                s.append("{}");
                return;
            }
            String inner = indent + "  ";
            s.append("{\n");
            boolean first = true;
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                s.append(first ? "" : ",\n").append(inner).append(SCALARS.toJson(m.getKey())).append(": ");
                write(m.getValue(), inner, s);
                first = false;
            }
            s.append('\n').append(indent).append('}');
        } else if (e.isJsonArray()) {
            JsonArray array = e.getAsJsonArray();
            boolean flat = array.asList().stream().allMatch(x -> x.isJsonPrimitive() || x.isJsonNull());
            String inner = indent + "  ";
            s.append('[');
            for (int i = 0; i < array.size(); i++) {
                s.append(i == 0 ? "" : ",").append(flat ? (i == 0 ? "" : " ") : "\n" + inner);
                write(array.get(i), inner, s);
            }
            s.append(flat || array.isEmpty() ? "" : "\n" + indent).append(']');
        } else {
            s.append(SCALARS.toJson(e));
        }
    }
}
