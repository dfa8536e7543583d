package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MainTest {

    /** One run of the command line with its exit code and both streams. */
    private static final class Result {
        final int code;
        final String out;
        final String err;

        Result(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    private static Result run(Main main, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = main.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private static Result run(String... args) {
        return run(new Main(), args);
    }

    @Test
    void infoStartsTheEngineAndPrintsWhatRuns() {
        Result r = run("info", "--device", "cpu", "--threads", "1");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("PyTorch 2.7.1"), r.out);
        assertTrue(r.out.contains("Fiji GAN:        dev"), r.out); // no jar manifest in tests
        assertTrue(r.out.contains("Java:            " + System.getProperty("java.version")), r.out);
        assertTrue(r.out.contains("Processors:      " + Runtime.getRuntime().availableProcessors()),
                r.out);
        assertTrue(r.out.contains("Max heap:"), r.out);
        assertTrue(r.out.contains("Threads:         1 intra-op"), r.out);
        assertTrue(r.out.contains("Selected device: cpu()"), r.out);
    }

    @Test
    void badDeviceIsAUsageErrorNamingTheValue() {
        Result r = run("info", "--device=gpu:x");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("\"gpu:x\""), r.err);
        assertTrue(r.err.contains("gpu:N"), r.err);
        assertTrue(r.err.contains("fiji-gan info --help"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Result r = run("nonsense");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("unknown subcommand \"nonsense\""), r.err);
        assertTrue(r.err.contains("fiji-gan help"), r.err);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("info", "--threads", "-1").code);
        assertEquals(2, run("info", "--threads").code);
        assertEquals(2, run("info", "extra").code);
        Result unknown = run("info", "--colour", "red");
        assertEquals(2, unknown.code);
        assertTrue(unknown.err.contains("unknown option --colour"), unknown.err);
        assertEquals(2, run("--verbose").code);
        assertEquals(2, run().code);
    }

    @Test
    void helpListsTheSubcommands() {
        for (String help : new String[] {"help", "--help", "-h"}) {
            Result r = run(help);
            assertEquals(0, r.code, help);
            assertTrue(r.out.matches("(?s).*\\n  info +start the engine.*"), r.out);
            assertTrue(r.out.matches("(?s).*\\n  help +show this list.*"), r.out);
        }
        Result infoHelp = run("help", "info");
        assertEquals(0, infoHelp.code);
        assertTrue(infoHelp.out.contains("--device"), infoHelp.out);
        assertEquals(2, run("help", "nonsense").code);
    }

    @Test
    void engineSideFailureIsExitOneWithoutAStackTrace() {
        // The engine is a CPU build, so a GPU cannot be had: a runtime failure, not a usage one.
        Result r = run("info", "--device", "gpu:5");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("gpu:5 requested but DJL sees 0 GPU(s)"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);

        Result debug = run("--debug", "info", "--device", "gpu:5");
        assertEquals(1, debug.code);
        assertTrue(debug.err.contains("\tat io.github.fijigan"), debug.err);
    }

    @Test
    void anySubcommandFailureIsCaught() {
        Subcommand broken = new Subcommand() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String summary() {
                return "always fails";
            }

            @Override
            public int run(String[] args, PrintStream out, PrintStream err) {
                throw new IllegalStateException("disk full");
            }
        };
        Result r = run(new Main(List.of(broken)), "broken");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("fiji-gan broken: disk full"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
    }

    @Test
    void subcommandNamesMustBeUnique() {
        assertThrows(IllegalArgumentException.class,
                () -> new Main(List.of(new InfoCommand(), new InfoCommand())));
    }
}
