package io.github.fijigan.core.train;

import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.github.fijigan.core.loss.Losses;
import io.github.fijigan.core.tensor.GraphConstants;

/**
 * CycleGAN (Zhu et al. 2017): two generators, A→B and B→A, and one discriminator per domain, trained
 * on unpaired images. The generators minimise the adversarial losses, the cycle losses λ_A·|A −
 * G_BA(G_AB(A))| and λ_B·|B − G_AB(G_BA(B))|, and the identity losses λ_idt·λ·|B − G_AB(B)| (and for
 * A), which keep colours and intensities where nothing needs to change. The discriminators then
 * learn from real images and fakes drawn from an {@link ImagePool}, their loss halved.
 */
final class CycleGanModel extends TranslationGan {

    private final Network generatorAB;
    private final Network generatorBA;
    private final Network discriminatorA;
    private final Network discriminatorB;
    private final ImagePool poolA;
    private final ImagePool poolB;

    /**
     * @throws IllegalArgumentException when the identity loss is asked for but the domains have
     *     different channel counts (G_AB cannot take a B image)
     */
    CycleGanModel(TrainConfig config, int channelsA, int channelsB, NDManager manager) {
        super(config);
        if (config.lambdaIdentity() > 0 && channelsA != channelsB) {
            throw new IllegalArgumentException("lambda_identity: the identity loss needs domains with the same channel count, but A has "
                    + channelsA + " and B " + channelsB + "; set lambda_identity to 0");
        }
        long seed = config.seed();
        generatorAB = add(TranslationNetworks.GENERATOR_AB, TranslationNetworks.generator(config, channelsA, channelsB), manager,
                seed * 31 + 1);
        generatorBA = add(TranslationNetworks.GENERATOR_BA, TranslationNetworks.generator(config, channelsB, channelsA), manager,
                seed * 31 + 2);
        discriminatorA = add(TranslationNetworks.DISCRIMINATOR_A, TranslationNetworks.discriminator(config, channelsA), manager,
                seed * 31 + 3);
        discriminatorB = add(TranslationNetworks.DISCRIMINATOR_B, TranslationNetworks.discriminator(config, channelsB), manager,
                seed * 31 + 4);
        poolA = new ImagePool(config.poolSize(), manager);
        poolB = new ImagePool(config.poolSize(), manager);
        ready();
    }

    @Override
    public List<String> lossNames() {
        return withPenalties(List.of("loss_D_A", "loss_D_B", "loss_G", "loss_G_AB", "loss_G_BA", "loss_cycle_A", "loss_cycle_B",
                "loss_idt_A", "loss_idt_B"), "gradient_penalty_A", "gradient_penalty_B");
    }

    @Override
    public void optimizeParameters(TrainingStep step) {
        if (input == null) {
            throw new IllegalStateException("setInput must come before optimizeParameters");
        }
        NDArray realA = input.images();
        NDArray realB = input.targets();
        float lambdaA = (float) config.lambdaA();
        float lambdaB = (float) config.lambdaB();
        float lambdaIdt = (float) config.lambdaIdentity();
        seedDropout(step, generatorAB, generatorBA);
        NDArray fakeA;
        NDArray fakeB;
        // The generators' losses go back through the discriminators, which must not collect them.
        discriminatorA.requireGradients(false);
        discriminatorB.requireGradients(false);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            fakeB = generatorAB.forward(realA, true);
            NDArray recA = generatorBA.forward(fakeB, true);
            fakeA = generatorBA.forward(realB, true);
            NDArray recB = generatorAB.forward(fakeA, true);
            NDArray ganAB = adversarial.generatorLoss(discriminatorB.forward(fakeB, true));
            NDArray ganBA = adversarial.generatorLoss(discriminatorA.forward(fakeA, true));
            NDArray cycleA = GraphConstants.times(Losses.l1(recA, realA), lambdaA);
            NDArray cycleB = GraphConstants.times(Losses.l1(recB, realB), lambdaB);
            NDArray lossG = ganAB.add(ganBA).add(cycleA).add(cycleB);
            if (lambdaIdt > 0) {
                NDArray idtA = GraphConstants.times(Losses.l1(generatorAB.forward(realB, true), realB), lambdaB * lambdaIdt);
                NDArray idtB = GraphConstants.times(Losses.l1(generatorBA.forward(realA, true), realA), lambdaA * lambdaIdt);
                lossG = lossG.add(idtA).add(idtB);
                losses.put("loss_idt_A", value(idtA));
                losses.put("loss_idt_B", value(idtB));
            } else {
                losses.put("loss_idt_A", 0.0);
                losses.put("loss_idt_B", 0.0);
            }
            losses.put("loss_G_AB", value(ganAB));
            losses.put("loss_G_BA", value(ganBA));
            losses.put("loss_cycle_A", value(cycleA));
            losses.put("loss_cycle_B", value(cycleB));
            losses.put("loss_G", value(lossG));
            collector.backward(lossG);
        } finally {
            discriminatorA.requireGradients(true);
            discriminatorB.requireGradients(true);
        }
        step(TranslationNetworks.GENERATOR_AB, TranslationNetworks.GENERATOR_BA);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray pooledB = poolB.query(fakeB.stopGradient(), step.random("pool-B"));
            NDArray pooledA = poolA.query(fakeA.stopGradient(), step.random("pool-A"));
            NDArray lossDB = discriminatorLoss(discriminatorB, realB, pooledB, step, "gradient_penalty_B");
            NDArray lossDA = discriminatorLoss(discriminatorA, realA, pooledA, step, "gradient_penalty_A");
            losses.put("loss_D_A", value(lossDA));
            losses.put("loss_D_B", value(lossDB));
            collector.backward(lossDA.add(lossDB));
        }
        step(TranslationNetworks.DISCRIMINATOR_A, TranslationNetworks.DISCRIMINATOR_B);
    }

    /** The image pools are training state: a resumed run must see the same history of fakes. */
    @Override
    public Map<String, NDList> optimizerState(NDManager manager) {
        Map<String, NDList> state = super.optimizerState(manager);
        state.put("pool_A", poolA.state(manager));
        state.put("pool_B", poolB.state(manager));
        return state;
    }

    @Override
    public void loadOptimizerState(Map<String, NDList> state) {
        super.loadOptimizerState(state);
        poolA.load(require(state, "pool_A"));
        poolB.load(require(state, "pool_B"));
    }

    Network generatorAB() {
        return generatorAB;
    }

    Network generatorBA() {
        return generatorBA;
    }
}
