package io.github.fijigan.core.train;

import static io.github.fijigan.core.train.TrainConfig.require;

import io.github.fijigan.core.normalize.Normalizer;

/** Checks the keys of a {@code denoise} config, each failure naming the key; see {@link ConfigDefaults#denoise()}. */
final class DenoiseKeys {

    /** Values of {@code noise}. */
    static final String NONE = "none";

    private DenoiseKeys() {}

    static void validate(TrainConfig c) {
        c.checkCommon();
        c.oneOf("noise", NONE, "gaussian", "poisson", "rician");
        double sigma = c.noiseSigma();
        require(sigma >= 0 && Double.isFinite(sigma), "noise_sigma", "must be finite and at least 0, got " + sigma);
        if (c.noise().equals("gaussian") || c.noise().equals("rician")) {
            require(sigma > 0, "noise_sigma", "noise " + c.noise() + " needs its standard deviation in the images' units (e.g. 20 for"
                    + " CT in HU), got " + sigma);
        }
        positive("noise_i0", c.noiseI0());
        require(c.noiseDose() > 0 && c.noiseDose() <= 1, "noise_dose", "must be a fraction of the full dose in (0, 1], got "
                + c.noiseDose());
        positive("noise_mu_water", c.noiseMuWater());
        positive("noise_path_length", c.noisePathLength());
        c.requireAtLeast("slices", 1);
        require(c.slices() % 2 == 1, "slices", "must be odd (1 for 2D, 3, 5, ...: the centre slice and as many on each side), got "
                + c.slices());
        c.requireAtLeast("crop_size", 1);
        c.requireAtLeast("patches_per_image", 1);
        c.oneOf("generator", "dncnn");
        c.requireAtLeast("generator_layers", 2);
        c.oneOf("generator_norm", "none", "batch", "instance");
        c.oneOf("discriminator", "basic", "n_layers", "pixel");
        c.requireAtLeast("n_layers_d", 1);
        require(c.nLayersD() <= 20, "n_layers_d", "must be at most 20, got " + c.nLayersD());
        int minimum = switch (c.discriminator()) {
            case "basic" -> 24;
            case "n_layers" -> 3 << c.nLayersD();
            default -> 1;
        };
        require(c.cropSize() >= minimum, "crop_size", "the " + c.discriminator() + " discriminator" + (c.discriminator().equals(
                "n_layers") ? " with " + c.nLayersD() + " layers" : "") + " needs patches of at least " + minimum + " pixels, got "
                + c.cropSize());
        c.oneOf("discriminator_norm", "none", "batch", "instance");
        c.oneOf("loss", "wgangp", "lsgan", "vanilla");
        c.oneOf("pixel_loss", "l1", "mse");
        require(c.lambdaPixel() >= 0 && Double.isFinite(c.lambdaPixel()), "lambda_pixel", "must be finite and at least 0, got "
                + c.lambdaPixel());
        require(c.lrG() > 0, "lr", "must be positive, got " + c.lrG());
        require(c.initGain() > 0, "init_gain", "must be positive, got " + c.initGain());
        c.requireAtLeast("n_epochs", 0);
        c.requireAtLeast("n_epochs_decay", 0);
        require(c.epochs() >= 1, "n_epochs", "n_epochs + n_epochs_decay must be at least 1");
        String normalization = c.normalization().trim();
        if (!normalization.equalsIgnoreCase("auto")) {
            try {
                Normalizer.parse(normalization);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("normalization: " + e.getMessage() + "; or auto", e);
            }
        }
        ValidationKeys.validate(c);
    }

    private static void positive(String key, double value) {
        require(value > 0 && Double.isFinite(value), key, "must be positive, got " + value);
    }
}
