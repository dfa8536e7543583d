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
import io.github.fijigan.testdata.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

/** Train › Translation, Train › Denoising and Train › Stain Colorizer: the dialog's settings train a real (tiny) model into the run folder. */
class TrainTranslationAndDenoisingCommandTest {

    @TempDir
    Path dir;

    @Test
    void translationTrainsPix2pixOnPairedFolders() throws Exception {
        Path paired = Path.of("test-data/synthetic/paired");
        for (String side : new String[] {"A", "B"}) {
            Files.createDirectories(dir.resolve("val" + side));
            for (String name : new String[] {"pair_000.png", "pair_001.png"}) {
                Files.copy(paired.resolve(side).resolve(name), dir.resolve("val" + side).resolve(name));
            }
        }
        try (CommandHarness harness = new CommandHarness(TrainTranslationCommand.class)) {
            Map<String, Object> in = new HashMap<>();
            in.put("data", new File("test-data/synthetic/paired"));
            in.put("run_folder", dir.resolve("p2p").toFile());
            in.put("model", "pix2pix");
            in.put("generator", "resnet_6blocks");
            in.put("crop_size", 32);
            in.put("load_size", 32);
            in.put("epochs", 1);
            in.put("decay_epochs", 0);
            in.put("batch_size", 16);
            in.put("network_width", 4);
            in.put("validation_a", dir.resolve("valA").toFile());
            in.put("validation_b", dir.resolve("valB").toFile());
            in.put("select_metric", "psnr");
            in.put("device", "cpu");
            Module module = harness.run(TrainTranslationCommand.class, in);
            assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
            File model = (File) module.getOutput("model_file");
            assertEquals(ModelKind.PIX2PIX, ModelBundles.readManifest(model.toPath()).kind());
            assertTrue(Files.isRegularFile(dir.resolve("p2p/losses.png")));
            List<String> table = Files.readAllLines(dir.resolve("p2p/validation.csv"));
            assertEquals(List.of("epoch,iteration,psnr,ssim"), table.subList(0, 1));
            assertEquals(2, table.size(), "the one epoch, validated on the two held-out pairs");
            assertTrue(table.get(1).startsWith("1,4,"), table.get(1));
            JsonObject best = JsonParser.parseString(Files.readString(dir.resolve("p2p/best.json"))).getAsJsonObject();
            assertEquals("psnr", best.get("metric").getAsString());
            assertEquals(Double.parseDouble(table.get(1).split(",")[2]), best.get("value").getAsDouble());
            assertEquals(ModelKind.PIX2PIX, ModelBundles.readManifest(dir.resolve("p2p/best_model.zip")).kind());

            in.put("validation_a", new File(""));   // emptied, not left out: a folder parameter is remembered
            in.put("run_folder", dir.resolve("onlyB").toFile());
            Module onlyB = harness.run(TrainTranslationCommand.class, in);
            assertTrue(CommandHarness.canceled(onlyB), "validation B without A");
            assertTrue(CommandHarness.reason(onlyB).startsWith("validation_a: validation needs both folders"),
                    CommandHarness.reason(onlyB));
            in.put("validation_b", new File(""));

            in.put("model", "CycleGAN");
            in.put("data", new File("test-data/dicom"));
            in.put("run_folder", dir.resolve("cycle").toFile());
            Module unpaired = harness.run(TrainTranslationCommand.class, in);
            assertTrue(CommandHarness.canceled(unpaired), "a folder without domain folders A/B or trainA/trainB");
            assertTrue(CommandHarness.reason(unpaired).startsWith("data: "), CommandHarness.reason(unpaired));
        }
    }

    @Test
    void stainColorizerTrainsOnTheTargetsSlides() throws Exception {
        Path slides = Files.createDirectories(dir.resolve("target"));
        Files.copy(Path.of("test-data/histology/ihc.png"), slides.resolve("ihc.png"));
        try (CommandHarness harness = new CommandHarness(TrainColorizerCommand.class)) {
            Map<String, Object> in = new HashMap<>();
            in.put("data", slides.toFile());
            in.put("run_folder", dir.resolve("colorizer").toFile());
            in.put("generator", "resnet_6blocks");
            in.put("crop_size", 32);
            in.put("patches_per_image", 8);
            in.put("epochs", 1);
            in.put("decay_epochs", 0);
            in.put("batch_size", 4);
            in.put("network_width", 4);
            in.put("validation", slides.toFile());
            in.put("validate_every", 1);
            in.put("select_metric", "psnr");
            in.put("device", "cpu");
            Module module = harness.run(TrainColorizerCommand.class, in);
            assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
            File model = (File) module.getOutput("model_file");
            assertEquals(ModelKind.COLORIZER, ModelBundles.readManifest(model.toPath()).kind());
            List<String> validation = Files.readAllLines(dir.resolve("colorizer/validation.csv"));
            assertEquals(List.of("epoch", "iteration", "psnr", "ssim"), List.of(validation.get(0).split(",")));
            assertEquals(2, validation.size(), validation::toString);
            assertTrue(Files.isRegularFile(dir.resolve("colorizer/best_model.zip")));

            in.put("validation", new File(""));
            in.put("data", new File("test-data/dicom"));
            in.put("run_folder", dir.resolve("gray").toFile());
            Module gray = harness.run(TrainColorizerCommand.class, in);
            assertTrue(CommandHarness.canceled(gray), "16-bit grey DICOM is no stain target");
            assertTrue(CommandHarness.reason(gray).startsWith("data: "), CommandHarness.reason(gray));
        }
    }

    @Test
    void denoisingTrainsOnCleanCtWithSimulatedLowDoseNoise() throws Exception {
        Path data = Files.createDirectories(dir.resolve("clean"));
        Files.copy(TestModels.CT, data.resolve("ct.dcm"));
        try (CommandHarness harness = new CommandHarness(TrainDenoisingCommand.class)) {
            Map<String, Object> in = new HashMap<>();
            in.put("data", data.toFile());
            in.put("run_folder", dir.resolve("ldct").toFile());
            in.put("noise", "poisson");
            in.put("dose", 0.25);
            in.put("crop_size", 32);
            in.put("epochs", 1);
            in.put("decay_epochs", 0);
            in.put("batch_size", 8);
            in.put("network_width", 4);
            in.put("validation_clean", data.toFile());
            in.put("validate_every", 1);
            in.put("device", "cpu");
            Module module = harness.run(TrainDenoisingCommand.class, in);
            assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
            File model = (File) module.getOutput("model_file");
            assertEquals(ModelKind.DENOISE, ModelBundles.readManifest(model.toPath()).kind());
            assertEquals(2, Files.readAllLines(dir.resolve("ldct/validation.csv")).size(), "the CT with simulated noise, once");
            assertTrue(Files.isRegularFile(dir.resolve("ldct/best_model.zip")));
            in.put("validation_clean", new File(""));

            in.put("noise", "gaussian");
            in.put("sigma", 0.0);
            in.put("run_folder", dir.resolve("bad").toFile());
            Module bad = harness.run(TrainDenoisingCommand.class, in);
            assertTrue(CommandHarness.canceled(bad));
            assertTrue(CommandHarness.reason(bad).contains("noise_sigma"), CommandHarness.reason(bad));
        }
    }
}
