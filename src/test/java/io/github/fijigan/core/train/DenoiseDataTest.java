package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.fijigan.core.data.DenoiseImages;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.noise.GaussianNoise;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.TiffWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config's data root: real pairs train with noise none, clean images with a simulator; the model remembers which. */
class DenoiseDataTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    @Test
    void realPairsFromFoldersTrainIntoADenoiseModel() throws Exception {
        CalibratedImage<?> ct = CtDenoising.ct();
        Path root = dir.resolve("ct");
        Files.createDirectories(root.resolve("clean"));
        Files.createDirectories(root.resolve("noisy"));
        TiffWriter.write(CtDenoising.floatImage(CtDenoising.hu(ct), ct, "ct"), root.resolve("clean/ct.tif"));
        TiffWriter.write(CtDenoising.noisy(ct, new GaussianNoise(40), 1), root.resolve("noisy/ct.tif"));

        TrainConfig config = CtDenoising.tiny(1, 0).with("noise", "none").with("patches_per_image", 16);
        DenoiseImages data = DenoiseData.load(config, root, new ImageJReader());
        assertFalse(data.simulated());
        assertEquals("HU", data.spec().valueUnit());
        TrainingResult result = new GanTrainer(config, data, dir.resolve("run")).train();
        assertEquals(2, result.iterations());
        ModelManifest m = ModelBundles.readManifest(result.model().orElseThrow());
        assertEquals(ModelKind.DENOISE, m.kind());
        assertEquals(java.util.Set.of("generator"), m.networks().keySet());
        assertEquals(data.spec(), m.domains().get("image"));
        assertEquals(1, m.tileMultiple());
        assertEquals("none", m.training().config().get("noise").getAsString());
        assertEquals("real pairs", m.training().data().getAsJsonObject("noise").get("name").getAsString());
        assertTrue(Files.isRegularFile(dir.resolve("run/samples/epoch_001.png")));

        ImageReadException e = assertThrows(ImageReadException.class, () -> DenoiseData.load(config.with("noise", "poisson"), root,
                new ImageJReader()));
        assertTrue(e.getMessage().contains("but the noise simulator poisson is chosen"), e.getMessage());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class, () -> new GanTrainer(config.with("slices", 3),
                data, dir.resolve("other")));
        assertTrue(mismatch.getMessage().contains("slices: the config says 3 but the data gives 1"), mismatch.getMessage());
    }

    @Test
    void cleanImagesAloneTrainWithTheConfigsSimulator() throws Exception {
        CalibratedImage<?> ct = CtDenoising.ct();
        Path root = Files.createDirectories(dir.resolve("clean-only"));
        TiffWriter.write(CtDenoising.floatImage(CtDenoising.hu(ct), ct, "ct"), root.resolve("ct.tif"));
        TrainConfig config = CtDenoising.tiny(1, 0);
        DenoiseImages data = DenoiseData.load(config, root, new ImageJReader());
        assertTrue(data.simulated());
        assertEquals(DenoiseData.simulator(config), data.options().noise());
        ImageReadException e = assertThrows(ImageReadException.class, () -> DenoiseData.load(config.with("noise", "none"), root,
                new ImageJReader()));
        assertTrue(e.getMessage().contains("choose a noise simulator"), e.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> new GanTrainer(config.with("noise_dose", 0.5),
                data, dir.resolve("run")));
        assertTrue(other.getMessage().startsWith("noise: the config says {\"name\":\"poisson\""), other.getMessage());
        assertTrue(other.getMessage().contains("but the data simulates {\"name\":\"poisson\""), other.getMessage());
        other = assertThrows(IllegalArgumentException.class, () -> new GanTrainer(config.with("noise", "none"), data, dir.resolve("run")));
        assertTrue(other.getMessage().startsWith("noise: the config says none (real pairs) but the data simulates"), other.getMessage());
    }
}
