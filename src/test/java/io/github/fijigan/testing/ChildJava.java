package io.github.fijigan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a JVM of its own with the test's class path, capturing its output, with a time limit. */
public final class ChildJava {

    /** How one child run ended. */
    public record Result(int code, String output) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + output;
        }
    }

    private ChildJava() {
    }

    /**
     * @param display the {@code DISPLAY} for the child, or null for a headless child
     * @param log where the child's output goes (kept for a failing test's message)
     */
    public static Result run(String display, Path log, long timeoutSeconds, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-Dai.djl.offline=true");
        command.add("-Djava.awt.headless=" + (display == null));
        String prefs = System.getProperty("java.util.prefs.userRoot");
        if (prefs != null) {
            command.add("-Djava.util.prefs.userRoot=" + prefs);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DISPLAY");
        if (display != null) {
            builder.environment().put("DISPLAY", display);
        }
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Result(-1, "timed out after " + timeoutSeconds + " s (a dialog waiting for a click?)\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
