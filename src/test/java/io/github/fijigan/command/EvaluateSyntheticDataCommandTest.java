package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.fijigan.core.metrics.Csv;
import io.github.fijigan.core.metrics.synthetic.SyntheticDataJob;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.train.GenerateJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

/** Evaluate › Synthetic Data: headless it writes every table and plot; bad inputs end it with their name. */
class EvaluateSyntheticDataCommandTest {

    private static final Path SHAPES = Path.of("test-data/synthetic/shapes");

    @TempDir
    Path dir;

    private Map<String, Object> inputs(Path real, Path synthetic, Path out) {
        Map<String, Object> map = new HashMap<>();
        map.put("real_folder", real.toFile());
        map.put("synthetic_folder", synthetic.toFile());
        map.put("output_folder", out.toFile());
        map.put("image_size", 32);
        map.put("latent_size", 4);
        map.put("latent_channels", 8);
        map.put("epochs", 3);
        map.put("batch_size", 16);
        map.put("learning_rate", 2e-3);
        map.put("seed", 2L);
        map.put("pairs", 3);
        map.put("device", "cpu");
        return map;
    }

    @Test
    void writesTheTablesAndPlotsHeadless() throws Exception {
        Path synthetic = dir.resolve("synthetic");
        GenerateJob.create(Path.of("test-data/models/shapes_acgan_tiny.zip"), synthetic, 4).seed(1).device("cpu")
                .run(ProgressListener.NONE, new CancellationToken());
        Path out = dir.resolve("eval");
        try (CommandHarness harness = new CommandHarness(EvaluateSyntheticDataCommand.class)) {
            Module module = harness.run(EvaluateSyntheticDataCommand.class, inputs(SHAPES, synthetic, out));
            assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
            assertNull(module.getOutput("box_plot"), "no windows headless");
            assertNull(module.getOutput("closest_pairs"));
            // The status bar gets the summary; StatusService may deliver it after the module is done.
            for (int i = 0; i < 50 && !showed(harness, "compared 8 synthetic images"); i++) {
                Thread.sleep(100);
            }
            assertTrue(showed(harness, "compared 8 synthetic images"), harness.status.toString());
        }
        for (String name : List.of(SyntheticDataJob.CENTROIDS_CSV, SyntheticDataJob.SAMPLES_CSV, SyntheticDataJob.MEMORISATION_CSV,
                SyntheticDataJob.BOX_PLOT_PNG, SyntheticDataJob.PAIRS_PNG, SyntheticDataJob.SUMMARY_TXT)) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        List<List<String>> centroids = Csv.parse(Files.readString(out.resolve(SyntheticDataJob.CENTROIDS_CSV)));
        assertEquals(List.of("circle", "48", "4"), centroids.get(1).subList(0, 3));
        assertEquals(List.of("square", "48", "4"), centroids.get(2).subList(0, 3));
        assertEquals(1 + 8, Csv.parse(Files.readString(out.resolve(SyntheticDataJob.MEMORISATION_CSV))).size());
    }

    private static boolean showed(CommandHarness harness, String prefix) {
        synchronized (harness.status) {
            return harness.status.stream().anyMatch(e -> e.getStatusMessage() != null && e.getStatusMessage().startsWith(prefix));
        }
    }

    @Test
    void badInputsAreNamed() throws Exception {
        Path unknown = Files.createDirectories(dir.resolve("synthetic/triangle"));
        Files.copy(SHAPES.resolve("square/square_000.png"), unknown.resolve("t.png"));
        Path out = dir.resolve("eval");
        try (CommandHarness harness = new CommandHarness(EvaluateSyntheticDataCommand.class)) {
            Module triangle = harness.run(EvaluateSyntheticDataCommand.class, inputs(SHAPES, dir.resolve("synthetic"), out));
            assertTrue(CommandHarness.canceled(triangle));
            assertTrue(CommandHarness.reason(triangle).startsWith("synthetic_folder: " + unknown + ": class 'triangle'"),
                    CommandHarness.reason(triangle));
            Map<String, Object> latent = inputs(SHAPES, SHAPES, out);
            latent.put("latent_size", 3);
            Module badLatent = harness.run(EvaluateSyntheticDataCommand.class, latent);
            assertTrue(CommandHarness.reason(badLatent).startsWith("latent_size: 3 does not divide the image size 32"),
                    CommandHarness.reason(badLatent));
            Map<String, Object> tiny = inputs(SHAPES, SHAPES, out);
            tiny.put("image_size", 4);
            Module small = harness.run(EvaluateSyntheticDataCommand.class, tiny);
            assertEquals("image_size: must be between 8 and 4096, got 4", CommandHarness.reason(small));
            Module missing = harness.run(EvaluateSyntheticDataCommand.class, inputs(dir.resolve("nowhere"), SHAPES, out));
            assertEquals("real_folder: " + dir.resolve("nowhere") + ": folder not found", CommandHarness.reason(missing));
        }
        assertFalse(Files.exists(out), "nothing written");
    }
}
