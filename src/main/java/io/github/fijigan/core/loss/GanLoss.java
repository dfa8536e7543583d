package io.github.fijigan.core.loss;

import java.util.List;
import java.util.Locale;

import ai.djl.ndarray.NDArray;

/**
 * The adversarial part of a GAN's objective: what the discriminator (critic) minimises on real and
 * generated samples, and what the generator minimises on its own samples.
 *
 * <p>Logits are the discriminator's raw outputs, before any sigmoid, of any shape: one per image
 * {@code (N)} or one per patch {@code (N, 1, h, w)}; every loss is a mean over all elements, taken
 * separately for the real and the fake logits. The discriminator loss is the sum of its real and fake
 * terms, without the factor 0.5 that pix2pix and CycleGAN apply when they back-propagate it: that
 * factor belongs to the model, not to the loss.
 *
 * <p>By name ({@link #byName}): {@code vanilla} (binary cross-entropy on logits, generator
 * non-saturating), {@code lsgan} (least squares), {@code wgan} (Wasserstein critic, to be used with
 * the {@link GradientPenalty}; {@code wgangp} is accepted for it) and {@code hinge}.
 *
 * <pre>{@code
 * GanLoss gan = GanLoss.byName("lsgan");
 * NDArray lossD = gan.discriminatorLoss(netD(real), netD(fake.stopGradient())).mul(0.5);
 * NDArray lossG = gan.generatorLoss(netD(fake));
 * }</pre>
 */
public interface GanLoss {

    /**
     * @param realLogits the discriminator's output on real samples
     * @param fakeLogits its output on generated samples (detached from the generator by the caller
     *     when only the discriminator is to learn)
     * @return the scalar loss the discriminator minimises
     */
    NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits);

    /**
     * @param fakeLogits the discriminator's output on generated samples
     * @return the scalar loss the generator minimises
     */
    NDArray generatorLoss(NDArray fakeLogits);

    /** @return the name {@link #byName} reads, e.g. {@code lsgan} */
    String id();

    /** @return the names {@link #byName} accepts, in a fixed order */
    static List<String> names() {
        return StandardGanLoss.ids();
    }

    /**
     * @param name {@code vanilla}, {@code lsgan}, {@code wgan} (alias {@code wgangp}) or {@code hinge};
     *     case and surrounding blanks do not matter
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    static GanLoss byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("wgangp")) {
            key = StandardGanLoss.WGAN.id();
        }
        for (StandardGanLoss loss : StandardGanLoss.values()) {
            if (loss.id().equals(key)) {
                return loss;
            }
        }
        throw new IllegalArgumentException("unknown GAN loss '" + name + "'; known: "
                + String.join(", ", names()) + " (wgangp is accepted for wgan)");
    }
}
