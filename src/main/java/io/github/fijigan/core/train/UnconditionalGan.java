package io.github.fijigan.core.train;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** A GAN whose discriminator sees images only and answers with one logit each: DCGAN and SN-GAN. */
abstract class UnconditionalGan extends SynthesisGan {

    UnconditionalGan(TrainConfig config, int channels, NDManager manager) {
        super(config, channels, 0, manager);
    }

    @Override
    public List<String> lossNames() {
        return List.of("loss_D", "loss_G", "D_real", "D_fake");
    }

    @Override
    protected NDArray discriminatorLoss(NDArray real, NDArray fake, NDList generatorInput, TrainingStep step) {
        NDArray realLogits = discriminator.forward(real, true);
        NDArray fakeLogits = discriminator.forward(fake, true);
        // Mean raw outputs: how far apart the discriminator holds real and fake, a health signal.
        losses.put("D_real", (double) realLogits.mean().getFloat());
        losses.put("D_fake", (double) fakeLogits.mean().getFloat());
        return adversarial.discriminatorLoss(realLogits, fakeLogits);
    }

    @Override
    protected NDArray generatorLoss(NDArray fake, NDList generatorInput) {
        return adversarial.generatorLoss(discriminator.forward(fake, true));
    }
}
