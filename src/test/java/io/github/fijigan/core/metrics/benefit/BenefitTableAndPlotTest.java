package io.github.fijigan.core.metrics.benefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.fijigan.core.data.RgbCanvas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables of an experiment, from runs with known confusion matrices: the CSV rows and columns,
 * the means and sample standard deviations; and the bar chart: each bar's top at its mean, error
 * bars at ± sd.
 */
class BenefitTableAndPlotTest {

    @TempDir
    Path dir;

    /** Two repeats of three arms on classes "a" and "b,c" (a name CSV must quote), 10 test images of each. */
    static BenefitTable table() {
        List<BenefitTable.Run> runs = new ArrayList<>();
        long[][][][] confusions = {
            {{{10, 0}, {6, 4}}, {{10, 0}, {4, 6}}},  // real: accuracy 0.7, 0.8
            {{{9, 1}, {2, 8}}, {{9, 1}, {2, 8}}},    // classical: 0.85 twice
            {{{10, 0}, {0, 10}}, {{8, 2}, {0, 10}}}, // synthetic: 1.0, 0.9
        };
        for (Arm arm : Arm.values()) {
            for (int r = 0; r < 2; r++) {
                runs.add(new BenefitTable.Run(arm, r + 1, 7 + r, arm == Arm.REAL ? new int[] {20, 4} : new int[] {20, 20},
                        ClassificationMetrics.of(confusions[arm.ordinal()][r])));
            }
        }
        return new BenefitTable(List.of("a", "b,c"), runs);
    }

    @Test
    void tablesHoldEveryRunAndTheStatistics() throws Exception {
        BenefitTable t = table();
        assertEquals(List.of("accuracy", "macro_f1", "recall_a", "recall_b,c", "f1_a", "f1_b,c"), t.metrics());
        String[] lines = t.runsCsv().split("\n");
        assertEquals("arm,repeat,seed,n_train_a,\"n_train_b,c\",accuracy,macro_f1,recall_a,\"recall_b,c\",f1_a,\"f1_b,c\"", lines[0]);
        assertEquals(7, lines.length);
        // real, repeat 1: F1 of a = 20/26, of b,c = 8/14; recall 1.0 and 0.4
        assertEquals("real,1,7,20,4,0.7," + (20 / 26.0 + 8 / 14.0) / 2 + ",1.0,0.4," + 20 / 26.0 + "," + 8 / 14.0, lines[1]);
        assertTrue(lines[3].startsWith("real+classical,1,7,20,20,0.85,"), lines[3]);
        BenefitTable.Summary acc = t.summary(Arm.REAL, "accuracy");
        assertEquals(0.75, acc.mean(), 1e-12);
        assertEquals(Math.sqrt(2 * 0.05 * 0.05), acc.sd(), 1e-12); // sample sd of 0.7, 0.8
        assertEquals(0, t.summary(Arm.CLASSICAL, "accuracy").sd(), 1e-12);
        assertEquals(0.95, t.summary(Arm.SYNTHETIC, "accuracy").mean(), 1e-12);
        String[] summary = t.summaryCsv().split("\n");
        assertEquals("arm,metric,mean,sd", summary[0]);
        assertEquals(1 + 3 * 6, summary.length);
        assertEquals("real,recall_a,1.0,0.0", summary[3]);
        // recall of "b,c" in the real arm: 0.4 and 0.6
        assertTrue(summary[4].startsWith("real,\"recall_b,c\",0.5,"), summary[4]);
        assertEquals(Math.sqrt(0.02), Double.parseDouble(summary[4].substring(summary[4].lastIndexOf(',') + 1)), 1e-12);
        assertTrue(Double.isNaN(new BenefitTable(List.of("a", "b,c"), t.runs().subList(0, 1)).summary(Arm.REAL, "accuracy").sd()));
        t.writeRunsCsv(dir.resolve("runs.csv"));
        assertEquals(t.runsCsv(), Files.readString(dir.resolve("runs.csv")));
        assertThrows(IllegalArgumentException.class, () -> t.value(t.runs().get(0), "precision_a"));
    }

    @Test
    void barsReachTheirMeansWithErrorBars() throws Exception {
        BenefitTable t = table();
        RgbCanvas canvas = BenefitPlot.render(t);
        BenefitPlot.Layout f = new BenefitPlot.Layout(3);
        for (Arm arm : Arm.values()) {
            for (int m = 0; m < 2; m++) {
                BenefitTable.Summary s = t.summary(arm, BenefitPlot.METRICS.get(m));
                int left = f.barLeft(arm.ordinal(), m);
                int column = left + 2; // inside the bar, away from the error bar in its middle
                int top = f.py(s.mean());
                assertEquals(BenefitPlot.COLOURS[m], canvas.get(column, top), arm + " " + m);
                assertEquals(BenefitPlot.COLOURS[m], canvas.get(column, f.bottom() - 1));
                assertTrue(canvas.get(column, top - 1) != BenefitPlot.COLOURS[m], arm + " " + m + ": the bar goes above its mean");
                int centre = left + f.barWidth / 2;
                if (s.sd() > 0) {
                    assertEquals(0x202020, canvas.get(centre, f.py(s.mean() + s.sd())), arm + " " + m + " error bar top");
                    assertEquals(0x202020, canvas.get(centre + 3, f.py(Math.max(0, s.mean() - s.sd()))), arm + " " + m + " lower cap");
                }
            }
        }
        Path png = dir.resolve("benefit.png");
        BenefitPlot.write(png, t);
        if (System.getProperty("benefit.png") != null) {
            Files.copy(png, Path.of(System.getProperty("benefit.png")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(Files.size(png) > 1000);
        assertThrows(IllegalArgumentException.class, () -> BenefitPlot.render(new BenefitTable(List.of("a", "b"), List.of())));
    }
}
