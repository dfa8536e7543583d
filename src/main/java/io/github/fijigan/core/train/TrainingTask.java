package io.github.fijigan.core.train;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.data.ImageBatch;

/**
 * What one family of models brings to the {@link GanTrainer}: its data, its model, and how its
 * batches, samples, checkpoints and final model are made. The trainer owns the loop, the run
 * folder, the schedule, the listeners and cancellation.
 *
 * @param <M> the model kind's class
 */
interface TrainingTask<M extends GanModel> {

    /** @return the training samples per epoch (e.g. max(|A|, |B|) for unaligned data) */
    int size();

    /** @return the model, with freshly initialised networks, in {@code manager} */
    M createModel(NDManager manager);

    /**
     * @param indices the samples of this batch
     * @param step where in the run this batch is: every random draw (crop, flip, pairing) comes from it
     */
    ImageBatch batch(NDManager manager, int[] indices, TrainingStep step);

    /** Writes the epoch's sample grid, from the same inputs every epoch. */
    void writeSamples(Path png, M model, NDManager manager) throws IOException;

    /** Restores the model from a checkpoint, and says where to resume. */
    ResumePoint restore(Path checkpoint, M model, NDManager manager);

    void writeCheckpoint(Path file, M model, ResumePoint at);

    /** Writes the model users apply (the networks inference needs). */
    void writeModel(Path file, M model);
}
