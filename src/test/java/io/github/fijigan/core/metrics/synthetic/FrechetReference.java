package io.github.fijigan.core.metrics.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Reads test-data/reference/frechet_reference.json (made by frechet_reference.py with NumPy and SciPy). */
final class FrechetReference {

    static final Path FILE = Path.of("test-data/reference/frechet_reference.json");

    private FrechetReference() {}

    static JsonObject read() throws IOException {
        return JsonParser.parseString(Files.readString(FILE)).getAsJsonObject();
    }

    static double[][] matrix(JsonArray rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(rows.get(i).getAsJsonArray());
        }
        return m;
    }

    static double[] vector(JsonArray values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).getAsDouble();
        }
        return v;
    }
}
