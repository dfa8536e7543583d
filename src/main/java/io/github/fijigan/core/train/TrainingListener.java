package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;


/**
 * Hears what a training run does: a command shows progress and a live loss plot, the CLI draws a
 * progress bar, a test records losses. Called on the training thread; keep it quick.
 */
public interface TrainingListener {

    /**
     * @param images training images
     * @param iterationsPerEpoch batches per epoch
     * @param totalIterations iterations of the whole run
     * @param start where the run starts (0 unless resumed)
     */
    record Plan(TrainConfig config, Path runFolder, int images, int iterationsPerEpoch, long totalIterations, ResumePoint start) {}

    /** One iteration: its place in the run, the losses after it, and how long it took. */
    record Iteration(int epoch, int iteration, long globalIteration, long totalIterations, Map<String, Double> losses,
            double seconds) {}

    /** One epoch: the mean of each loss over it, and the sample grid written at its end. */
    record Epoch(int epoch, int epochs, Map<String, Double> meanLosses, Path samples) {}

    /**
     * One validation: the generator measured on the held-out pairs after an epoch.
     *
     * @param epoch epochs done, from 1
     * @param iteration iterations done
     * @param metrics each validation metric's mean over the pairs, by name
     * @param improved whether the selected metric improved, so {@code best_model.zip} was rewritten
     * @param best the best validated epoch so far (this one when improved)
     */
    record Validation(int epoch, long iteration, Map<String, Double> metrics, boolean improved, Optional<BestModel> best) {}

    default void started(Plan plan) {}

    default void iterationDone(Iteration iteration) {}

    default void epochDone(Epoch epoch) {}

    /** Called after the epochs that validate, before {@link #epochDone} of the same epoch. */
    default void validated(Validation validation) {}

    default void checkpointWritten(Path file, ResumePoint at) {}

    default void finished(TrainingResult result) {}
}
