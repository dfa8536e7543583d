package io.github.fijigan.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.loss.GanLoss;
import io.github.fijigan.core.optim.Adam;

/**
 * What the GANs that generate from noise share: a generator and a discriminator, one Adam each, the
 * adversarial loss, and the iteration of Goodfellow et al.: update the discriminator on real images
 * and on detached fakes, then (every {@link #generatorEvery()} iterations) the generator through the
 * discriminator. Subclasses say what the losses are.
 */
public abstract class SynthesisGan implements GanModel {

    protected final TrainConfig config;
    protected final Network generator;
    protected final Network discriminator;
    protected final GanLoss adversarial;
    protected final int classes;
    protected final Map<String, Double> losses = new LinkedHashMap<>();
    private final Adam adamG;
    private final Adam adamD;
    private double learningRateFactor = 1;
    protected ImageBatch input;

    SynthesisGan(TrainConfig config, int channels, int classes, NDManager manager) {
        this.config = config;
        this.classes = classes;
        long seed = config.seed();
        this.generator = Network.create(SynthesisNetworks.GENERATOR, SynthesisNetworks.generator(config, channels, classes),
                manager, config.init(), seed * 31 + 1);
        this.discriminator = Network.create(SynthesisNetworks.DISCRIMINATOR,
                SynthesisNetworks.discriminator(config, channels, classes), manager, config.init(), seed * 31 + 2);
        this.adversarial = GanLoss.byName(config.loss());
        this.adamG = new Adam(config.beta1(), config.beta2(), 1e-8);
        this.adamD = new Adam(config.beta1(), config.beta2(), 1e-8);
        lossNames().forEach(name -> losses.put(name, Double.NaN));
    }

    /** @return the discriminator's loss for real images and detached fakes; it will be backpropagated */
    protected abstract NDArray discriminatorLoss(NDArray real, NDArray fake, NDList generatorInput, TrainingStep step);

    /** @return the generator's loss for fakes that still carry the generator's graph */
    protected abstract NDArray generatorLoss(NDArray fake, NDList generatorInput);

    /** @return how many discriminator updates there are per generator update (WGAN-GP's n_critic) */
    protected int generatorEvery() {
        return 1;
    }

    @Override
    public void setInput(ImageBatch batch) {
        this.input = batch;
    }

    @Override
    public void optimizeParameters(TrainingStep step) {
        if (input == null) {
            throw new IllegalStateException("setInput must come before optimizeParameters");
        }
        // A loss not computed in this iteration is reported as NaN (an empty cell in the history), not as a stale value.
        losses.replaceAll((name, value) -> Double.NaN);
        NDArray real = input.images();
        NDList latent = generatorInput(real.getManager(), (int) real.getShape().get(0), step.random("latent"));
        NDArray fake;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            fake = generator.forward(latent, true).get(0);
            NDArray lossD = discriminatorLoss(real, fake.stopGradient(), latent, step);
            losses.put("loss_D", (double) lossD.getFloat());
            collector.backward(lossD);
        }
        adamD.step(discriminator.parameters(), config.lrD() * learningRateFactor);
        if ((step.globalIteration() + 1) % generatorEvery() == 0) {
            // The generator's loss goes back through the discriminator, which must not collect it.
            discriminator.requireGradients(false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray lossG = generatorLoss(fake, latent);
                losses.put("loss_G", (double) lossG.getFloat());
                collector.backward(lossG);
            } finally {
                discriminator.requireGradients(true);
            }
            adamG.step(generator.parameters(), config.lrG() * learningRateFactor);
        }
    }

    /**
     * @return the generator's input for {@code n} samples: noise N(0, 1) of shape (n, nz, 1, 1), and
     *     for a conditional generator uniformly drawn class labels (n), all from {@code random}
     */
    public NDList generatorInput(NDManager manager, int n, SplittableRandom random) {
        int[] labels = classes > 0 ? Latents.uniformLabels(n, classes, random) : null;
        return Latents.input(manager, config.latentSize(), labels, n, random);
    }

    @Override
    public Map<String, Double> currentLosses() {
        return new LinkedHashMap<>(losses);
    }

    @Override
    public Map<String, Network> networks() {
        Map<String, Network> map = new LinkedHashMap<>();
        map.put(generator.name(), generator);
        map.put(discriminator.name(), discriminator);
        return map;
    }

    @Override
    public void setLearningRateFactor(double factor) {
        this.learningRateFactor = factor;
    }

    @Override
    public Map<String, NDList> optimizerState(NDManager manager) {
        Map<String, NDList> state = new LinkedHashMap<>();
        state.put("adam_" + generator.name(), adamG.state(manager));
        state.put("adam_" + discriminator.name(), adamD.state(manager));
        return state;
    }

    @Override
    public void loadOptimizerState(Map<String, NDList> state) {
        adamG.loadState(require(state, "adam_" + generator.name()), generator.parameters());
        adamD.loadState(require(state, "adam_" + discriminator.name()), discriminator.parameters());
    }

    private static NDList require(Map<String, NDList> state, String name) {
        NDList list = state.get(name);
        if (list == null) {
            throw new IllegalArgumentException("the checkpoint has no optimiser state '" + name + "'; it has " + state.keySet());
        }
        return list;
    }

    /** @return the generator */
    public Network generator() {
        return generator;
    }

    /** @return the number of classes of a conditional model, 0 otherwise */
    public int classes() {
        return classes;
    }
}
