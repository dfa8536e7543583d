package io.github.fijigan.cli;

import java.io.PrintStream;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

import io.github.fijigan.core.job.Failures;
import org.scijava.Context;
import org.scijava.console.ConsoleService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.module.event.ModuleCanceledEvent;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.module.event.ModuleFinishedEvent;
import org.scijava.run.RunService;
import org.scijava.startup.StartupService;

/**
 * SciJava's own command line, as Fiji handles it: {@code --headless --run <command> "key='value',…"}.
 * The arguments go to a fresh {@link Context}'s {@link ConsoleService}, whose argument plugins
 * handle them exactly as in Fiji ({@code --headless} makes the UI headless, {@code --run} queues
 * the command with its parameters), then the queued work runs. The command may be named by menu
 * path ({@code Plugins>GAN>Model Info}), title ({@code Model Info}) or class name.
 *
 * <p>Unlike Fiji, the exit code says how it went: 0 when every command finished, 1 when one was
 * cancelled (e.g. refused its inputs) or threw, 2 when the command is unknown or {@code --run}
 * lacks its command.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar --headless --run "Plugins>GAN>Model Info" "model='/data/m.zip'"
 * </pre>
 */
final class SciJavaRun {

    static final String RUN = "--run";
    static final String HEADLESS = "--headless";

    private SciJavaRun() {
    }

    /** @return whether the arguments are SciJava's: they start with {@code --headless} or {@code --run} */
    static boolean handles(List<String> args) {
        return !args.isEmpty() && (args.get(0).equals(HEADLESS) || args.get(0).equals(RUN));
    }

    static int run(List<String> args, PrintStream out, PrintStream err, boolean debug) {
        int at = args.indexOf(RUN);
        if (at < 0 || at + 1 >= args.size()) {
            err.println(Main.PROGRAM + ": " + RUN + " needs a command: " + RUN + " \"Plugins>GAN>Model Info\" \"model='m.zip'\"");
            return 2;
        }
        if (args.contains(HEADLESS)) {
            // Before any AWT class loads: no window, no display needed.
            System.setProperty("java.awt.headless", "true");
        }
        // SciJava logs to System.out/err; send it where this run's output goes (the same streams
        // in the real program, the test's streams in tests).
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        System.setOut(out);
        System.setErr(err);
        Context context = new Context();
        try {
            Outcomes outcomes = new Outcomes();
            // The event service holds subscribers weakly: keep them referenced until the end.
            List<EventSubscriber<?>> subscribers = context.service(EventService.class).subscribe(outcomes);
            String command = args.get(at + 1);
            if (!context.service(RunService.class).supports(command)) {
                err.println(Main.PROGRAM + ": " + RUN + ": no command \"" + command + "\"; give a menu path such as"
                        + " \"Plugins>GAN>Model Info\", a command title or a class name");
                return 2;
            }
            context.service(ConsoleService.class).processArgs(args.toArray(new String[0]));
            context.service(StartupService.class).executeOperations();
            int code = outcomes.exitCode(command, err);
            Reference.reachabilityFence(subscribers);
            return code;
        } catch (RuntimeException e) {
            err.println(Main.PROGRAM + ": " + Failures.message(e));
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        } finally {
            context.dispose();
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
    }

    /** Hears how each module run ended; SciJava publishes these events on the running thread. */
    public static final class Outcomes {

        private final List<String> failures = new ArrayList<>();
        private int finished;

        @EventHandler
        public void onCanceled(ModuleCanceledEvent event) {
            failures.add(event.getModule().getInfo().getTitle() + ": " + reason(event.getReason()));
        }

        @EventHandler
        public void onErrored(ModuleErroredEvent event) {
            failures.add(event.getModule().getInfo().getTitle() + ": " + Failures.message(event.getException()));
        }

        @EventHandler
        public void onFinished(ModuleFinishedEvent event) {
            finished++;
        }

        synchronized int exitCode(String command, PrintStream err) {
            failures.forEach(f -> err.println(Main.PROGRAM + ": " + f));
            if (!failures.isEmpty()) {
                return 1;
            }
            if (finished == 0) {
                err.println(Main.PROGRAM + ": " + command + " did not run");
                return 1;
            }
            return 0;
        }

        private static String reason(String reason) {
            return reason == null || reason.isBlank() ? "cancelled" : reason;
        }
    }
}
