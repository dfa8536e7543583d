package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ai.djl.Device;
import ij.IJ;
import ij.ImagePlus;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.infer.TranslationModel;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.ImagePlusBridge;
import io.github.fijigan.testdata.TestModels;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

/** Plugins › GAN › Translate with a real (PyTorch-traced) generator: files in and out, the active image, errors. */
class TranslateCommandTest {

    private static final Path IMAGE = Path.of("test-data/mri/BrainProtonDensitySlice.png");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model;

    private final CommandHarness harness = new CommandHarness(TranslateCommand.class);

    @BeforeAll
    static void model() {
        model = TestModels.translation(shared.resolve("tiny.zip"));
    }

    @AfterEach
    void dispose() {
        harness.close();
    }

    private static Map<String, Object> inputs(Path input, Path output) {
        Map<String, Object> map = new HashMap<>();
        map.put("model", model.toFile());
        map.put("input", input == null ? null : input.toFile());
        map.put("output_folder", output == null ? null : output.toFile());
        map.put("tile_size", 64);
        map.put("overlap", 16);
        map.put("device", "cpu");
        return map;
    }

    private static float[] values(CalibratedImage<?> image) {
        float[] v = new float[(int) Views.flatIterable(image.data()).size()];
        int i = 0;
        for (Object p : Views.flatIterable(image.data())) {
            v[i++] = ((RealType<?>) p).getRealFloat();
        }
        return v;
    }

    private static float[] expected(CalibratedImage<?> input) throws Exception {
        try (TranslationModel m = TranslationModel.open(model, "", Device.cpu())) {
            return values(m.translator(TranslateOptions.DEFAULTS.withTileSize(64).withOverlap(16), false).translate(input).image());
        }
    }

    @Test
    void aFileIsTranslatedIntoTheOutputFolderAsTheLibraryDoes() throws Exception {
        Path out = dir.resolve("out");
        Module module = harness.run(TranslateCommand.class, inputs(IMAGE, out));
        assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
        CalibratedImage<?> written = new ImageJReader().read(out.resolve("BrainProtonDensitySlice.tif"));
        assertArrayEquals(expected(new ImageJReader().read(IMAGE)), values(written));
        assertTrue(harness.status.stream().anyMatch(e -> ("translated 1 image A->B to " + out).equals(e.getStatusMessage())),
                harness.status.toString());
    }

    @Test
    void theActiveImageIsTranslatedIntoANewImageOfItsTypeAndCalibration() throws Exception {
        ImagePlus image = IJ.openImage(IMAGE.toString());
        image.getCalibration().pixelWidth = 0.5;
        image.getCalibration().setUnit("mm");
        Map<String, Object> in = inputs(null, null);
        in.put("image", image);
        Module module = harness.run(TranslateCommand.class, in);
        assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
        ImagePlus translated = (ImagePlus) module.getOutput("translated");
        assertEquals("BrainProtonDensitySlice (A->B)", translated.getTitle());
        assertEquals(image.getBitDepth(), translated.getBitDepth());
        assertEquals(0.5, translated.getCalibration().pixelWidth, 1e-12);
        assertEquals("mm", translated.getCalibration().getUnit());
        assertArrayEquals(expected(ImagePlusBridge.toCalibratedImage(image)), values(ImagePlusBridge.toCalibratedImage(translated)));
    }

    @Test
    void badInputsEndTheCommandWithAMessageNamingThem() throws Exception {
        Module none = harness.run(TranslateCommand.class, inputs(null, dir.resolve("out")));
        assertTrue(CommandHarness.canceled(none));
        assertEquals("input: no image or folder given, and no image is open", CommandHarness.reason(none));

        Map<String, Object> missing = inputs(IMAGE, dir.resolve("out"));
        missing.put("model", new File(dir.toFile(), "none.zip"));
        Module m = harness.run(TranslateCommand.class, missing);
        assertTrue(CommandHarness.reason(m).matches("model: .*none\\.zip: file not found.*"), CommandHarness.reason(m));

        Files.createDirectories(dir.resolve("empty"));
        Module empty = harness.run(TranslateCommand.class, inputs(dir.resolve("empty"), dir.resolve("out")));
        assertTrue(CommandHarness.reason(empty).contains("the folder is empty"), CommandHarness.reason(empty));

        Map<String, Object> reverse = inputs(IMAGE, dir.resolve("out"));
        reverse.put("reliability", true);
        Module r = harness.run(TranslateCommand.class, reverse);
        assertTrue(CommandHarness.reason(r).contains("only CycleGAN models give a reliability map"), CommandHarness.reason(r));

        Map<String, Object> color = inputs(Path.of("test-data/retina/retina.jpg"), dir.resolve("rgb"));
        color.put("reliability", false); // remembered from the run before
        Module rgb = harness.run(TranslateCommand.class, color);
        assertTrue(CommandHarness.canceled(rgb));
        assertTrue(CommandHarness.reason(rgb).startsWith("input: retina.jpg: "), CommandHarness.reason(rgb));
        assertFalse(Files.exists(dir.resolve("rgb/retina.tif")));
    }
}
