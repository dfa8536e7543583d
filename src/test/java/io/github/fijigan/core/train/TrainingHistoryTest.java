package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingHistoryTest {

    @TempDir
    Path dir;

    @Test
    void oneRowPerIterationWithEveryLossAndTheTime() throws Exception {
        Path file = dir.resolve("history.csv");
        try (TrainingHistory history = TrainingHistory.open(file, List.of("loss_D", "loss_G"), 0)) {
            history.append(0, 0, 0, losses(1.5, Double.NaN), 0.25);
            history.append(0, 1, 1, losses(1.25, 0.75), 0.125);
        }
        assertEquals(List.of("epoch,iteration,global_iteration,loss_D,loss_G,seconds",
                "0,0,0,1.50000,,0.2500",
                "0,1,1,1.25000,0.750000,0.1250"), Files.readAllLines(file));
    }

    @Test
    void resumingDropsTheRowsAfterTheCheckpoint() throws Exception {
        Path file = dir.resolve("history.csv");
        try (TrainingHistory history = TrainingHistory.open(file, List.of("loss"), 0)) {
            for (int i = 0; i < 5; i++) {
                history.append(i / 2, i % 2, i, Map.of("loss", (double) i), 0);
            }
        }
        try (TrainingHistory history = TrainingHistory.open(file, List.of("loss"), 3)) {
            history.append(1, 1, 3, Map.of("loss", 30.0), 0);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size());
        assertEquals("1,1,3,30.0000,0.0000", lines.get(4));
        assertEquals("1,0,2,2.00000,0.0000", lines.get(3));
    }

    @Test
    void aFreshRunStartsAFreshFile() throws Exception {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, "old\nrows\n");
        try (TrainingHistory history = TrainingHistory.open(file, List.of("loss"), 0)) {
            history.flush();
        }
        assertEquals(List.of("epoch,iteration,global_iteration,loss,seconds"), Files.readAllLines(file));
    }

    private static Map<String, Double> losses(double d, double g) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss_D", d);
        m.put("loss_G", g);
        return m;
    }
}
