package io.github.fijigan.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.loss.GanLoss;
import io.github.fijigan.core.loss.GradientPenalty;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.nn.Dropout;
import io.github.fijigan.core.optim.Adam;
import io.github.fijigan.core.tensor.GraphConstants;

/**
 * What pix2pix and CycleGAN share: networks with one Adam each (the reference's joint optimiser over
 * two generators is the same update, since Adam works per parameter), the adversarial loss with the
 * gradient penalty when it is {@code wgangp}, dropout masks drawn from the training step, and the
 * losses of the last iteration.
 */
public abstract class TranslationGan implements GanModel {

    protected final TrainConfig config;
    protected final GanLoss adversarial;
    protected final Map<String, Double> losses = new LinkedHashMap<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Adam> optimisers = new LinkedHashMap<>();
    private double learningRateFactor = 1;
    protected ImageBatch input;

    TranslationGan(TrainConfig config) {
        this.config = config;
        this.adversarial = GanLoss.byName(config.loss());
    }

    /** Creates, registers and returns a network; generators first, so {@link #networks()} lists them first. */
    protected Network add(String name, NetworkSpec spec, NDManager manager, long seed) {
        Network network = TranslationNetworks.create(name, spec, config, manager, seed);
        networks.put(name, network);
        optimisers.put(name, new Adam(config.beta1(), config.beta2(), 1e-8));
        return network;
    }

    /** Call once every network is added: every loss starts as NaN (not computed yet). */
    protected void ready() {
        lossNames().forEach(name -> losses.put(name, Double.NaN));
    }

    @Override
    public void setInput(ImageBatch batch) {
        if (batch != null && batch.targets() == null) {
            throw new IllegalArgumentException("a translation batch needs target (B) images");
        }
        this.input = batch;
    }

    /** Steps the optimiser of each named network (generators use lr, discriminators too: one {@code lr}). */
    protected void step(String... names) {
        for (String name : names) {
            optimisers.get(name).step(networks.get(name).parameters(), config.lrG() * learningRateFactor);
        }
    }

    /** Gives each generator's dropout layers this step's masks, so a resumed run draws the same ones. */
    protected void seedDropout(TrainingStep step, Network... generators) {
        SplittableRandom random = step.random("dropout");
        for (Network g : generators) {
            Dropout.seedAll(g.block(), random.nextLong());
        }
    }

    /**
     * @return the discriminator's loss on real and (detached) fake inputs, halved as the reference
     *     does so that it learns at half the generator's pace, plus λ·GP for {@code wgangp}
     */
    protected NDArray discriminatorLoss(Network discriminator, NDArray real, NDArray fake, TrainingStep step, String penaltyName) {
        NDArray unweighted = adversarial.discriminatorLoss(discriminator.forward(real, true), discriminator.forward(fake, true));
        NDArray loss = GraphConstants.times(unweighted, 0.5f);
        if (!config.loss().equals("wgangp")) {
            return loss;
        }
        int n = Math.toIntExact(real.getShape().get(0));
        SplittableRandom random = step.random("interpolation-" + penaltyName);
        float[] eps = new float[n];
        for (int i = 0; i < n; i++) {
            eps[i] = (float) random.nextDouble();
        }
        NDArray epsilon = real.getManager().create(eps, new Shape(n, 1, 1, 1));
        NDArray penalty = GradientPenalty.penalty(x -> discriminator.forward(x, true), discriminator.parameters(), real, fake, epsilon);
        losses.put(penaltyName, (double) penalty.getFloat());
        return loss.add(GraphConstants.times(penalty, (float) config.gpLambda()));
    }

    protected static double value(NDArray scalar) {
        return scalar.getFloat();
    }

    @Override
    public Map<String, Double> currentLosses() {
        return new LinkedHashMap<>(losses);
    }

    @Override
    public Map<String, Network> networks() {
        return new LinkedHashMap<>(networks);
    }

    /** @return the network called {@code name} */
    public Network network(String name) {
        Network n = networks.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no network " + name + "; this model has " + networks.keySet());
        }
        return n;
    }

    @Override
    public void setLearningRateFactor(double factor) {
        this.learningRateFactor = factor;
    }

    @Override
    public Map<String, NDList> optimizerState(NDManager manager) {
        Map<String, NDList> state = new LinkedHashMap<>();
        optimisers.forEach((name, adam) -> state.put("adam_" + name, adam.state(manager)));
        return state;
    }

    @Override
    public void loadOptimizerState(Map<String, NDList> state) {
        optimisers.forEach((name, adam) -> adam.loadState(require(state, "adam_" + name), networks.get(name).parameters()));
    }

    protected static NDList require(Map<String, NDList> state, String name) {
        NDList list = state.get(name);
        if (list == null) {
            throw new IllegalArgumentException("the checkpoint has no state '" + name + "'; it has " + state.keySet());
        }
        return list;
    }

    /** @return the loss names with the penalty columns when the loss is {@code wgangp} */
    protected List<String> withPenalties(List<String> names, String... penalties) {
        if (!config.loss().equals("wgangp")) {
            return names;
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(List.of(penalties));
        return List.copyOf(all);
    }
}
