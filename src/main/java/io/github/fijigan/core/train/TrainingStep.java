package io.github.fijigan.core.train;

import java.util.SplittableRandom;

import io.github.fijigan.core.data.BatchOrder;

/**
 * Where a training iteration is in the run, and its random streams. Every random draw of an
 * iteration (noise, labels, interpolation weights, augmentation) comes from a stream that depends on
 * the run's seed, the epoch and the iteration only, so a resumed run draws exactly what an
 * uninterrupted one would have drawn.
 *
 * @param seed the run's seed
 * @param epoch 0-based epoch
 * @param iteration 0-based iteration within the epoch
 * @param globalIteration 0-based iteration counted from the start of the run
 */
public record TrainingStep(long seed, int epoch, int iteration, long globalIteration) {

    /** @return the random stream named {@code purpose} of this iteration */
    public SplittableRandom random(String purpose) {
        return BatchOrder.random(seed, epoch, iteration, purpose);
    }
}
