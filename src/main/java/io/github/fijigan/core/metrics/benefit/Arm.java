package io.github.fijigan.core.metrics.benefit;

/**
 * The training sets the augmentation-benefit experiment compares, each judged on the same held-out
 * real test set.
 */
public enum Arm {

    /** The real training images only. */
    REAL("real"),
    /** The real images plus classically augmented copies of them (rotation, scaling, flips). */
    CLASSICAL("real+classical"),
    /** The real images plus synthetic (GAN-generated) images. */
    SYNTHETIC("real+synthetic");

    private final String label;

    Arm(String label) {
        this.label = label;
    }

    /** @return the name in tables and plots: {@code real}, {@code real+classical}, {@code real+synthetic} */
    public String label() {
        return label;
    }
}
