package io.github.fijigan.core.train;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.github.fijigan.core.loss.Losses;
import io.github.fijigan.core.tensor.GraphConstants;

/**
 * A denoising GAN (Wolterink et al. 2017, "Generative adversarial networks for noise reduction in
 * low-dose CT"; Yang et al. 2018, WGAN-VGG, without its perceptual loss): the generator maps noisy
 * images to clean ones through a residual skip, {@code y = x - G(x)}; the critic tells denoised
 * from clean images; the generator also minimises λ·(L1 or MSE) to the clean image. One iteration:
 * the critic learns from the clean and the detached denoised batch (with the gradient penalty for
 * {@code wgangp}), then the generator from the updated critic and the pixel loss.
 */
final class DenoiseGan extends TranslationGan {

    private final Network generator;
    private final Network discriminator;

    /** @param channels image channels (the generator takes {@code slices} times as many) */
    DenoiseGan(TrainConfig config, int channels, NDManager manager) {
        super(config);
        long seed = config.seed();
        generator = add(TranslationNetworks.GENERATOR, DenoiseNetworks.generator(config, channels), manager, seed * 31 + 1);
        discriminator = add(TranslationNetworks.DISCRIMINATOR, DenoiseNetworks.discriminator(config, channels), manager, seed * 31 + 2);
        ready();
    }

    @Override
    public List<String> lossNames() {
        return withPenalties(List.of("loss_D", "loss_G", "loss_G_GAN", "loss_G_pixel"), "gradient_penalty");
    }

    @Override
    public void optimizeParameters(TrainingStep step) {
        if (input == null) {
            throw new IllegalStateException("setInput must come before optimizeParameters");
        }
        NDArray noisy = input.images();
        NDArray clean = input.targets();
        NDArray denoised;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            denoised = generator.forward(noisy, true);
            NDArray lossD = discriminatorLoss(discriminator, clean, denoised.stopGradient(), step, "gradient_penalty");
            losses.put("loss_D", value(lossD));
            collector.backward(lossD);
        }
        step(TranslationNetworks.DISCRIMINATOR);
        discriminator.requireGradients(false);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray gan = adversarial.generatorLoss(discriminator.forward(denoised, true));
            NDArray difference = config.pixelLoss().equals("mse") ? Losses.l2(denoised, clean) : Losses.l1(denoised, clean);
            NDArray pixel = GraphConstants.times(difference, (float) config.lambdaPixel());
            NDArray lossG = gan.add(pixel);
            losses.put("loss_G_GAN", value(gan));
            losses.put("loss_G_pixel", value(pixel));
            losses.put("loss_G", value(lossG));
            collector.backward(lossG);
        } finally {
            discriminator.requireGradients(true);
        }
        step(TranslationNetworks.GENERATOR);
    }

    /** @return the generator, noisy to clean */
    Network generator() {
        return generator;
    }
}
