package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.model.ModelKind;
import org.junit.jupiter.api.Test;

class TrainConfigTest {

    @Test
    void defaultsFollowThePapersOfEachKind() {
        TrainConfig dcgan = TrainConfig.defaults(ModelKind.DCGAN);
        assertEquals("vanilla", dcgan.loss());
        assertEquals(2e-4, dcgan.lrG());
        assertEquals(0.5, dcgan.beta1());
        assertEquals("batch", dcgan.discriminatorNorm());
        assertEquals(1, dcgan.nCritic());

        TrainConfig wgan = TrainConfig.defaults(ModelKind.WGANGP);
        assertEquals("wgan", wgan.loss());
        assertEquals(5, wgan.nCritic());
        assertEquals(10.0, wgan.gpLambda());
        assertEquals(0.0, wgan.beta1());
        assertEquals(0.9, wgan.beta2());
        assertEquals("none", wgan.discriminatorNorm());

        TrainConfig sngan = TrainConfig.defaults(ModelKind.SNGAN);
        assertTrue(sngan.spectralNorm());
        assertEquals("hinge", sngan.loss());

        TrainConfig acgan = TrainConfig.defaults(ModelKind.ACGAN);
        assertTrue(acgan.classSubfolders());
        assertFalse(dcgan.classSubfolders());
    }

    @Test
    void translationDefaultsAreThoseOfTheReferenceImplementation() {
        TrainConfig cycle = TrainConfig.defaults(ModelKind.CYCLEGAN);
        assertTrue(cycle.isTranslation());
        assertEquals("unaligned", cycle.datasetMode());
        assertEquals("resnet_9blocks", cycle.generator());
        assertEquals("basic", cycle.discriminator());
        assertEquals("instance", cycle.generatorNorm());
        assertEquals("lsgan", cycle.loss());
        assertEquals(10.0, cycle.lambdaA());
        assertEquals(10.0, cycle.lambdaB());
        assertEquals(0.5, cycle.lambdaIdentity());
        assertEquals(50, cycle.poolSize());
        assertEquals(2e-4, cycle.lrG());
        assertEquals(0.5, cycle.beta1());
        assertEquals(200, cycle.epochs());
        assertEquals("linear:100", cycle.schedule());
        assertEquals(256, cycle.imageSize());
        assertEquals(286, cycle.loadSize());
        assertFalse(cycle.useDropout());

        TrainConfig pix = TrainConfig.defaults(ModelKind.PIX2PIX);
        assertEquals("aligned", pix.datasetMode());
        assertEquals("unet_256", pix.generator());
        assertEquals("batch", pix.discriminatorNorm());
        assertEquals("vanilla", pix.loss());
        assertEquals(100.0, pix.lambdaL1());
        assertTrue(pix.useDropout());
        IllegalStateException e = assertThrows(IllegalStateException.class, pix::lambdaA);
        assertTrue(e.getMessage().contains("pix2pix configs have no key lambda_a"), e.getMessage());
        assertEquals(120, pix.with("n_epochs", 20).epochs());
        assertThrows(IllegalStateException.class, cycle::latentSize);
    }

    @Test
    void withEpochsSetsTheTotalForEveryKind() {
        assertEquals(7, TrainConfig.defaults(ModelKind.DCGAN).withEpochs(7).epochs());
        TrainConfig pix2pix = TrainConfig.defaults(ModelKind.PIX2PIX).withEpochs(250);
        assertEquals(250, pix2pix.epochs());
        assertEquals(100, pix2pix.toJson().get("n_epochs_decay").getAsInt(), "the decay is kept");
        TrainConfig shorter = TrainConfig.defaults(ModelKind.DENOISE).with("n_epochs_decay", 10).withEpochs(4);
        assertEquals(4, shorter.epochs());
        assertEquals(0, shorter.toJson().get("n_epochs").getAsInt(), "the decay is cut to the total");
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults(ModelKind.CYCLEGAN).withEpochs(0));
    }

    @Test
    void kindsThisConfigDoesNotTrainAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults(ModelKind.TORCHSCRIPT));
        assertTrue(e.getMessage().contains("torchscript"), e.getMessage());
    }

    @Test
    void jsonRoundTripsAndOnlyOverridesWhatItNames() {
        TrainConfig config = TrainConfig.defaults(ModelKind.WGANGP).with("image_size", 32).with("epochs", 3).with("seed", 42);
        TrainConfig back = TrainConfig.fromJson(JsonParser.parseString(config.toJson().toString()).getAsJsonObject(), "c.json");
        assertEquals(config, back);
        assertEquals(32, back.imageSize());
        assertEquals(42L, back.seed());

        JsonObject partial = JsonParser.parseString("{\"kind\": \"acgan\", \"batch_size\": 16}").getAsJsonObject();
        TrainConfig read = TrainConfig.fromJson(partial, "c.json");
        assertEquals(16, read.batchSize());
        assertEquals(TrainConfig.defaults(ModelKind.ACGAN).with("batch_size", 16), read);
    }

    @Test
    void badInputIsRefusedNamingTheSourceAndTheKey() {
        assertMessage("{\"batch_size\": 4}", "c.json: kind: required");
        assertMessage("{\"kind\": \"stylegan\"}", "c.json: kind: 'stylegan' is not one of");
        assertMessage("{\"kind\": \"dcgan\", \"bach_size\": 4}", "c.json: bach_size: unknown key");
        assertMessage("{\"kind\": \"dcgan\", \"batch_size\": 0}", "c.json: batch_size: must be at least 1, got 0");
        assertMessage("{\"kind\": \"dcgan\", \"batch_size\": 2.5}", "c.json: batch_size: must be a whole number");
        assertMessage("{\"kind\": \"dcgan\", \"batch_size\": \"8\"}", "c.json: batch_size: must be a number");
        assertMessage("{\"kind\": \"dcgan\", \"image_size\": 48}", "c.json: image_size: must be 32, 64 or 128, got 48");
        assertMessage("{\"kind\": \"dcgan\", \"loss\": \"l1\"}", "c.json: loss: must be one of vanilla, lsgan, wgan, hinge");
        assertMessage("{\"kind\": \"wgangp\", \"loss\": \"hinge\"}", "c.json: loss: WGAN-GP trains with the wgan loss");
        assertMessage("{\"kind\": \"dcgan\", \"beta1\": 1.0}", "c.json: beta1: must be in [0, 1)");
        assertMessage("{\"kind\": \"cyclegan\", \"lambda_l1\": 10}", "c.json: lambda_l1: unknown key");
        assertMessage("{\"kind\": \"pix2pix\", \"dataset_mode\": \"unaligned\"}", "c.json: dataset_mode: pix2pix learns from aligned pairs");
        assertMessage("{\"kind\": \"cyclegan\", \"generator\": \"unet_64\"}", "c.json: generator: must be one of resnet_6blocks");
        assertMessage("{\"kind\": \"cyclegan\", \"crop_size\": 300}", "c.json: crop_size: must not exceed load_size (286)");
        assertMessage("{\"kind\": \"cyclegan\", \"n_epochs\": 0, \"n_epochs_decay\": 0}", "c.json: n_epochs: n_epochs + n_epochs_decay");
    }

    private static void assertMessage(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.fromJson(JsonParser.parseString(json).getAsJsonObject(), "c.json"));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
