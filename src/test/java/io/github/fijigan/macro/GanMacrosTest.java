package io.github.fijigan.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import ij.macro.ExtensionDescriptor;
import ij.macro.MacroExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The macro functions called as {@code call("io.github.fijigan.macro.GanMacros.…")} and as {@code Ext.…} do. */
class GanMacrosTest {

    private static final String MODEL = "test-data/models/shapes_acgan_tiny.zip";

    @TempDir
    Path dir;

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void trainFromAFileAndFromJsonText() throws Exception {
        Path run = dir.resolve("run");
        String status = GanMacros.train("test-data/configs/shapes_dcgan_tiny.json", run.toString());
        assertTrue(status.startsWith("ok: trained dcgan for 1 epochs (3 iterations) on 48 images; "), status);
        assertTrue(Files.isRegularFile(run.resolve("model.zip")), status);

        String json = "{\"kind\": \"dcgan\", \"data\": \"" + Path.of("test-data/synthetic/shapes/circle").toAbsolutePath()
                + "\", \"image_size\": 32, \"ngf\": 4, \"ndf\": 4, \"latent_size\": 8, \"batch_size\": 48, \"epochs\": 1,"
                + " \"device\": \"cpu\"}";
        status = GanMacros.train(json, dir.resolve("inline").toString());
        assertTrue(status.startsWith("ok: trained dcgan for 1 epochs (1 iterations) on 48 images; "), status);
    }

    @Test
    void generateWithStringsAsCallPassesThem() throws Exception {
        Path out = dir.resolve("out");
        String status = GanMacros.generate(MODEL, out.toString(), "2", "", "3");
        assertEquals("ok: wrote 4 uint8 samples (2 per class: circle, square) to " + out, status);
        assertEquals(List.of("circle/sample_00001.png", "circle/sample_00002.png", "square/sample_00001.png",
                "square/sample_00002.png"), files(out));
    }

    @Test
    void errorsComeBackAsStatusNamingTheInput() throws Exception {
        Path out = dir.resolve("out");
        assertEquals("error: count: must be a whole number, got \"two\"", GanMacros.generate(MODEL, out.toString(), "two", "", "0"));
        assertEquals("error: count: must be at least 1, got 0", GanMacros.generate(MODEL, out.toString(), "0", "", "0"));
        assertEquals("error: model: no path given", GanMacros.generate("", out.toString(), "1", "", "0"));
        assertEquals("error: model: " + dir.resolve("x.zip") + ": file not found",
                GanMacros.generate(dir.resolve("x.zip").toString(), out.toString(), "1", "", "0"));
        assertEquals("error: class_name: 'star' is not a class of shapes_acgan_tiny.zip; its classes are circle, square",
                GanMacros.generate(MODEL, out.toString(), "1", "star", "0"));
        assertEquals("error: config: " + dir.resolve("c.json") + ": file not found",
                GanMacros.train(dir.resolve("c.json").toString(), dir.resolve("run").toString()));
        assertEquals("error: run_folder: no path given", GanMacros.train("{\"kind\": \"dcgan\"}", " "));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals("error: data: Cannot read " + empty + ": no readable images (the folder is empty)",
                GanMacros.train("{\"kind\": \"dcgan\", \"data\": \"" + empty + "\", \"device\": \"cpu\"}", dir.resolve("r").toString()));
        assertEquals("error: model: gone.zip: file not found: " + dir.resolve("gone.zip"),
                GanMacros.modelInfo(dir.resolve("gone.zip").toString()));
        assertTrue(Files.notExists(out), "nothing written");
    }

    @Test
    void evaluateQualityWritesTheTablesOrNamesTheBadInput() throws Exception {
        Path reference = Files.createDirectories(dir.resolve("ref"));
        Path test = Files.createDirectories(dir.resolve("test"));
        for (String name : List.of("pair_000.png", "pair_001.png")) {
            Files.copy(Path.of("test-data/synthetic/paired/B").resolve(name), reference.resolve(name));
            Files.copy(Path.of("test-data/synthetic/paired/B").resolve(name), test.resolve(name));
        }
        Path out = dir.resolve("eval");
        // identical images: the ideal values
        String status = GanMacros.evaluateQuality(reference.toString(), test.toString(), out.toString(), "ssim, mae", "255");
        assertEquals("ok: evaluated 2 pairs: ssim 1.0000 ± 0.0000, mae 0.0000 ± 0.0000; tables " + out, status);
        assertEquals(List.of("metrics.csv", "metrics_summary.csv"), files(out));
        assertEquals("error: data_range: must be a number, got \"wide\"",
                GanMacros.evaluateQuality(reference.toString(), test.toString(), out.toString(), "", "wide"));
        assertEquals("error: test_folder: " + dir.resolve("none") + ": folder not found",
                GanMacros.evaluateQuality(reference.toString(), dir.resolve("none").toString(), out.toString(), "", "255"));
    }

    @Test
    void evaluateSyntheticWritesTheLatentSpaceTables() throws Exception {
        Path synthetic = dir.resolve("synthetic");
        assertTrue(GanMacros.generate(MODEL, synthetic.toString(), "2", "", "1").startsWith("ok: "));
        Path out = dir.resolve("realism");
        String status = GanMacros.evaluateSynthetic("test-data/synthetic/shapes", synthetic.toString(), out.toString(), "32", "1", "0");
        assertTrue(status.startsWith("ok: compared 4 synthetic images with the real ones in latent space: circle centroid "), status);
        assertEquals(List.of("centroid_distances.csv", "closest_pairs.png", "latent_distances.png", "memorisation.csv",
                "sample_distances.csv", "summary.txt"), files(out));
        assertEquals("error: image_size: must be a whole number, got \"big\"",
                GanMacros.evaluateSynthetic("test-data/synthetic/shapes", synthetic.toString(), out.toString(), "big", "1", "0"));
    }

    @Test
    void augmentationBenefitWritesTheClassifierTables() throws Exception {
        Path synthetic = dir.resolve("synthetic");
        assertTrue(GanMacros.generate(MODEL, synthetic.toString(), "2", "", "1").startsWith("ok: "));
        Path out = dir.resolve("benefit");
        String status = GanMacros.augmentationBenefit("test-data/synthetic/shapes", synthetic.toString(), out.toString(), "", "16", "1", "0");
        assertTrue(status.startsWith("ok: augmentation benefit, 1 repeat with seed 0: real accuracy "), status);
        assertEquals(List.of("benefit.png", "benefit_runs.csv", "benefit_summary.csv"), files(out));
        assertEquals("error: repeats: must be a whole number, got \"many\"",
                GanMacros.augmentationBenefit("test-data/synthetic/shapes", synthetic.toString(), out.toString(), "", "16", "many", "0"));
    }

    @Test
    void modelInfoDescribesTheModel() {
        String status = GanMacros.modelInfo(MODEL);
        assertTrue(status.startsWith("ok: Model kind: acgan (format fiji-gan-model version 1)\n"), status);
        assertTrue(status.contains("\nClasses: circle, square\n"), status);
    }

    @Test
    void theExtensionOffersEveryFunctionWithItsArgumentKinds() throws Exception {
        GanMacroFunctions extension = new GanMacroFunctions();
        ExtensionDescriptor[] descriptors = extension.getExtensionFunctions();
        assertEquals(List.of("train", "generate", "translate", "denoise", "normalizeStain", "evaluateQuality", "evaluateSynthetic", "augmentationBenefit", "modelInfo"),
                Arrays.stream(descriptors).map(d -> d.name).toList());
        int s = MacroExtension.ARG_STRING;
        int n = MacroExtension.ARG_NUMBER;
        assertEquals(List.of(s, s, n, s, n), Arrays.stream(descriptors[1].argTypes).boxed().toList());
        assertEquals(List.of(s, s, s, s), Arrays.stream(descriptors[2].argTypes).boxed().toList());
        assertEquals(List.of(s, s, s, n), Arrays.stream(descriptors[3].argTypes).boxed().toList());
        assertEquals(List.of(s, s, s, s, n), Arrays.stream(descriptors[5].argTypes).boxed().toList());
        // The interpreter passes numbers as Double.
        Path out = dir.resolve("ext");
        String status = extension.handleExtension("generate", new Object[] {MODEL, out.toString(), 1.0, "square", 4.0});
        assertEquals("ok: wrote 1 uint8 samples (1 per class: square) to " + out, status);
        assertEquals(List.of("square/sample_00001.png"), files(out));
        assertEquals("error: count: must be a whole number, got \"1.5\"",
                extension.handleExtension("generate", new Object[] {MODEL, out.toString(), 1.5, "", 0.0}));
        assertEquals("error: no GAN macro function evaluate", extension.handleExtension("evaluate", new Object[0]));
    }
}
