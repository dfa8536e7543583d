package io.github.fijigan.core.train;

import ai.djl.ndarray.NDManager;

/**
 * SN-GAN (Miyato et al. 2018): spectral normalisation on every discriminator layer keeps it
 * 1-Lipschitz without a penalty; trained with the hinge loss by default (vanilla also works).
 */
public final class SnganModel extends UnconditionalGan {

    public SnganModel(TrainConfig config, int channels, NDManager manager) {
        super(requireSpectralNorm(config), channels, manager);
    }

    private static TrainConfig requireSpectralNorm(TrainConfig config) {
        if (!config.spectralNorm()) {
            throw new IllegalArgumentException("spectral_norm: SN-GAN needs spectral normalisation in the discriminator");
        }
        return config;
    }
}
