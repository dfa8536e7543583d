package io.github.fijigan.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An X display for tests that need a real ImageJ1 user interface (menus, windows): the session's
 * own {@code DISPLAY} when there is one (a desktop, or a run under {@code xvfb-run}), otherwise a
 * private Xvfb started on a free display number and stopped by {@link #close()}. Tests call
 * {@link #acquire()} and skip themselves when it is empty (no display and no Xvfb installed).
 *
 * <pre>{@code
 * Optional<XvfbDisplay> display = XvfbDisplay.acquire();
 * assumeTrue(display.isPresent(), "needs a display or Xvfb");
 * ChildJava.run(display.get().name(), MainClass.class, ...);
 * }</pre>
 */
public final class XvfbDisplay implements AutoCloseable {

    private static final Path SOCKETS = Path.of("/tmp/.X11-unix");

    private final String name;
    private final Process server;

    private XvfbDisplay(String name, Process server) {
        this.name = name;
        this.server = server;
    }

    /** @return a display to use, or empty when there is none and Xvfb is not installed */
    public static Optional<XvfbDisplay> acquire() throws IOException, InterruptedException {
        String current = System.getenv("DISPLAY");
        if (current != null && !current.isBlank()) {
            return Optional.of(new XvfbDisplay(current, null));
        }
        Optional<Path> xvfb = onPath("Xvfb");
        if (xvfb.isEmpty()) {
            return Optional.empty();
        }
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 400; n++) {
            if (Files.exists(SOCKETS.resolve("X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process server = new ProcessBuilder(xvfb.get().toString(), ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (waitForSocket(n, server)) {
                return Optional.of(new XvfbDisplay(":" + n, server));
            }
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
        return Optional.empty();
    }

    /** Waits until the server listens; false when it exits first (display taken by a race) or takes over 15 s. */
    private static boolean waitForSocket(int n, Process server) throws InterruptedException {
        Path socket = SOCKETS.resolve("X" + n);
        for (int i = 0; i < 150; i++) {
            if (Files.exists(socket)) {
                return true;
            }
            if (!server.isAlive()) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return the value for {@code DISPLAY}, e.g. {@code :99} */
    public String name() {
        return name;
    }

    /** Stops the Xvfb this started; leaves a session's own display alone. */
    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }
}
