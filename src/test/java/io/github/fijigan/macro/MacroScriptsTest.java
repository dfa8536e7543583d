package io.github.fijigan.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.testdata.TestModels;
import io.github.fijigan.testing.ChildJava;
import io.github.fijigan.testing.XvfbDisplay;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch macros in {@code macros/} run through ImageJ1's real macro interpreter (1.54p) with a
 * display (the session's, or a private Xvfb), in a JVM of their own whose ImageJ1 plugins folder
 * holds a jar with our {@code plugins.config}, as Fiji.app/plugins would: {@code run("GAN Macro
 * Functions")} goes through ImageJ1's menu commands. Skipped when there is no display and no Xvfb.
 */
class MacroScriptsTest {

    private static final long TIMEOUT_SECONDS = 240;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static XvfbDisplay display;
    private static Path imagej;

    @BeforeAll
    static void startDisplay() throws Exception {
        display = XvfbDisplay.acquire().orElse(null);
        assumeTrue(display != null, "no DISPLAY and no Xvfb on the PATH: the macro tests need ImageJ1's menus");
        imagej = shared.resolve("imagej");
        Path plugins = Files.createDirectories(imagej.resolve("plugins"));
        // ImageJ1 reads plugins.config only from jars whose name has an underscore.
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("Fiji_GAN.jar")))) {
            jar.putNextEntry(new JarEntry("plugins.config"));
            jar.write(Files.readAllBytes(Path.of("target/classes/plugins.config")));
            jar.closeEntry();
        }
    }

    @AfterAll
    static void stopDisplay() throws Exception {
        if (display != null) {
            display.close();
        }
    }

    private ChildJava.Result macro(Path file, String argument) throws IOException, InterruptedException {
        return ChildJava.run(display.name(), Files.createTempFile(dir, "macro", ".log"), TIMEOUT_SECONDS, MacroProcess.class,
                file.toString(), argument, imagej.toString());
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void trainFromConfigWritesTheRunFolder() throws Exception {
        Path run = dir.resolve("run");
        ChildJava.Result r = macro(Path.of("macros/train_from_config.ijm"), "run_folder=[" + run + "]");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.output().contains("ok: trained dcgan for 1 epochs (3 iterations) on 48 images; "), r.toString());
        assertTrue(r.output().contains("ok: Model kind: dcgan (format fiji-gan-model version 1)"), r.toString());
        assertEquals(List.of("checkpoints/epoch_001.zip", "config.json", "history.csv", "losses.png", "model.zip",
                "samples/epoch_001.png"), files(run));
    }

    @Test
    void generateAugmentationSetWritesEveryClass() throws Exception {
        Path out = dir.resolve("augmentation");
        ChildJava.Result r = macro(Path.of("macros/generate_augmentation_set.ijm"),
                "output_folder=[" + out + "] count=4 seed=2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.output().contains("ok: wrote 4 uint8 samples (4 per class: circle) to " + out), r.toString());
        assertTrue(r.output().contains("ok: wrote 4 uint8 samples (4 per class: square) to " + out), r.toString());
        List<String> written = files(out);
        assertEquals(8, written.size(), written.toString());
        for (String name : written) {
            assertTrue(name.matches("(circle|square)/sample_0000[1-4]\\.png"), name);
            CalibratedImage<?> image = new ImageJReader().read(out.resolve(name));
            assertEquals(32, image.size(Axis.X));
            assertTrue(image.data().getType() instanceof UnsignedByteType, name);
        }
    }

    @Test
    void translateFolderWritesATiffPerImage() throws Exception {
        Path model = TestModels.translation(dir.resolve("tiny.zip"));
        Path out = dir.resolve("translated");
        ChildJava.Result r = macro(Path.of("macros/translate_folder.ijm"),
                "model=[" + model + "] input_folder=[test-data/synthetic/unpaired/testA] output_folder=[" + out + "]");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.output().contains("ok: translated 8 images A->B to " + out), r.toString());
        List<String> written = files(out);
        assertEquals(8, written.size(), written.toString());
        CalibratedImage<?> image = new ImageJReader().read(out.resolve(written.get(0)));
        assertEquals(32, image.size(Axis.X));
        assertTrue(image.data().getType() instanceof UnsignedByteType);
    }

    @Test
    void evaluateTranslationTranslatesThenMeasuresEveryPair() throws Exception {
        Path model = TestModels.translation(dir.resolve("tiny-eval.zip"));
        Path inputs = Files.createDirectories(dir.resolve("evalA"));
        Path references = Files.createDirectories(dir.resolve("evalB"));
        for (String name : List.of("pair_000.png", "pair_001.png", "pair_002.png")) {
            Files.copy(Path.of("test-data/synthetic/paired/A", name), inputs.resolve(name));
            Files.copy(Path.of("test-data/synthetic/paired/B", name), references.resolve(name));
        }
        Path out = dir.resolve("evaluation");
        ChildJava.Result r = macro(Path.of("macros/evaluate_translation.ijm"), "model=[" + model + "] input_folder=[" + inputs
                + "] reference_folder=[" + references + "] output_folder=[" + out + "] metrics=[psnr, ssim] data_range=255");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.output().contains("ok: translated 3 images A->B to " + out.resolve("translated")), r.toString());
        assertTrue(r.output().contains("ok: evaluated 3 pairs: psnr "), r.toString());
        assertEquals(List.of("metrics.csv", "metrics_summary.csv", "translated/pair_000.tif", "translated/pair_001.tif",
                "translated/pair_002.tif"), files(out));
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("name,reference,test,psnr,ssim", rows.get(0));
        assertEquals(4, rows.size(), rows::toString);
    }

    @Test
    void evaluateSyntheticDataGeneratesThenMeasuresRealismAndBenefit() throws Exception {
        Path out = dir.resolve("synthetic-evaluation");
        ChildJava.Result r = macro(Path.of("macros/evaluate_synthetic_data.ijm"), "model=[test-data/models/shapes_acgan_tiny.zip]"
                + " real_folder=[test-data/synthetic/shapes] output_folder=[" + out + "] count=6 image_size=16 epochs=2 repeats=1 seed=4");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.output().contains("ok: wrote 12 uint8 samples (6 per class: circle, square) to " + out.resolve("synthetic")),
                r.toString());
        assertTrue(r.output().contains("ok: compared 12 synthetic images with the real ones in latent space: circle centroid "),
                r.toString());
        assertTrue(r.output().contains("ok: augmentation benefit, 1 repeat with seed 4: real accuracy "), r.toString());
        List<String> written = files(out);
        for (String file : List.of("realism/centroid_distances.csv", "realism/memorisation.csv", "realism/closest_pairs.png",
                "realism/latent_distances.png", "benefit/benefit_runs.csv", "benefit/benefit_summary.csv", "benefit/benefit.png")) {
            assertTrue(written.contains(file), file + " in " + written);
        }
        assertEquals(1 + 3, Files.readAllLines(out.resolve("benefit/benefit_runs.csv")).size(), "one row per arm");
    }

    @Test
    void denoiseDicomSeriesWritesHuAndTheRemovedNoise() throws Exception {
        Path model = TestModels.denoiser(dir.resolve("denoiser"));
        Path series = Files.createDirectories(dir.resolve("series"));
        Files.copy(TestModels.CT, series.resolve("slice_001.dcm"));
        Files.copy(TestModels.CT, series.resolve("slice_002.dcm"));
        Path out = dir.resolve("denoised");
        ChildJava.Result r = macro(Path.of("macros/denoise_dicom_series.ijm"),
                "model=[" + model + "] input_folder=[" + series + "] output_folder=[" + out + "] removed_noise=true");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.output().contains("ok: denoised 2 images to " + out), r.toString());
        assertEquals(List.of("slice_001.tif", "slice_001_noise.tif", "slice_002.tif", "slice_002_noise.tif"), files(out));
        CalibratedImage<?> ct = new ImageJReader().read(TestModels.CT);
        assertEquals(ct.valueCalibration(), new ImageJReader().read(out.resolve("slice_001.tif")).valueCalibration());
        assertTrue(r.output().contains("slice_001.tif: mean "), r.toString());
    }

    @Test
    void normalizeSlidesWritesEverySlide() throws Exception {
        Path slides = Files.createDirectories(dir.resolve("slides"));
        Files.copy(Path.of("test-data/histology/he_from_ihc.png"), slides.resolve("a.png"));
        Files.copy(Path.of("test-data/histology/ihc.png"), slides.resolve("b.png"));
        Path out = dir.resolve("normalized");
        ChildJava.Result r = macro(Path.of("macros/normalize_slides.ijm"),
                "target=[test-data/histology/ihc.png] input_folder=[" + slides + "] output_folder=[" + out + "] method=reinhard");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.output().contains("ok: normalised 2 images with reinhard to " + out), r.toString());
        assertEquals(List.of("a.tif", "b.tif"), files(out));
    }

    @Test
    void aMissingModelStopsTheMacroWithTheMessage() throws Exception {
        Path out = dir.resolve("augmentation");
        Path missing = dir.resolve("none.zip");
        ChildJava.Result r = macro(Path.of("macros/generate_augmentation_set.ijm"),
                "model=[" + missing + "] output_folder=[" + out + "]");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.output().contains("error: model: none.zip: file not found: " + missing), r.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void scriptsReachTheSameFunctionsThroughCall() throws Exception {
        Path out = dir.resolve("called");
        Path script = Files.writeString(dir.resolve("call.ijm"), String.join("\n",
                "status = call(\"io.github.fijigan.macro.GanMacros.generate\", \"test-data/models/shapes_acgan_tiny.zip\", \""
                        + out + "\", \"2\", \"square\", \"5\");",
                "print(status);",
                "if (!startsWith(status, \"ok\")) exit(status);"));
        ChildJava.Result r = macro(script, "");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.output().contains("ok: wrote 2 uint8 samples (2 per class: square) to " + out), r.toString());
        assertEquals(List.of("square/sample_00001.png", "square/sample_00002.png"), files(out));
    }
}
