package io.github.fijigan.core.train;

import com.google.gson.JsonObject;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;

/**
 * The denoiser's networks as a {@code denoise} config names them: {@value TranslationNetworks#GENERATOR}
 * ({@code dncnn}, from {@code slices × C} noisy channels to the C clean channels of the centre slice)
 * and {@value TranslationNetworks#DISCRIMINATOR} (a PatchGAN critic of C-channel images: clean or
 * denoised, without the noisy input, as Wolterink et al. and Yang et al.).
 */
public final class DenoiseNetworks {

    private DenoiseNetworks() {}

    /** @return the spec of the generator for images of {@code channels} channels */
    public static NetworkSpec generator(TrainConfig config, int channels) {
        JsonObject options = new JsonObject();
        options.addProperty("ngf", config.ngf());
        options.addProperty("layers", config.generatorLayers());
        options.addProperty("norm", config.generatorNorm());
        return NetworkSpec.of(config.generator(), options, Math.multiplyExact(config.slices(), channels), channels,
                NetworkRole.GENERATOR);
    }

    /** @return the spec of the discriminator of images of {@code channels} channels */
    public static NetworkSpec discriminator(TrainConfig config, int channels) {
        return TranslationNetworks.discriminator(config, channels);
    }
}
