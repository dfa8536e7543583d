package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param model the final model bundle; empty when the run was cancelled before its end
 * @param checkpoint the last checkpoint written, to resume from
 * @param epochsCompleted whole epochs done
 * @param iterations iterations done since the start of the run (resumed ones included)
 * @param cancelled whether the run stopped on request
 * @param lastLosses the losses of the last iteration
 */
public record TrainingResult(Optional<Path> model, Optional<Path> checkpoint, int epochsCompleted, long iterations,
        boolean cancelled, Map<String, Double> lastLosses) {

    public TrainingResult {
        lastLosses = Map.copyOf(lastLosses);
    }
}
