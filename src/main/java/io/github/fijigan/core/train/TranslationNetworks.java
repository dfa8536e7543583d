package io.github.fijigan.core.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.nn.NetworkFactory;

/**
 * The networks of the translation models, as a config names them, and their names in bundles:
 * pix2pix has {@value #GENERATOR} (input domain to output domain) and {@value #DISCRIMINATOR} (on
 * input and output channels joined); CycleGAN has {@value #GENERATOR_AB}, {@value #GENERATOR_BA},
 * and {@value #DISCRIMINATOR_A}, {@value #DISCRIMINATOR_B}, each judging images of its domain.
 */
public final class TranslationNetworks {

    public static final String GENERATOR = "generator";
    public static final String DISCRIMINATOR = "discriminator";
    public static final String GENERATOR_AB = "generator_AB";
    public static final String GENERATOR_BA = "generator_BA";
    public static final String DISCRIMINATOR_A = "discriminator_A";
    public static final String DISCRIMINATOR_B = "discriminator_B";

    private TranslationNetworks() {}

    /** @return the spec of a generator from {@code in} to {@code out} channels */
    public static NetworkSpec generator(TrainConfig config, int in, int out) {
        JsonObject options = new JsonObject();
        options.addProperty("ngf", config.ngf());
        options.addProperty("norm", config.generatorNorm());
        options.addProperty("use_dropout", config.useDropout());
        options.addProperty("upsample", config.upsample());
        return NetworkSpec.of(config.generator(), options, in, out, NetworkRole.GENERATOR);
    }

    /** @return the spec of a discriminator of images with {@code channels} channels */
    public static NetworkSpec discriminator(TrainConfig config, int channels) {
        JsonObject options = new JsonObject();
        options.addProperty("ndf", config.ndf());
        options.addProperty("norm", config.discriminatorNorm());
        if (config.discriminator().equals("n_layers")) {
            options.addProperty("n_layers", config.nLayersD());
        }
        return NetworkSpec.of(config.discriminator(), options, channels, 1, NetworkRole.DISCRIMINATOR);
    }

    /** @return a network initialised as the config says, for crops of the config's size */
    static Network create(String name, NetworkSpec spec, TrainConfig config, NDManager manager, long seed) {
        int size = config.imageSize();
        Shape[] shapes = NetworkFactory.inputShapes(spec, 1, size);
        return Network.create(name, spec, manager, config.init(), config.initGain(), seed, shapes);
    }
}
