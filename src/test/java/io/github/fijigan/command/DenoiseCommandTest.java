package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.Device;
import ij.IJ;
import ij.ImagePlus;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.DenoiseModel;
import io.github.fijigan.core.infer.TranslateOptions;
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

/** Plugins › GAN › Denoise with a (briefly) trained CT denoiser: files in and out in HU, the active image, errors. */
class DenoiseCommandTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model;

    private final CommandHarness harness = new CommandHarness(DenoiseCommand.class);

    @BeforeAll
    static void model() {
        model = TestModels.denoiser(shared);
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

    /** @return the values in physical units (HU) */
    private static float[] physical(CalibratedImage<?> image) {
        float[] v = values(image);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (image.valueCalibration().slope() * v[i] + image.valueCalibration().intercept());
        }
        return v;
    }

    private static float[] expected(CalibratedImage<?> input) throws Exception {
        try (DenoiseModel m = DenoiseModel.open(model, Device.cpu())) {
            return values(m.denoiser(TranslateOptions.DEFAULTS.withTileSize(64)).denoise(input).image());
        }
    }

    @Test
    void aFolderOfCtIsDenoisedInHuWithTheRemovedNoise() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(TestModels.CT, in.resolve("slice.dcm"));
        Path out = dir.resolve("out");
        Map<String, Object> map = inputs(in, out);
        map.put("removed_noise", true);
        Module module = harness.run(DenoiseCommand.class, map);
        assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("slice.tif", "slice_noise.tif"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        CalibratedImage<?> ct = new ImageJReader().read(TestModels.CT);
        CalibratedImage<?> written = new ImageJReader().read(out.resolve("slice.tif"));
        assertEquals(ct.valueCalibration(), written.valueCalibration(), "HU kept");
        assertArrayEquals(expected(ct), values(written));
        float[] noise = values(new ImageJReader().read(out.resolve("slice_noise.tif")));
        float[] input = values(ct);
        float[] output = values(written);
        // The noise is in HU; the denoised file holds HU as 16-bit stored values + 1024.
        for (int i = 0; i < noise.length; i += 97) {
            double hu = ct.valueCalibration().slope() * input[i] + ct.valueCalibration().intercept();
            double huOut = ct.valueCalibration().slope() * output[i] + ct.valueCalibration().intercept();
            assertEquals(hu - huOut, noise[i], 1.0, "pixel " + i);
        }
    }

    @Test
    void theActiveCtIsDenoisedIntoANewImageKeepingItsCalibration() throws Exception {
        ImagePlus image = IJ.openImage(TestModels.CT.toString());
        Map<String, Object> in = inputs(null, null);
        in.put("image", image);
        in.put("removed_noise", true);
        Module module = harness.run(DenoiseCommand.class, in);
        assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
        ImagePlus denoised = (ImagePlus) module.getOutput("denoised");
        assertEquals("CT_small (denoised)", denoised.getTitle());
        assertEquals(image.getCalibration().pixelWidth, denoised.getCalibration().pixelWidth, 1e-9);
        assertEquals(image.getCalibration().getUnit(), denoised.getCalibration().getUnit());
        CalibratedImage<?> source = ImagePlusBridge.toCalibratedImage(image);
        CalibratedImage<?> out = ImagePlusBridge.toCalibratedImage(denoised);
        try (DenoiseModel m = DenoiseModel.open(model, Device.cpu())) {
            CalibratedImage<?> library = m.denoiser(TranslateOptions.DEFAULTS.withTileSize(64)).denoise(source).image();
            assertArrayEquals(physical(library), physical(out), 1e-3f, "the same HU as the library gives");
        }
        assertTrue(module.getOutput("noise") instanceof ImagePlus);
    }

    @Test
    void badInputsEndTheCommandWithAMessageNamingThem() throws Exception {
        Module translation = harness.run(DenoiseCommand.class, Map.of("model", TestModels.translation(dir.resolve("t.zip")).toFile(),
                "input", TestModels.CT.toFile(), "output_folder", dir.resolve("o").toFile(), "device", "cpu"));
        assertTrue(CommandHarness.canceled(translation));
        assertTrue(CommandHarness.reason(translation).startsWith("model: "), CommandHarness.reason(translation));

        Path text = Files.writeString(dir.resolve("notes.tif"), "not an image");
        Module unreadable = harness.run(DenoiseCommand.class, inputs(text, dir.resolve("o")));
        assertTrue(CommandHarness.reason(unreadable).startsWith("input: "), CommandHarness.reason(unreadable));
        assertTrue(CommandHarness.reason(unreadable).contains("notes.tif"), CommandHarness.reason(unreadable));

        Path file = Files.writeString(dir.resolve("file"), "x");
        Module notWritable = harness.run(DenoiseCommand.class, inputs(TestModels.CT, file.resolve("out")));
        assertTrue(CommandHarness.reason(notWritable).startsWith("output_folder: "), CommandHarness.reason(notWritable));
    }
}
