package io.github.fijigan.command;

import java.nio.file.Path;

import io.github.fijigan.core.train.ResumePoint;
import io.github.fijigan.core.train.TrainingListener;
import org.scijava.log.LogService;

/** Logs one line per epoch with the mean losses, and one per checkpoint, for the Train commands. */
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
    public void checkpointWritten(Path file, ResumePoint at) {
        log.info("Checkpoint " + file);
    }
}
