package io.github.fijigan.core.metrics.benefit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * Accuracy, per-class precision, recall, F1 and macro averages: against values worked out by hand,
 * and against scikit-learn 1.2.1 with {@code zero_division=0} ({@code classification_reference.json}).
 */
class ClassificationMetricsTest {

    @Test
    void anImbalancedRunByHand() {
        // 16 of class 0 (14 right, 2 called 1), 4 of class 1 (1 right, 3 called 0)
        ClassificationMetrics m = ClassificationMetrics.of(new long[][] {{14, 2}, {3, 1}});
        assertEquals(20, m.total());
        assertEquals(15 / 20.0, m.accuracy(), 1e-15);
        assertEquals(14 / 17.0, m.precision(0), 1e-15);
        assertEquals(14 / 16.0, m.recall(0), 1e-15);
        assertEquals(28 / 33.0, m.f1(0), 1e-15);
        assertEquals(1 / 3.0, m.precision(1), 1e-15);
        assertEquals(1 / 4.0, m.recall(1), 1e-15);
        assertEquals(2 / 7.0, m.f1(1), 1e-15); // = 2 P R / (P + R) = (1/6) / (7/12)
        assertEquals((28 / 33.0 + 2 / 7.0) / 2, m.macroF1(), 1e-15);
        assertEquals((14 / 16.0 + 1 / 4.0) / 2, m.macroRecall(), 1e-15);
    }

    @Test
    void zeroDivisionGivesZero() {
        // class 2 has no test images and is never predicted; class 1 is never predicted
        ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 0, 1}, new int[] {0, 0, 0}, 3);
        assertArrayEquals(new long[][] {{2, 0, 0}, {1, 0, 0}, {0, 0, 0}}, m.confusion());
        assertEquals(0, m.precision(1));
        assertEquals(0, m.recall(1));
        assertEquals(0, m.f1(1));
        assertEquals(0, m.precision(2));
        assertEquals(0, m.recall(2));
        assertEquals(0, m.f1(2));
        assertEquals(4 / 5.0, m.f1(0), 1e-15);  // TP 2, FP 1, FN 0
        assertEquals(4 / 5.0 / 3, m.macroF1(), 1e-15);
        assertEquals(0, ClassificationMetrics.of(new long[2][2]).accuracy());
    }

    @Test
    void equalToScikitLearn() throws Exception {
        JsonObject reference = JsonParser.parseString(
                Files.readString(Path.of("test-data/reference/classification_reference.json"))).getAsJsonObject();
        assertEquals(0, reference.get("zero_division").getAsInt());
        int cases = 0;
        for (JsonElement e : reference.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            int k = c.get("classes").getAsInt();
            ClassificationMetrics m = ClassificationMetrics.of(ints(c.getAsJsonArray("truth")), ints(c.getAsJsonArray("predicted")), k);
            JsonArray confusion = c.getAsJsonArray("confusion");
            for (int t = 0; t < k; t++) {
                long[] row = new long[k];
                for (int p = 0; p < k; p++) {
                    row[p] = confusion.get(t).getAsJsonArray().get(p).getAsLong();
                }
                assertArrayEquals(row, m.confusion()[t], name + " row " + t);
            }
            assertEquals(c.get("accuracy").getAsDouble(), m.accuracy(), 1e-12, name);
            for (int j = 0; j < k; j++) {
                assertEquals(c.getAsJsonArray("precision").get(j).getAsDouble(), m.precision(j), 1e-12, name + " precision " + j);
                assertEquals(c.getAsJsonArray("recall").get(j).getAsDouble(), m.recall(j), 1e-12, name + " recall " + j);
                assertEquals(c.getAsJsonArray("f1").get(j).getAsDouble(), m.f1(j), 1e-12, name + " f1 " + j);
                assertEquals(c.getAsJsonArray("support").get(j).getAsLong(), m.support(j), name + " support " + j);
            }
            assertEquals(c.get("macro_f1").getAsDouble(), m.macroF1(), 1e-12, name);
            assertEquals(c.get("macro_recall").getAsDouble(), m.macroRecall(), 1e-12, name);
            assertEquals(c.get("macro_precision").getAsDouble(), m.macroPrecision(), 1e-12, name);
            cases++;
        }
        assertEquals(6, cases);
    }

    @Test
    void badInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(new long[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(new long[][] {{1, -2}, {3, 4}}));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(new int[] {0, 1}, new int[] {0}, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[] {0, 2}, new int[] {0, 1}, 2));
        assertEquals("sample 1: true class 2, predicted 1, outside 0..1", e.getMessage());
    }

    private static int[] ints(JsonArray a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsInt();
        }
        return v;
    }
}
