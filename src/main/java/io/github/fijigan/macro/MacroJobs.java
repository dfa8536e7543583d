package io.github.fijigan.macro;

import ij.IJ;
import io.github.fijigan.core.job.Failures;
import io.github.fijigan.core.job.Job;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Runs a {@link Job} for a macro function and answers with the status string macros test:
 * {@code ok: <summary>}, {@code cancelled: <summary>} or {@code error: <message naming the input>}.
 * Progress goes to ImageJ's progress bar and status line; Esc cancels. Nothing here opens a
 * dialog or throws, so a batch macro always gets its answer.
 */
final class MacroJobs {

    /** Builds the job from a macro function's arguments, or refuses them. */
    @FunctionalInterface
    interface JobFactory {
        Job<? extends JobResult> create() throws JobInputException;
    }

    /** Produces the answer of a function that runs no job (e.g. reading a model's description). */
    @FunctionalInterface
    interface Answer {
        String get() throws Exception;
    }

    private MacroJobs() {
    }

    static String run(JobFactory factory) {
        return answer(() -> {
            Job<? extends JobResult> job = factory.create();
            CancellationToken token = new CancellationToken();
            IJ.resetEscape();
            ProgressListener progress = (done, total, message) -> {
                if (IJ.escapePressed()) {
                    token.cancel();
                }
                if (total > 0) {
                    IJ.showProgress((double) done / total);
                }
                IJ.showStatus(message);
            };
            try {
                JobResult result = job.run(progress, token);
                return (result.cancelled() ? "cancelled: " : "ok: ") + result.summary();
            } finally {
                IJ.showProgress(1.0);
            }
        });
    }

    /** @return {@code ok: } + the answer, or {@code error: } / {@code cancelled: } + why not */
    static String answer(Answer answer) {
        try {
            String text = answer.get();
            return text.startsWith("ok: ") || text.startsWith("cancelled: ") ? text : "ok: " + text;
        } catch (CancelledException e) {
            return "cancelled: " + e.getMessage();
        } catch (JobInputException e) {
            return "error: " + e.getMessage();
        } catch (Exception | LinkageError e) {
            // LinkageError: a native library that will not load must still come back as a status.
            return "error: " + Failures.message(e);
        }
    }
}
