package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

class GenerateSamplesCommandTest {

    static final File MODEL = new File("test-data/models/shapes_acgan_tiny.zip");

    @TempDir
    Path dir;

    private final CommandHarness harness = new CommandHarness(GenerateSamplesCommand.class);

    @AfterEach
    void dispose() {
        harness.close();
    }

    private Map<String, Object> inputs(File model, Path out, int count, String className) {
        Map<String, Object> map = new HashMap<>();
        map.put("model", model);
        map.put("output_folder", out.toFile());
        map.put("count", count);
        map.put("class_name", className);
        map.put("seed", 1L);
        map.put("device", "cpu");
        return map;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheSamplesAndReportsProgress() throws Exception {
        Path out = dir.resolve("out");
        Module module = harness.run(GenerateSamplesCommand.class, inputs(MODEL, out, 2, ""));
        assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
        assertEquals(List.of("circle", "square"), names(out));
        assertEquals(List.of("sample_00001.png", "sample_00002.png"), names(out.resolve("square")));
        assertNull(module.getOutput("samples"), "no stack without a display");
        // Status: the title, then a count per file (1..4 of 4), then the summary. StatusService
        // may deliver its events out of order, so they are compared sorted.
        List<String> counted = harness.status.stream().filter(e -> e.getProgressMaximum() == 4)
                .map(e -> e.getProgressValue() + "/4 " + e.getStatusMessage()).sorted().toList();
        assertEquals(List.of("1/4 Wrote circle/sample_00001.png", "2/4 Wrote circle/sample_00002.png",
                "3/4 Wrote square/sample_00001.png", "4/4 Wrote square/sample_00002.png"), counted);
        assertTrue(harness.status.stream().anyMatch(e -> ("wrote 4 uint8 samples (2 per class: circle, square) to " + out)
                .equals(e.getStatusMessage())), harness.status.toString());
    }

    @Test
    void valuesAreRememberedForTheNextRun() throws Exception {
        harness.run(GenerateSamplesCommand.class, inputs(MODEL, dir.resolve("a"), 3, "circle"));
        Map<String, Object> fewer = new HashMap<>();
        fewer.put("output_folder", dir.resolve("b").toFile());
        Module module = harness.run(GenerateSamplesCommand.class, fewer);
        assertFalse(CommandHarness.canceled(module));
        assertEquals(List.of("circle"), names(dir.resolve("b")));
        assertEquals(3, names(dir.resolve("b/circle")).size());
    }

    private void assertRefused(Map<String, Object> inputs, String reason) throws Exception {
        Module module = harness.run(GenerateSamplesCommand.class, inputs);
        assertTrue(CommandHarness.canceled(module), reason);
        assertEquals(reason, CommandHarness.reason(module));
    }

    @Test
    void badInputsCancelWithAMessageNamingThem() throws Exception {
        Path out = dir.resolve("out");
        File missing = dir.resolve("gone.zip").toFile();
        assertRefused(inputs(missing, out, 2, ""), "model: " + missing + ": file not found");
        Path png = Files.copy(Path.of("test-data/synthetic/shapes/circle/circle_000.png"), dir.resolve("m.zip"));
        assertRefused(inputs(png.toFile(), out, 2, ""), "model: m.zip: not a zip archive: it looks like a PNG image");
        assertRefused(inputs(MODEL, out, 2, "star"),
                "class_name: 'star' is not a class of shapes_acgan_tiny.zip; its classes are circle, square");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertRefused(inputs(MODEL, file, 2, ""), "output_folder: " + file + ": is a file, not a folder");
        assertRefused(inputs(MODEL, out, 0, ""), "count: must be between 1 and 1000000, got 0");
        Map<String, Object> badDevice = inputs(MODEL, out, 1, "");
        badDevice.put("device", "tpu");
        assertRefused(badDevice, "device: must be one of auto, cpu, gpu; got 'tpu'");
        assertFalse(Files.exists(out), "nothing is written for refused inputs");
    }
}
