package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.train.TrainConfig;
import org.junit.jupiter.api.Test;

/** The colorizer kind's keys: pix2pix's defaults on crops of the slides' own scale, and every bad value refused by key. */
class ColorizerConfigTest {

    @Test
    void defaultsArePix2PixOnTilesOfTheSlidesOwnScale() {
        TrainConfig c = TrainConfig.defaults(ModelKind.COLORIZER);
        assertTrue(c.isColorizer());
        assertFalse(c.isTranslation());
        assertFalse(c.isDenoise());
        assertEquals("crop", c.preprocess());
        assertEquals(256, c.cropSize());
        assertEquals(16, c.patchesPerImage());
        assertEquals("unet_256", c.generator());
        assertEquals("batch", c.generatorNorm());
        assertEquals("batch", c.discriminatorNorm());
        assertEquals("vanilla", c.loss());
        assertEquals(100.0, c.lambdaL1());
        assertEquals(2e-4, c.lrG());
        assertEquals(0.5, c.beta1());
        assertEquals(200, c.epochs());
        assertEquals("linear:100", c.schedule());
        assertEquals(c, TrainConfig.fromJson(c.toJson(), "config.json"));
        assertEquals(c, TrainConfig.fromJson(JsonParser.parseString("{\"kind\": \"colorizer\"}").getAsJsonObject(), "c.json"));
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        TrainConfig c = TrainConfig.defaults(ModelKind.COLORIZER);
        assertMessage(() -> c.with("preprocess", "none"), "preprocess: must be one of crop, resize_and_crop, scale_width_and_crop");
        assertMessage(() -> c.with("crop_size", 200), "crop_size: the unet_256 generator needs tiles whose side is a multiple of 256");
        assertMessage(() -> c.with("generator", "resnet_9blocks").with("crop_size", 18),
                "crop_size: the resnet_9blocks generator needs tiles whose side is a multiple of 4");
        assertMessage(() -> c.with("generator", "resnet_9blocks").with("crop_size", 12), "crop_size: the basic network needs tiles of at least 24 pixels, got 12");
        assertMessage(() -> c.with("preprocess", "resize_and_crop").with("load_size", 128),
                "crop_size: must not exceed load_size (128) with preprocess resize_and_crop, got 256");
        assertMessage(() -> c.with("patches_per_image", 0), "patches_per_image: must be at least 1, got 0");
        assertMessage(() -> c.with("generator", "dncnn"), "generator: must be one of");
        assertMessage(() -> c.with("lambda_l1", -1), "lambda_l1: must be finite and at least 0, got -1.0");
        assertMessage(() -> c.with("lr", 0), "lr: must be positive");
        assertMessage(() -> c.with("n_epochs", 0).with("n_epochs_decay", 0), "n_epochs: n_epochs + n_epochs_decay must be at least 1");
        assertMessage(() -> c.with("loss", "hinge"), "loss: must be one of vanilla, lsgan, wgangp");
        assertMessage(() -> c.with("noise", "gaussian"), "noise: unknown key");
        assertMessage(() -> c.with("direction", "BtoA"), "direction: unknown key");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
