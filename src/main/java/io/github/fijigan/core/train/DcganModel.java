package io.github.fijigan.core.train;

import ai.djl.ndarray.NDManager;

/**
 * DCGAN (Radford et al. 2016): a convolutional generator and discriminator with batch norm, trained
 * with the non-saturating vanilla loss (or lsgan/hinge if the config says so).
 */
public final class DcganModel extends UnconditionalGan {

    public DcganModel(TrainConfig config, int channels, NDManager manager) {
        super(config, channels, manager);
    }
}
