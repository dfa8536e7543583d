package io.github.fijigan.core.nn;

import java.util.List;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;

/** The normalisation layers networks can be built with, by option value. */
final class Norms {

    static final String BATCH = "batch";
    static final String INSTANCE = "instance";
    static final String LAYER = "layer";
    static final String NONE = "none";
    static final List<String> GENERATOR = List.of(BATCH, INSTANCE, NONE);
    static final List<String> DISCRIMINATOR = List.of(BATCH, INSTANCE, LAYER, NONE);
    /** pix2pix/CycleGAN's {@code --norm} choices, for image-to-image generators and patch discriminators. */
    static final List<String> PIX2PIX = List.of(INSTANCE, BATCH, NONE);

    private Norms() {}

    /**
     * @return the layer for {@code name}, or null for {@code none}: batch norm as PyTorch's
     *     {@code BatchNorm2d} (eps 1e-5, PyTorch momentum 0.1), instance norm without affine
     *     parameters (pix2pix), layer norm over (C, H, W) with an element-wise affine (PyTorch's
     *     {@code LayerNorm([C, H, W])})
     */
    static Block create(String name, int channels) {
        return switch (name) {
            case BATCH -> BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
            case INSTANCE -> new InstanceNorm2d(channels, false);
            case LAYER -> LayerNorm.builder().axis(1, 2, 3).build();
            case NONE -> null;
            default -> throw new IllegalArgumentException("unknown norm '" + name + "'");
        };
    }

    /** Adds the layer for {@code name} to {@code layers}; nothing for {@code none}. */
    static void addTo(SequentialBlock layers, String name, int channels) {
        Block block = create(name, channels);
        if (block != null) {
            layers.add(block);
        }
    }

    /**
     * Convolutions get a bias exactly when the norm after them has no learned shift of its own, as
     * pix2pix's {@code use_bias}: none with batch or layer norm (DCGAN), one with instance norm
     * (no affine) or no norm.
     */
    static boolean convolutionBias(String name) {
        return NONE.equals(name) || INSTANCE.equals(name);
    }
}
