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

import ij.IJ;
import ij.ImagePlus;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.stain.RgbImages;
import io.github.fijigan.core.stain.RgbPixels;
import io.github.fijigan.core.stain.StainNormalizers;
import io.github.fijigan.core.stain.StainTarget;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.ImagePlusBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

/** Plugins › GAN › Normalize Stain: files and the active image give what the library gives; a saved target is reused; errors. */
class NormalizeStainCommandTest {

    static final Path TARGET = Path.of("test-data/histology/ihc.png");
    static final Path SLIDE = Path.of("test-data/histology/he_from_ihc.png");

    @TempDir
    Path dir;

    private final CommandHarness harness = new CommandHarness(NormalizeStainCommand.class);

    @AfterEach
    void dispose() {
        harness.close();
    }

    private static Map<String, Object> inputs(String method, Path target, Path input, Path output) {
        Map<String, Object> map = new HashMap<>();
        map.put("method", method);
        map.put("target", target.toFile());
        map.put("input", input == null ? null : input.toFile());
        map.put("output_folder", output == null ? null : output.toFile());
        return map;
    }

    private static float[] expected(String method, CalibratedImage<?> slide) throws Exception {
        CalibratedImage<?> reference = new ImageJReader().read(TARGET);
        StainTarget target = StainTarget.fit(RgbImages.stacked(reference, 255), TARGET.getFileName().toString());
        return pixels(StainNormalizers.create(method, target).normalize(slide));
    }

    private static float[] pixels(CalibratedImage<?> rgb) {
        RgbPixels p = RgbImages.stacked(rgb, 255);
        return p.values().clone();
    }

    @Test
    void aSlideIsNormalizedAndTheSavedTargetGivesTheSameResult() throws Exception {
        Path out = dir.resolve("out");
        Map<String, Object> in = inputs("macenko", TARGET, SLIDE, out);
        in.put("save_target", dir.resolve("target.json").toFile());
        Module module = harness.run(NormalizeStainCommand.class, in);
        assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
        CalibratedImage<?> written = new ImageJReader().read(out.resolve("he_from_ihc.tif"));
        assertArrayEquals(expected("macenko", new ImageJReader().read(SLIDE)), pixels(written), 0.5f);

        Module again = harness.run(NormalizeStainCommand.class, inputs("macenko", dir.resolve("target.json"), SLIDE, dir.resolve("again")));
        assertFalse(CommandHarness.canceled(again), () -> CommandHarness.reason(again));
        assertArrayEquals(Files.readAllBytes(out.resolve("he_from_ihc.tif")), Files.readAllBytes(dir.resolve("again/he_from_ihc.tif")));
    }

    @Test
    void theActiveImageIsNormalizedIntoANewImage() throws Exception {
        ImagePlus slide = IJ.openImage(SLIDE.toString());
        Map<String, Object> in = inputs("reinhard", TARGET, null, null);
        in.put("image", slide);
        Module module = harness.run(NormalizeStainCommand.class, in);
        assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
        ImagePlus normalized = (ImagePlus) module.getOutput("normalized");
        assertEquals("he_from_ihc (reinhard)", normalized.getTitle());
        assertEquals(24, normalized.getBitDepth());
        assertArrayEquals(expected("reinhard", ImagePlusBridge.toCalibratedImage(slide)),
                pixels(ImagePlusBridge.toCalibratedImage(normalized)), 0.5f);
    }

    @Test
    void badInputsAreNamed() throws Exception {
        Module gray = harness.run(NormalizeStainCommand.class, inputs("macenko", TARGET, Path.of("test-data/mri/BrainProtonDensitySlice.png"),
                dir.resolve("o")));
        assertTrue(CommandHarness.canceled(gray));
        assertTrue(CommandHarness.reason(gray).startsWith("input: BrainProtonDensitySlice.png: "), CommandHarness.reason(gray));

        Module target = harness.run(NormalizeStainCommand.class, inputs("macenko", new File("test-data/dicom/CT_small.dcm").toPath(),
                SLIDE, dir.resolve("o")));
        assertTrue(CommandHarness.reason(target).startsWith("target: CT_small.dcm: "), CommandHarness.reason(target));
        assertFalse(Files.exists(dir.resolve("o/he_from_ihc.tif")));
    }
}
