package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

class TrainSynthesisCommandTest {

    private static final File TINY_DCGAN = new File("test-data/configs/shapes_dcgan_tiny.json");
    private static final File SHAPES = new File("test-data/synthetic/shapes");

    @TempDir
    Path dir;

    private final CommandHarness harness = new CommandHarness(TrainSynthesisCommand.class);

    @AfterEach
    void dispose() {
        harness.close();
    }

    private static Map<String, Object> settings(File data, Path run) {
        Map<String, Object> map = new HashMap<>();
        map.put("data", data);
        map.put("run_folder", run.toFile());
        map.put("kind", "AC-GAN");
        map.put("image_size", "32");
        map.put("epochs", 1);
        map.put("batch_size", 32);
        map.put("network_width", 4);
        map.put("lr", 0.001);
        map.put("seed", 5L);
        map.put("device", "cpu");
        return map;
    }

    private static String reason(Module module) {
        return CommandHarness.reason(module);
    }

    @Test
    void trainsFromTheDialogSettings() throws Exception {
        Path run = dir.resolve("run");
        Module module = harness.run(TrainSynthesisCommand.class, settings(SHAPES, run));
        assertFalse(CommandHarness.canceled(module), () -> reason(module));
        assertEquals(run.resolve("model.zip").toFile(), module.getOutput("model"));
        ModelManifest manifest = ModelBundles.readManifest(run.resolve("model.zip"));
        assertEquals(ModelKind.ACGAN, manifest.kind());
        assertEquals(List.of("circle", "square"), manifest.classes());
        JsonObject config = JsonParser.parseString(Files.readString(run.resolve("config.json"))).getAsJsonObject();
        assertEquals(4, config.get("ngf").getAsInt());
        assertEquals(4, config.get("ndf").getAsInt());
        assertEquals(0.001, config.get("lr_g").getAsDouble());
        assertEquals(32, config.get("batch_size").getAsInt());
        assertEquals(5, config.get("seed").getAsLong());
        assertTrue(config.get("class_subfolders").getAsBoolean(), "AC-GAN's default");
        // 96 images in batches of 32: the status bar counts 3 iterations.
        List<String> iterations = harness.status.stream().filter(e -> e.getProgressMaximum() == 3)
                .map(e -> e.getProgressValue() + "/3").sorted().toList();
        assertEquals(List.of("0/3", "1/3", "2/3", "3/3"), iterations);
    }

    @Test
    void aConfigFileReplacesTheDialogSettings() throws Exception {
        Path run = dir.resolve("run");
        Map<String, Object> inputs = settings(null, run);
        inputs.put("config", TINY_DCGAN);
        Module module = harness.run(TrainSynthesisCommand.class, inputs);
        assertFalse(CommandHarness.canceled(module), () -> reason(module));
        assertEquals(ModelKind.DCGAN, ModelBundles.readManifest(run.resolve("model.zip")).kind());
        JsonObject config = JsonParser.parseString(Files.readString(run.resolve("config.json"))).getAsJsonObject();
        assertEquals(8, config.get("ngf").getAsInt());
        assertEquals(Path.of("test-data/synthetic/shapes/circle").toAbsolutePath().toString(), config.get("data").getAsString());
        assertEquals("cpu", config.get("device").getAsString());
    }

    @Test
    void cancellingStopsAfterTheCurrentIterationWithACheckpoint() throws Exception {
        Path run = dir.resolve("run");
        Module module = harness.create(TrainSynthesisCommand.class);
        // Status events arrive on another thread, some iterations later, as a user's cancel would:
        // 5 epochs of 3 iterations leave room to stop before the end.
        harness.whenStatus(e -> {
            if (e.getProgressMaximum() == 15 && e.getProgressValue() == 1) {
                ((org.scijava.Cancelable) module).cancel("stop");
            }
        });
        Map<String, Object> inputs = settings(SHAPES, run);
        inputs.put("epochs", 5);
        harness.run(module, inputs);
        assertTrue(CommandHarness.canceled(module));
        assertEquals("stop", reason(module));
        try (var files = Files.list(run.resolve("checkpoints"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).matches("epoch_00[0-4]_iter_0000[12]\\.zip|epoch_00[1-4]\\.zip"), names.toString());
        }
        assertFalse(Files.exists(run.resolve("model.zip")));
        assertEquals(null, module.getOutput("model"));
    }

    private void assertRefused(Map<String, Object> inputs, String reason) throws Exception {
        Module module = harness.run(TrainSynthesisCommand.class, inputs);
        assertTrue(CommandHarness.canceled(module), reason);
        assertEquals(reason, reason(module));
    }

    @Test
    void badInputsCancelWithAMessageNamingThemBeforeAnythingRuns() throws Exception {
        Path run = dir.resolve("run");
        Map<String, Object> inputs = settings(SHAPES, run);
        inputs.put("epochs", 0);
        assertRefused(inputs, "epochs: must be between 1 and 100000, got 0");
        inputs = settings(SHAPES, run);
        inputs.put("image_size", "48");
        assertRefused(inputs, "image_size: must be one of 32, 64, 128; got '48'");
        inputs = settings(SHAPES, run);
        inputs.put("kind", "GAN");
        assertRefused(inputs, "kind: must be one of DCGAN, WGAN-GP, SN-GAN, AC-GAN; got 'GAN'");
        inputs = settings(SHAPES, run);
        inputs.put("lr", -1.0);
        assertRefused(inputs, "lr: must be between 0 and 1, got -1");
        assertFalse(Files.exists(run), "no run folder for refused parameters");

        File missing = dir.resolve("nowhere").toFile();
        assertRefused(settings(missing, run), "data: " + missing + ": folder not found");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertRefused(settings(empty.toFile(), run), "data: Cannot read " + empty + ": no readable images in its class"
                + " subfolders (the folder is empty)");
        assertRefused(settings(null, run), "data: no training image folder given (nor a \"data\" key in the config)");

        Path notJson = Files.writeString(dir.resolve("c.json"), "not json");
        inputs = settings(SHAPES, run);
        inputs.put("config", notJson.toFile());
        Module module = harness.run(TrainSynthesisCommand.class, inputs);
        assertEquals("config: " + notJson + ": not valid JSON at line 1, column 6", reason(module));

        Path file = Files.writeString(dir.resolve("file"), "x");
        assertRefused(settings(SHAPES, file), "run_folder: " + file + ": is a file, not a folder");
    }
}
