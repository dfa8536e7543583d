package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.fijigan.core.progress.ProgressListener;

/**
 * A console progress bar with the time left. On a terminal it is one line, redrawn in place with
 * {@code \r} at most ten times a second; when the output is a file or a pipe (a batch job's log)
 * it prints a plain line at the start of each phase, then every {@code interval}, and at the end
 * of the phase, so logs stay short and readable.
 *
 * <pre>
 * [##########----------]  50%  3/6  0:04 left  Epoch 1/1, iteration 3/6: loss_D 1.32, loss_G 0.71
 * </pre>
 *
 * <p>A phase is a run of reports with the same total (reading files, then training iterations);
 * the time left is estimated from the phase's own rate.
 *
 * <pre>{@code
 * ConsoleProgress bar = ConsoleProgress.forStream(System.err);
 * job.run(bar, token);
 * bar.finish();
 * }</pre>
 */
public final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 20;
    private static final int MAX_LINE = 150;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long intervalNanos;

    private long phaseTotal = -1;
    private long phaseStartDone;
    private long phaseStartNanos;
    private long lastDone;
    private long lastDrawNanos;
    private int drawnLength;
    private boolean drawn;

    /**
     * @param out where the bar goes (the command line's error stream, so results on stdout stay clean)
     * @param terminal whether to redraw one line in place
     * @param clock nanoseconds, e.g. {@code System::nanoTime}
     * @param intervalNanos how often a plain line is printed within a phase when not on a terminal
     */
    public ConsoleProgress(PrintStream out, boolean terminal, LongSupplier clock, long intervalNanos) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
    }

    /** @return a bar on {@code out}, redrawn in place when the process has a terminal, else a line every 10 s */
    public static ConsoleProgress forStream(PrintStream out) {
        return new ConsoleProgress(out, System.console() != null, System::nanoTime, TimeUnit.SECONDS.toNanos(10));
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        long now = clock.getAsLong();
        boolean newPhase = total != phaseTotal || done < lastDone;
        if (newPhase) {
            endLine();
            phaseTotal = total;
            phaseStartDone = done;
            phaseStartNanos = now;
        }
        lastDone = done;
        // A report without a total is a change of status ("Loading m.zip"): rare, and always shown.
        boolean always = newPhase || total <= 0 || done >= total;
        if (terminal) {
            if (always || now - lastDrawNanos >= REDRAW_NANOS) {
                String line = line(done, total, message, now);
                out.print('\r' + line + " ".repeat(Math.max(0, drawnLength - line.length())));
                out.flush();
                drawnLength = line.length();
                drawn = true;
                lastDrawNanos = now;
            }
        } else if (always || now - lastDrawNanos >= intervalNanos) {
            out.println(line(done, total, message, now));
            out.flush();
            lastDrawNanos = now;
        }
    }

    /** Ends the redrawn line, so what is printed next starts on a line of its own. */
    public synchronized void finish() {
        endLine();
    }

    private void endLine() {
        if (drawn) {
            out.println();
            out.flush();
            drawn = false;
            drawnLength = 0;
        }
    }

    /** @return the bar, percentage, count, time left and message; only the message when the total is unknown */
    String line(long done, long total, String message, long now) {
        if (total <= 0) {
            return clip(message);
        }
        double fraction = Math.min(1.0, Math.max(0.0, (double) done / total));
        int filled = (int) Math.floor(fraction * WIDTH);
        String bar = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
        return clip(String.format(Locale.ROOT, "%s %3d%%  %d/%d  %s  %s", bar, (int) Math.floor(fraction * 100), done, total,
                timeLeft(done, total, now), message));
    }

    private String timeLeft(long done, long total, long now) {
        long counted = done - phaseStartDone;
        if (done >= total) {
            return "done in " + duration(now - phaseStartNanos);
        }
        if (counted <= 0) {
            return "--:-- left";
        }
        double perUnit = (double) (now - phaseStartNanos) / counted;
        return duration((long) (perUnit * (total - done))) + " left";
    }

    /** @return m:ss, or h:mm:ss from an hour on */
    static String duration(long nanos) {
        long seconds = Math.round(nanos / 1e9);
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    private static String clip(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }
}
