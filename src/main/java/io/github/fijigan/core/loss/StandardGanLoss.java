package io.github.fijigan.core.loss;

import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The four GAN losses {@link GanLoss#byName} knows, as the reference implementations define them.
 * Intermediate arrays belong to the logits' manager, like those of any other operation: the caller's
 * per-step sub-manager or {@code NDScope} closes them.
 */
enum StandardGanLoss implements GanLoss {

    /**
     * Binary cross-entropy on logits: {@code -log sigmoid(x) = softplus(-x)} for real (target 1),
     * {@code -log(1 - sigmoid(x)) = softplus(x)} for fake (target 0); the generator's loss is the
     * non-saturating {@code -log D(G(z)) = softplus(-x)}.
     */
    VANILLA("vanilla") {
        @Override
        public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
            // softplus (PyTorch's, which returns x itself above 20, within 2e-9 of the exact value)
            // never forms sigmoid(x) and its log, so large logits neither overflow nor lose the gradient.
            return Activation.softPlus(realLogits.neg()).mean().add(Activation.softPlus(fakeLogits).mean());
        }

        @Override
        public NDArray generatorLoss(NDArray fakeLogits) {
            return Activation.softPlus(fakeLogits.neg()).mean();
        }
    },

    /** Least squares as in pix2pix and CycleGAN ({@code MSELoss} means): D to 1 and 0, G to 1. */
    LSGAN("lsgan") {
        @Override
        public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return realLogits.sub(1).square().mean().add(fakeLogits.square().mean());
        }

        @Override
        public NDArray generatorLoss(NDArray fakeLogits) {
            return fakeLogits.sub(1).square().mean();
        }
    },

    /** Wasserstein critic: {@code mean(fake) - mean(real)}; the generator minimises {@code -mean(fake)}. */
    WGAN("wgan") {
        @Override
        public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return fakeLogits.mean().sub(realLogits.mean());
        }

        @Override
        public NDArray generatorLoss(NDArray fakeLogits) {
            return fakeLogits.mean().neg();
        }
    },

    /** Hinge: {@code mean(relu(1 - real)) + mean(relu(1 + fake))}; the generator minimises {@code -mean(fake)}. */
    HINGE("hinge") {
        @Override
        public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return Activation.relu(realLogits.neg().add(1)).mean().add(Activation.relu(fakeLogits.add(1)).mean());
        }

        @Override
        public NDArray generatorLoss(NDArray fakeLogits) {
            return fakeLogits.mean().neg();
        }
    };

    private final String id;

    StandardGanLoss(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(StandardGanLoss::id).toList();
    }
}
