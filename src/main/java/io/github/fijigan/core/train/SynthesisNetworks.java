package io.github.fijigan.core.train;

import com.google.gson.JsonObject;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;

/** The generator and discriminator specs a synthesis config asks for, for the network factory. */
public final class SynthesisNetworks {

    /** Name of the generator in models and checkpoints. */
    public static final String GENERATOR = "generator";
    /** Name of the discriminator (critic) in checkpoints. */
    public static final String DISCRIMINATOR = "discriminator";

    private SynthesisNetworks() {}

    /** @return the DCGAN-style generator: latent size in, image channels out, conditioned when {@code classes > 0} */
    public static NetworkSpec generator(TrainConfig config, int channels, int classes) {
        JsonObject options = new JsonObject();
        options.addProperty("ngf", config.ngf());
        options.addProperty("norm", config.generatorNorm());
        options.addProperty("upsample", config.upsample());
        options.addProperty("classes", classes);
        return NetworkSpec.of(architecture(config), options, config.latentSize(), channels, NetworkRole.GENERATOR);
    }

    /** @return the discriminator: image channels in, one logit out (plus class logits when {@code classes > 0}) */
    public static NetworkSpec discriminator(TrainConfig config, int channels, int classes) {
        JsonObject options = new JsonObject();
        options.addProperty("ndf", config.ndf());
        options.addProperty("norm", config.discriminatorNorm());
        options.addProperty("spectral_norm", config.spectralNorm());
        options.addProperty("minibatch_std", config.minibatchStd());
        options.addProperty("classes", classes);
        return NetworkSpec.of(architecture(config), options, channels, 1, NetworkRole.DISCRIMINATOR);
    }

    private static String architecture(TrainConfig config) {
        return "dcgan_" + config.imageSize();
    }
}
