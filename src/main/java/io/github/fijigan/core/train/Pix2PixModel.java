package io.github.fijigan.core.train;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.github.fijigan.core.loss.Losses;
import io.github.fijigan.core.tensor.GraphConstants;

/**
 * pix2pix (Isola et al. 2017): a conditional GAN on aligned pairs. The generator maps the input
 * image to the output domain; the discriminator judges (input, output) pairs, joined along the
 * channels, patch by patch; the generator also minimises λ·L1 to the true output. One iteration:
 * the discriminator learns from the real pair and the detached fake pair (loss halved), then the
 * generator from the updated discriminator and the L1 term.
 */
final class Pix2PixModel extends TranslationGan {

    private final Network generator;
    private final Network discriminator;

    /**
     * @param inChannels channels of the input domain
     * @param outChannels channels of the output domain
     */
    Pix2PixModel(TrainConfig config, int inChannels, int outChannels, NDManager manager) {
        super(config);
        long seed = config.seed();
        generator = add(TranslationNetworks.GENERATOR, TranslationNetworks.generator(config, inChannels, outChannels), manager,
                seed * 31 + 1);
        discriminator = add(TranslationNetworks.DISCRIMINATOR, TranslationNetworks.discriminator(config, inChannels + outChannels),
                manager, seed * 31 + 2);
        ready();
    }

    @Override
    public List<String> lossNames() {
        return withPenalties(List.of("loss_D", "loss_G", "loss_G_GAN", "loss_G_L1"), "gradient_penalty");
    }

    @Override
    public void optimizeParameters(TrainingStep step) {
        if (input == null) {
            throw new IllegalStateException("setInput must come before optimizeParameters");
        }
        NDArray realA = input.images();
        NDArray realB = input.targets();
        NDArray realPair = realA.concat(realB, 1);
        seedDropout(step, generator);
        NDArray fakeB;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            fakeB = generator.forward(realA, true);
            NDArray lossD = discriminatorLoss(discriminator, realPair, realA.concat(fakeB.stopGradient(), 1), step, "gradient_penalty");
            losses.put("loss_D", value(lossD));
            collector.backward(lossD);
        }
        step(TranslationNetworks.DISCRIMINATOR);
        discriminator.requireGradients(false);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray gan = adversarial.generatorLoss(discriminator.forward(realA.concat(fakeB, 1), true));
            NDArray l1 = GraphConstants.times(Losses.l1(fakeB, realB), (float) config.lambdaL1());
            NDArray lossG = gan.add(l1);
            losses.put("loss_G_GAN", value(gan));
            losses.put("loss_G_L1", value(l1));
            losses.put("loss_G", value(lossG));
            collector.backward(lossG);
        } finally {
            discriminator.requireGradients(true);
        }
        step(TranslationNetworks.GENERATOR);
    }

    /** @return the generator, input domain to output domain */
    Network generator() {
        return generator;
    }
}
