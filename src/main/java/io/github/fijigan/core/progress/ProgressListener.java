package io.github.fijigan.core.progress;

/**
 * Receives how far a long task has come: loading a dataset, an epoch of training, tiles of an
 * inference. Core code reports through this interface only; the Fiji command forwards to SciJava's
 * {@code StatusService}, the command line draws a console bar, tests record the calls.
 *
 * <p>Calls come from the thread doing the work, so an implementation should return quickly (update
 * a field, post to a UI thread) and must not throw.
 *
 * <pre>{@code
 * ProgressListener console = (done, total, message) ->
 *         System.err.printf("%d/%d %s%n", done, total, message);
 * TrainingImages data = TrainingImages.load(folder, reader, options, console, new CancellationToken());
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores every report. */
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done units of work finished, 0 ≤ done ≤ total when the total is known
     * @param total units of work in all; 0 when unknown (then {@code done} is only a count)
     * @param message what is happening now, for a status line (e.g. "Reading circle_007.png"); never null
     */
    void progress(long done, long total, String message);

    /** Reports a status line without a count: {@code progress(0, 0, message)}. */
    default void message(String message) {
        progress(0, 0, message);
    }

    /**
     * A listener that maps this task's own steps into a slice of a larger task, so a loader can
     * report 0..n while the caller sees them as {@code from..from+length} of {@code total}.
     *
     * <pre>{@code
     * // loading is the first 10 of 100 units of the whole run
     * TrainingImages.load(folder, reader, options, listener.part(0, 10, 100), token);
     * }</pre>
     *
     * @param from where the slice starts in the larger task's units
     * @param length the slice's length in the larger task's units
     * @param total the larger task's total
     */
    default ProgressListener part(long from, long length, long total) {
        if (from < 0 || length < 0 || total < from + length) {
            throw new IllegalArgumentException("progress slice " + from + "+" + length + " does not fit in a total of " + total);
        }
        ProgressListener outer = this;
        return (done, partTotal, message) -> {
            long mapped = partTotal <= 0 ? from : from + Math.round((double) length * Math.min(done, partTotal) / partTotal);
            outer.progress(mapped, total, message);
        };
    }
}
