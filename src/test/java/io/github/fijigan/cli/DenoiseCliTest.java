package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.Device;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.DenoiseModel;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.testdata.TestModels;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fiji-gan denoise} end to end with a (briefly) trained CT denoiser, and {@code fiji-gan train} of a denoise config. */
class DenoiseCliTest {

    @TempDir
    static Path dir;

    private static Path model;

    @BeforeAll
    static void model() {
        model = TestModels.denoiser(dir.resolve("denoiser"));
    }

    @Test
    void denoisesACtIntoHuAsTheLibraryDoes() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("denoise", "--model", model.toString(), "--input", TestModels.CT.toString(), "--output", out.toString(),
                "--removed-noise", "--tile-size", "64", "--device", "cpu");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("denoised 1 image to " + out), run::toString);
        CalibratedImage<?> ct = new ImageJReader().read(TestModels.CT);
        CalibratedImage<?> written = new ImageJReader().read(out.resolve("CT_small.tif"));
        assertEquals(ct.valueCalibration(), written.valueCalibration());
        try (DenoiseModel m = DenoiseModel.open(model, Device.cpu())) {
            assertArrayEquals(values(m.denoiser(TranslateOptions.DEFAULTS.withTileSize(64)).denoise(ct).image()), values(written));
        }
        assertTrue(Files.isRegularFile(out.resolve("CT_small_noise.tif")));
    }

    @Test
    void trainsADenoiserFromAConfigFile() throws Exception {
        Path data = Files.createDirectories(dir.resolve("clean"));
        Files.copy(TestModels.CT, data.resolve("ct.dcm"));
        Path config = Files.writeString(dir.resolve("denoise.json"), TestModels.denoiseConfig().with("data", data.toString()).toJson()
                .toString());
        CliRun run = CliRun.of("train", "--config", config.toString(), "--run-folder", dir.resolve("run").toString(), "--device", "cpu");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("trained denoise for 1 epochs (2 iterations) on 8 images"), run::toString);
        assertTrue(Files.isRegularFile(dir.resolve("run/model.zip")));
    }

    @Test
    void badInputsExitOneNamingThem() {
        CliRun missing = CliRun.of("denoise", "--model", dir.resolve("none.zip").toString(), "--input", TestModels.CT.toString(),
                "--output", dir.resolve("x").toString());
        assertEquals(1, missing.code(), missing::toString);
        assertTrue(missing.err().contains("none.zip: file not found"), missing::toString);
        CliRun usage = CliRun.of("denoise", "--model", model.toString());
        assertEquals(2, usage.code(), usage::toString);
        assertTrue(usage.err().contains("--input is required"), usage::toString);
        assertFalse(Files.exists(dir.resolve("x")));
    }

    private static float[] values(CalibratedImage<?> image) {
        float[] v = new float[(int) Views.flatIterable(image.data()).size()];
        int i = 0;
        for (Object p : Views.flatIterable(image.data())) {
            v[i++] = ((RealType<?>) p).getRealFloat();
        }
        return v;
    }
}
