package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

/**
 * Evaluate › Augmentation Benefit headless: a real folder split into train and test, synthetic
 * images all added, the three tables' rows and the plot written; wrong inputs refused naming the
 * parameter.
 */
class EvaluateAugmentationBenefitCommandTest {

    private static final Path SHAPES = Path.of("test-data/synthetic/shapes");

    @TempDir
    Path dir;

    private Path folder(String name, int from, int to) throws Exception {
        Path f = dir.resolve(name);
        for (String c : List.of("circle", "square")) {
            Path sub = Files.createDirectories(f.resolve(c));
            for (int i = from; i < to; i++) {
                String file = String.format(Locale.ROOT, "%s_%03d.png", c, i);
                Files.copy(SHAPES.resolve(c).resolve(file), sub.resolve(file));
            }
        }
        return f;
    }

    private Map<String, Object> inputs(Path real, Path synthetic, Path out) {
        Map<String, Object> map = new HashMap<>();
        map.put("real_folder", real.toFile());
        map.put("synthetic_folder", synthetic.toFile());
        map.put("output_folder", out.toFile());
        map.put("test_fraction", 0.25);
        map.put("synthetic_mode", "all");
        map.put("augmentation", "rotate:10, hflip");
        map.put("image_size", 16);
        map.put("epochs", 3);
        map.put("width", 4);
        map.put("batch_size", 8);
        map.put("learning_rate", 3e-3);
        map.put("repeats", 1);
        map.put("seed", 5L);
        map.put("device", "cpu");
        return map;
    }

    @Test
    void writesTheTablesAndThePlot() throws Exception {
        Path real = folder("real", 0, 12);
        Path synthetic = folder("synthetic", 40, 44);
        Path out = dir.resolve("benefit");
        try (CommandHarness harness = new CommandHarness(EvaluateAugmentationBenefitCommand.class)) {
            Module module = harness.run(EvaluateAugmentationBenefitCommand.class, inputs(real, synthetic, out));
            assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
            assertNull(module.getOutput("plot"), "no display: the plot stays a file");
        }
        List<String> runs = Files.readAllLines(out.resolve("benefit_runs.csv"));
        assertEquals(4, runs.size(), runs.toString());
        // 12 per class, 3 held out: 9 real training images, + 4 synthetic (or 4 augmented copies) in the other arms
        assertTrue(runs.get(1).startsWith("real,1,5,9,9,"), runs.get(1));
        assertTrue(runs.get(2).startsWith("real+classical,1,5,13,13,"), runs.get(2));
        assertTrue(runs.get(3).startsWith("real+synthetic,1,5,13,13,"), runs.get(3));
        List<String> summary = Files.readAllLines(out.resolve("benefit_summary.csv"));
        assertEquals(1 + 3 * 6, summary.size());
        assertTrue(summary.get(1).startsWith("real,accuracy,") && summary.get(1).endsWith(",NaN"), summary.get(1));
        assertTrue(Files.size(out.resolve("benefit.png")) > 1000);
    }

    @Test
    void wrongInputsAreNamed() throws Exception {
        Path real = folder("real", 0, 4);
        Path synthetic = folder("synthetic", 40, 41);
        Files.createDirectories(synthetic.resolve("oval"));
        Files.copy(SHAPES.resolve("circle/circle_047.png"), synthetic.resolve("oval/o.png"));
        try (CommandHarness harness = new CommandHarness(EvaluateAugmentationBenefitCommand.class)) {
            Module unknown = harness.run(EvaluateAugmentationBenefitCommand.class, inputs(real, synthetic, dir.resolve("out")));
            assertTrue(CommandHarness.canceled(unknown));
            assertTrue(CommandHarness.reason(unknown).startsWith("synthetic_folder: " + synthetic + ": class subfolder 'oval'"),
                    CommandHarness.reason(unknown));
            Map<String, Object> mode = inputs(real, synthetic, dir.resolve("out"));
            mode.put("synthetic_mode", "double");
            assertEquals("synthetic_mode: must be one of balance, all; got 'double'",
                    CommandHarness.reason(harness.run(EvaluateAugmentationBenefitCommand.class, mode)));
            Map<String, Object> fraction = inputs(real, synthetic, dir.resolve("out"));
            fraction.put("test_fraction", 1.5);
            assertEquals("test_fraction: must be between 0.01 and 0.99, got 1.5",
                    CommandHarness.reason(harness.run(EvaluateAugmentationBenefitCommand.class, fraction)));
            Map<String, Object> augmentation = inputs(real, synthetic, dir.resolve("out"));
            augmentation.put("augmentation", "rotate:15, blur");
            assertTrue(CommandHarness.reason(harness.run(EvaluateAugmentationBenefitCommand.class, augmentation))
                    .startsWith("augmentation: "));
            assertFalse(Files.exists(dir.resolve("out")));
        }
    }
}
