package io.github.fijigan.core.job;

import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * One piece of work the command line, a Fiji command and a macro function all run the same way:
 * they build the job from their own parameters, hand it a {@link ProgressListener} (a console bar,
 * SciJava's status bar, ImageJ1's progress bar) and a {@link CancellationToken} (Ctrl+C, the
 * command's cancel, Esc), and turn its result or exception into their own kind of answer. The job
 * does the checking, so every front end refuses a bad input with the same message.
 *
 * <pre>{@code
 * Job<GenerateJob.Result> job = GenerateJob.create(Path.of("m.zip"), Path.of("out"), 100).seed(7);
 * GenerateJob.Result result = job.run(ProgressListener.NONE, new CancellationToken());
 * System.out.println(result.summary());
 * }</pre>
 *
 * @param <R> what the job hands back
 */
public interface Job<R extends JobResult> {

    /** @return what the job does, for a status line, e.g. {@code Training dcgan on shapes} */
    String title();

    /**
     * Does the work; returns when every output file is complete.
     *
     * @param progress hears how far the work has come
     * @param cancel checked between steps; a cancelled job returns a result whose
     *     {@link JobResult#cancelled()} is true, or throws
     *     {@link io.github.fijigan.core.progress.CancelledException} when it had nothing to keep
     * @return what was made
     * @throws JobInputException when an input is missing, unreadable or wrong; the message names it
     * @throws Exception any other failure, with a message for a user
     */
    R run(ProgressListener progress, CancellationToken cancel) throws Exception;
}
