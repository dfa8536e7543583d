package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.fijigan.core.job.Failures;
import io.github.fijigan.core.job.Job;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;

/**
 * Runs a {@link Job} for a subcommand: a progress bar on the error stream, the summary on the
 * output stream, Ctrl+C turned into a cancel that lets the job finish its step (training writes a
 * checkpoint), and failures turned into one line naming the option at fault.
 *
 * <pre>{@code
 * return JobRunner.run(job, Map.of("output_folder", "--output"), out, err);
 * }</pre>
 */
final class JobRunner {

    /** How long Ctrl+C waits for a cancelled job to write what it keeps (a training checkpoint). */
    private static final long SHUTDOWN_WAIT_SECONDS = 120;

    private JobRunner() {
    }

    /**
     * @param options the command-line option of each job input key whose option is not
     *     {@code --} + the key with dashes (e.g. {@code output_folder} → {@code --output})
     * @return the exit code: 0 done, 1 cancelled
     * @throws CommandFailure when the job fails, with a message naming the option
     */
    static <R extends JobResult> int run(Job<R> job, Map<String, String> options, PrintStream out, PrintStream err) {
        ConsoleProgress progress = ConsoleProgress.forStream(err);
        CancellationToken token = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            token.cancel();
            try {
                finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fiji-gan-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            R result = job.run(progress, token);
            progress.finish();
            out.println(result.summary());
            out.flush();
            return result.cancelled() ? 1 : 0;
        } catch (CancelledException e) {
            progress.finish();
            err.println(Main.PROGRAM + ": " + e.getMessage());
            return 1;
        } catch (JobInputException e) {
            progress.finish();
            throw new CommandFailure(optionName(e.input(), options) + ": " + e.problem(), e);
        } catch (RuntimeException e) {
            progress.finish();
            throw e;
        } catch (Exception e) {
            progress.finish();
            throw new CommandFailure(Failures.message(e), e);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running (Ctrl+C): it returns now that the job has finished.
            }
        }
    }

    /** @return the option users type for a job's input key */
    static String optionName(String input, Map<String, String> options) {
        return options.getOrDefault(input, "--" + input.replace('_', '-'));
    }
}
