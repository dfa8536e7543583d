package io.github.fijigan.command;

import java.nio.file.Path;
import java.util.Locale;

import io.github.fijigan.core.train.ResumePoint;
import io.github.fijigan.core.train.TrainingListener;
import org.scijava.log.LogService;

/** Logs one line per epoch with the mean losses, one per validation, and one per checkpoint, for the Train commands. */
final class EpochLog implements TrainingListener {

    private final LogService log;

    EpochLog(LogService log) {
        this.log = log;
    }

    @Override
    public void epochDone(Epoch epoch) {
        log.info(String.format("Epoch %d/%d: %s", epoch.epoch() + 1, epoch.epochs(), epoch.meanLosses()));
    }

    @Override
    public void validated(Validation v) {
        log.info(String.format(Locale.ROOT, "Validation after epoch %d: %s%s", v.epoch(), v.metrics(), v.improved()
                ? " (best so far; best_model.zip)" : v.best().map(b -> String.format(Locale.ROOT, " (best: epoch %d, %s %.6g)",
                        b.epoch(), b.metric(), b.value())).orElse("")));
    }

    @Override
    public void checkpointWritten(Path file, ResumePoint at) {
        log.info("Checkpoint " + file);
    }
}
