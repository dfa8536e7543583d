package io.github.fijigan.core.train;

import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.data.ImageBatch;

/**
 * One kind of GAN, as the trainer sees it (after {@code BaseModel} in pytorch-CycleGAN-and-pix2pix):
 * it takes a batch, updates its networks with one iteration of its own recipe, and reports its
 * losses. The trainer knows nothing of discriminators, penalties or classes.
 *
 * <pre>{@code
 * model.setInput(batch);
 * model.optimizeParameters(step);
 * Map<String, Double> losses = model.currentLosses();   // e.g. {loss_D=1.21, loss_G=0.83}
 * }</pre>
 */
public interface GanModel {

    /** Sets the batch of real images (and labels) for the next {@link #optimizeParameters}. */
    void setInput(ImageBatch batch);

    /** Runs one iteration: forward passes, losses, backward passes and optimiser steps. */
    void optimizeParameters(TrainingStep step);

    /** @return the names of the losses this model reports, in a fixed order (the history's columns) */
    List<String> lossNames();

    /** @return the losses of the last iteration, by name, in {@link #lossNames()} order */
    Map<String, Double> currentLosses();

    /** @return every network, generator first, to save and to restore */
    Map<String, Network> networks();

    /** Scales every learning rate by {@code factor} (the schedule's value for the epoch). */
    void setLearningRateFactor(double factor);

    /** @return copies of the optimisers' state in {@code manager}, by name, for a checkpoint */
    Map<String, NDList> optimizerState(NDManager manager);

    /** Restores what {@link #optimizerState} saved. */
    void loadOptimizerState(Map<String, NDList> state);
}
