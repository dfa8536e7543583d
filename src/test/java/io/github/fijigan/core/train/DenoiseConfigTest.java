package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.github.fijigan.core.data.DenoiseImages;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.noise.GaussianNoise;
import io.github.fijigan.core.noise.PoissonNoise;
import io.github.fijigan.core.noise.RicianNoise;
import org.junit.jupiter.api.Test;

/** The denoise kind's keys: defaults after the papers, the simulator they make, and every bad value refused by key. */
class DenoiseConfigTest {

    @Test
    void defaultsAreTheDenoisingGansOfWolterinkAndYang() {
        TrainConfig c = TrainConfig.defaults(ModelKind.DENOISE);
        assertTrue(c.isDenoise());
        assertFalse(c.isTranslation());
        assertEquals("none", c.noise());
        assertEquals("dncnn", c.generator());
        assertEquals(32, c.ngf());
        assertEquals(8, c.generatorLayers());
        assertEquals("none", c.generatorNorm());
        assertEquals("basic", c.discriminator());
        assertEquals("none", c.discriminatorNorm());
        assertEquals("wgangp", c.loss());
        assertEquals(10.0, c.gpLambda());
        assertEquals("l1", c.pixelLoss());
        assertEquals(100.0, c.lambdaPixel());
        assertEquals(1e-4, c.lrG());
        assertEquals(1e-4, c.lrD());
        assertEquals(0.5, c.beta1());
        assertEquals(0.9, c.beta2());
        assertEquals(100, c.epochs());
        assertEquals("linear:50", c.schedule());
        assertEquals(64, c.imageSize());
        assertEquals(64, c.cropSize());
        assertEquals(1, c.slices());
        assertEquals(16, c.patchesPerImage());
        assertEquals("kaiming", c.init());
        assertEquals(0.02, c.initGain());
        assertThrows(IllegalStateException.class, c::latentSize);
        assertThrows(IllegalStateException.class, c::lambdaL1);
        assertThrows(IllegalStateException.class, c::datasetMode);
    }

    @Test
    void theNoiseKeysMakeTheSimulator() {
        TrainConfig c = TrainConfig.defaults(ModelKind.DENOISE);
        assertNull(DenoiseData.simulator(c));
        assertEquals(new GaussianNoise(25), DenoiseData.simulator(c.with("noise_sigma", 25).with("noise", "gaussian")));
        assertEquals(new RicianNoise(3.5), DenoiseData.simulator(c.with("noise_sigma", 3.5).with("noise", "rician")));
        assertEquals(new PoissonNoise(1e5, 0.25, 0.0192, 20), DenoiseData.simulator(c.with("noise", "poisson")));
        assertEquals(new PoissonNoise(5e4, 0.1, 0.02, 30), DenoiseData.simulator(c.with("noise", "poisson").with("noise_i0", 5e4)
                .with("noise_dose", 0.1).with("noise_mu_water", 0.02).with("noise_path_length", 30)));
        DenoiseImages.Options o = DenoiseData.options(c.with("noise_sigma", 5).with("noise", "gaussian").with("slices", 3)
                .with("crop_size", 48).with("no_flip", true).with("patches_per_image", 4).with("normalization", "window:-200,300"));
        assertEquals(new DenoiseImages.Options(48, 3, false, "window:-200,300", 4, new GaussianNoise(5)), o);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenoiseData.simulator(TrainConfig.defaults(ModelKind.PIX2PIX)));
        assertTrue(e.getMessage().contains("pix2pix is not a denoiser"), e.getMessage());
    }

    @Test
    void jsonRoundTripsWithTheKindsOwnKeys() {
        TrainConfig c = TrainConfig.defaults(ModelKind.DENOISE).with("noise_sigma", 12.5).with("noise", "rician").with("slices", 5);
        assertEquals(c, TrainConfig.fromJson(JsonParser.parseString(c.toJson().toString()).getAsJsonObject(), "c.json"));
        assertEquals(c, TrainConfig.fromJson(JsonParser.parseString(
                "{\"kind\": \"denoise\", \"noise\": \"rician\", \"noise_sigma\": 12.5, \"slices\": 5}").getAsJsonObject(), "c.json"));
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertMessage("{\"kind\": \"denoise\", \"noise\": \"speckle\"}", "c.json: noise: must be one of none, gaussian, poisson, rician");
        assertMessage("{\"kind\": \"denoise\", \"noise\": \"gaussian\"}", "c.json: noise_sigma: noise gaussian needs its standard deviation");
        assertMessage("{\"kind\": \"denoise\", \"noise\": \"rician\", \"noise_sigma\": -2}", "c.json: noise_sigma: must be finite and at least 0");
        assertMessage("{\"kind\": \"denoise\", \"noise_dose\": 1.5}", "c.json: noise_dose: must be a fraction of the full dose in (0, 1]");
        assertMessage("{\"kind\": \"denoise\", \"noise_i0\": 0}", "c.json: noise_i0: must be positive");
        assertMessage("{\"kind\": \"denoise\", \"noise_mu_water\": -0.1}", "c.json: noise_mu_water: must be positive");
        assertMessage("{\"kind\": \"denoise\", \"noise_path_length\": 0}", "c.json: noise_path_length: must be positive");
        assertMessage("{\"kind\": \"denoise\", \"slices\": 2}", "c.json: slices: must be odd");
        assertMessage("{\"kind\": \"denoise\", \"slices\": 0}", "c.json: slices: must be at least 1");
        assertMessage("{\"kind\": \"denoise\", \"crop_size\": 16}", "c.json: crop_size: the basic discriminator needs patches of at least 24");
        assertMessage("{\"kind\": \"denoise\", \"crop_size\": 16, \"discriminator\": \"n_layers\", \"n_layers_d\": 3}",
                "c.json: crop_size: the n_layers discriminator with 3 layers needs patches of at least 24");
        assertMessage("{\"kind\": \"denoise\", \"patches_per_image\": 0}", "c.json: patches_per_image: must be at least 1");
        assertMessage("{\"kind\": \"denoise\", \"generator\": \"resnet_9blocks\"}", "c.json: generator: must be one of dncnn");
        assertMessage("{\"kind\": \"denoise\", \"generator_layers\": 1}", "c.json: generator_layers: must be at least 2");
        assertMessage("{\"kind\": \"denoise\", \"generator_norm\": \"layer\"}", "c.json: generator_norm: must be one of none, batch, instance");
        assertMessage("{\"kind\": \"denoise\", \"discriminator\": \"dcgan_64\"}", "c.json: discriminator: must be one of basic");
        assertMessage("{\"kind\": \"denoise\", \"loss\": \"hinge\"}", "c.json: loss: must be one of wgangp, lsgan, vanilla");
        assertMessage("{\"kind\": \"denoise\", \"pixel_loss\": \"l2\"}", "c.json: pixel_loss: must be one of l1, mse");
        assertMessage("{\"kind\": \"denoise\", \"lambda_pixel\": -1}", "c.json: lambda_pixel: must be finite and at least 0");
        assertMessage("{\"kind\": \"denoise\", \"lr\": 0}", "c.json: lr: must be positive");
        assertMessage("{\"kind\": \"denoise\", \"n_epochs\": 0, \"n_epochs_decay\": 0}", "c.json: n_epochs: n_epochs + n_epochs_decay");
        assertMessage("{\"kind\": \"denoise\", \"normalization\": \"zscore\"}", "c.json: normalization: normalisation 'zscore' not understood");
        assertMessage("{\"kind\": \"denoise\", \"lambda_l1\": 10}", "c.json: lambda_l1: unknown key");
        assertMessage("{\"kind\": \"denoise\", \"upsample\": \"nearest\"}", "c.json: upsample: unknown key");
        assertMessage("{\"kind\": \"denoise\", \"slices\": 1.5}", "c.json: slices: must be a whole number");
    }

    @Test
    void aDenoiseConfigIsNotTrainedAsAnotherKind() {
        TrainConfig c = TrainConfig.defaults(ModelKind.DENOISE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SynthesisTask(c, null));
        assertTrue(e.getMessage().contains("kind denoise maps images to images; train it on a DenoiseImages dataset"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TranslationTask(c, null));
        assertTrue(e.getMessage().contains("denoise"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DenoiseTask(TrainConfig.defaults(ModelKind.CYCLEGAN), null));
        assertTrue(e.getMessage().contains("kind cyclegan is not a denoiser"), e.getMessage());
    }

    private static void assertMessage(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.fromJson(JsonParser.parseString(json).getAsJsonObject(), "c.json"));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
