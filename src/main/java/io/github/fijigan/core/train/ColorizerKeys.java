package io.github.fijigan.core.train;

import static io.github.fijigan.core.train.TrainConfig.require;

import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.nn.NetworkFactory;

/** Checks the keys of a {@code colorizer} config, each failure naming the key; see {@link ConfigDefaults#colorizer()}. */
final class ColorizerKeys {

    private ColorizerKeys() {}

    static void validate(TrainConfig c) {
        c.checkCommon();
        // Training needs square samples of one size, so only the preprocessings that crop.
        c.oneOf("preprocess", "crop", "resize_and_crop", "scale_width_and_crop");
        c.requireAtLeast("load_size", 1);
        c.requireAtLeast("crop_size", 1);
        require(c.preprocess().equals("crop") || c.cropSize() <= c.loadSize(), "crop_size", "must not exceed load_size ("
                + c.loadSize() + ") with preprocess " + c.preprocess() + ", got " + c.cropSize());
        c.requireAtLeast("patches_per_image", 1);
        c.oneOf("generator", "resnet_6blocks", "resnet_9blocks", "unet_128", "unet_256");
        c.oneOf("upsample", "convtranspose", "nearest");
        c.oneOf("norm", "batch", "instance", "none");
        int multiple = NetworkFactory.sizeMultiple(TranslationNetworks.generator(c, 1, 3));
        require(c.cropSize() % multiple == 0, "crop_size", "the " + c.generator() + " generator needs tiles whose side is a multiple of "
                + multiple + ", got " + c.cropSize());
        c.oneOf("discriminator", "basic", "n_layers", "pixel");
        c.requireAtLeast("n_layers_d", 1);
        require(c.nLayersD() <= 20, "n_layers_d", "must be at most 20, got " + c.nLayersD());
        for (NetworkSpec spec : new NetworkSpec[] {TranslationNetworks.generator(c, 1, 3),
                TranslationNetworks.discriminator(c, 4)}) {
            int minimum = NetworkFactory.minimumSize(spec);
            require(c.cropSize() >= minimum, "crop_size", "the " + spec.architecture() + " network needs tiles of at least " + minimum
                    + " pixels, got " + c.cropSize());
        }
        c.oneOf("loss", "vanilla", "lsgan", "wgangp");
        require(c.lambdaL1() >= 0 && Double.isFinite(c.lambdaL1()), "lambda_l1", "must be finite and at least 0, got " + c.lambdaL1());
        require(c.lrG() > 0, "lr", "must be positive, got " + c.lrG());
        require(c.initGain() > 0, "init_gain", "must be positive, got " + c.initGain());
        c.requireAtLeast("n_epochs", 0);
        c.requireAtLeast("n_epochs_decay", 0);
        require(c.epochs() >= 1, "n_epochs", "n_epochs + n_epochs_decay must be at least 1");
        ValidationKeys.validate(c);
    }
}
