package io.github.fijigan.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.BlockNetwork;
import io.github.fijigan.core.infer.ImageToImageNetwork;
import io.github.fijigan.core.nn.NetworkFactory;

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

    /**
     * Writes the model users apply (the networks inference needs), atomically.
     *
     * @param epochs the epochs it was trained for, recorded in its provenance
     */
    void writeModel(Path file, M model, int epochs);

    /**
     * @return the channels a validation pair's input and reference must have, {@code {input,
     *     reference}}, as the data fixed them
     * @throws UnsupportedOperationException for kinds that have nothing to compare with (synthesis)
     */
    default int[] validationChannels() {
        throw new UnsupportedOperationException("this kind of model has no reference images to be validated against");
    }

    /**
     * The model as users apply it once trained: the inference code of its kind (tiled, whole images
     * in their own units and type, default tiling) around the networks being trained, in inference
     * mode. It draws no random number and changes no state of the model, so training goes on exactly
     * as without it.
     *
     * @param manager the manager of the model's networks
     * @throws UnsupportedOperationException for kinds that have nothing to compare with (synthesis)
     */
    default UnaryOperator<CalibratedImage<?>> inference(M model, NDManager manager) {
        throw new UnsupportedOperationException("this kind of model has no reference images to be validated against");
    }

    /** @return a network being trained as inference runs it: its block in inference mode, with its channels and size multiple */
    static ImageToImageNetwork inferenceNetwork(Network network, NDManager manager) {
        return new BlockNetwork(network.block(), manager, network.spec().inChannels(), network.spec().outChannels(),
                NetworkFactory.sizeMultiple(network.spec()));
    }
}
