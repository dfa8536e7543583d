package io.github.fijigan.core.train;

import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.loss.GradientPenalty;
import io.github.fijigan.core.tensor.GraphConstants;

/**
 * WGAN-GP (Gulrajani et al. 2017): a critic (no batch norm) trained on the Wasserstein loss plus
 * λ·(‖∇D(x̂)‖ − 1)² on random interpolates x̂ of real and fake images, {@code n_critic} critic updates
 * per generator update.
 */
public final class WganGpModel extends SynthesisGan {

    public WganGpModel(TrainConfig config, int channels, NDManager manager) {
        super(config, channels, 0, manager);
        if (config.discriminatorNorm().equals("batch")) {
            // The penalty is per sample; batch norm couples the samples of a batch and breaks it.
            throw new IllegalArgumentException("discriminator_norm: WGAN-GP's critic must not use batch norm; use none or instance");
        }
    }

    @Override
    public List<String> lossNames() {
        return List.of("loss_D", "loss_G", "wasserstein", "gradient_penalty");
    }

    @Override
    protected int generatorEvery() {
        return config.nCritic();
    }

    @Override
    protected NDArray discriminatorLoss(NDArray real, NDArray fake, NDList generatorInput, TrainingStep step) {
        NDArray epsilon = uniform(real.getManager(), (int) real.getShape().get(0), step.random("interpolation"));
        NDArray penalty = GradientPenalty.penalty(x -> discriminator.forward(x, true), discriminator.parameters(), real, fake,
                epsilon);
        NDArray realScore = discriminator.forward(real, true);
        NDArray fakeScore = discriminator.forward(fake, true);
        NDArray critic = adversarial.discriminatorLoss(realScore, fakeScore);
        losses.put("wasserstein", (double) -critic.getFloat());
        losses.put("gradient_penalty", (double) penalty.getFloat());
        return critic.add(GraphConstants.times(penalty, (float) config.gpLambda()));
    }

    @Override
    protected NDArray generatorLoss(NDArray fake, NDList generatorInput) {
        return adversarial.generatorLoss(discriminator.forward(fake, true));
    }

    private static NDArray uniform(NDManager manager, int n, SplittableRandom random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextDouble();
        }
        return manager.create(values, new Shape(n, 1, 1, 1));
    }
}
