package io.github.fijigan.command;

import java.io.File;
import java.nio.file.Path;

import io.github.fijigan.core.job.Failures;
import io.github.fijigan.core.job.Job;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.core.progress.ProgressListener;
import ij.IJ;
import ij.macro.Interpreter;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

/**
 * The base of the Plugins › GAN commands that run a {@link Job}: a subclass collects its
 * parameters, builds the job and calls {@link #runJob}, which
 * <ul>
 * <li>reports progress and status through {@link StatusService} (Fiji's status and progress bar);</li>
 * <li>cancels the job when the command is cancelled ({@link #cancel}), its thread interrupted, or
 * Esc pressed in ImageJ, so training stops after the current iteration with a checkpoint;</li>
 * <li>turns a failure into {@link #fail}: the message (naming the input) goes to
 * {@link LogService#error} and {@link #cancel}, so the module ends cancelled with that reason, a
 * macro or headless run sees it, and nothing opens a dialog.</li>
 * </ul>
 * Inputs are checked before {@code run()} by {@link ParameterCheckPreprocessor} (min, max, choices).
 *
 * <pre>{@code
 * @Plugin(type = Command.class, menuPath = "Plugins>GAN>Denoise", headless = true)
 * public class DenoiseCommand extends JobCommand {
 *     @Parameter File model;  @Parameter File input_folder;  @Parameter File output_folder;
 *     public void run() {
 *         DenoiseJob.Result r = runJob(DenoiseJob.create(model.toPath(), ...));
 *         if (r != null) output = ...;
 *     }
 * }
 * }</pre>
 */
public abstract class JobCommand extends ContextCommand {

    @Parameter
    protected LogService log;

    @Parameter(required = false)
    protected StatusService status;

    @Parameter(required = false)
    protected UIService ui;

    @Parameter(required = false)
    private CommandService commands;

    private final CancellationToken token = new CancellationToken();

    /** Cancels the command and the job it runs. */
    @Override
    public void cancel(String reason) {
        super.cancel(reason);
        token.cancel();
    }

    /**
     * Runs the job, reporting progress; a failure ends the command through {@link #fail}.
     *
     * @return the job's result, or null when it failed or was cancelled before it had one
     */
    protected <R extends JobResult> R runJob(Job<R> job) {
        String title = job.title();
        showStatus(title);
        IJ.resetEscape();
        try {
            R result = job.run(progress(), token);
            if (result.cancelled()) {
                log.info(title + ": " + result.summary());
                if (!isCanceled()) {
                    cancel(result.summary());
                }
            } else {
                log.info(title + ": " + result.summary());
            }
            showStatus(result.summary());
            return result;
        } catch (CancelledException e) {
            log.info(title + ": " + e.getMessage());
            if (!isCanceled()) {
                cancel(e.getMessage());
            }
        } catch (JobInputException e) {
            fail(e.getMessage(), e);
        } catch (Exception e) {
            fail(Failures.message(e), e);
        } finally {
            if (status != null) {
                status.showProgress(0, 0);
            }
        }
        return null;
    }

    /** Ends the command as failed: logs the message as an error and cancels with it as the reason. */
    protected void fail(String message) {
        fail(message, null);
    }

    private void fail(String message, Throwable cause) {
        if (cause != null) {
            log.debug(cause);
        }
        log.error(title() + ": " + message);
        showStatus(message);
        cancel(message);
    }

    /** @return the path of a file parameter, or null when it is not set (the job then names it as missing) */
    protected static Path path(File file) {
        return file == null || file.getPath().isEmpty() ? null : file.toPath();
    }

    /** @return the command's title as the menu shows it, for messages */
    private String title() {
        CommandInfo info = commands == null ? null : commands.getCommand(getClass());
        return info == null ? getClass().getSimpleName() : info.getTitle();
    }

    /** @return whether windows may be shown: a UI that is not headless, and no batch-mode macro */
    protected boolean hasDisplay() {
        return ui != null && !ui.isHeadless() && !Interpreter.isBatchMode();
    }

    private void showStatus(String message) {
        if (status != null) {
            status.showStatus(message);
        }
    }

    private ProgressListener progress() {
        return (done, total, message) -> {
            if (Thread.currentThread().isInterrupted() || IJ.escapePressed()) {
                token.cancel();
            }
            if (status == null) {
                return;
            }
            if (total > 0) {
                // StatusService counts in ints; scale long counts down alike.
                double scale = total > Integer.MAX_VALUE ? (double) Integer.MAX_VALUE / total : 1;
                status.showStatus((int) (done * scale), (int) (total * scale), message);
            } else {
                status.showStatus(message);
            }
        };
    }
}
