package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {

    private static CommandLineOptions parse(String... args) {
        return CommandLineOptions.parse("demo", args, Set.of("--size", "--name"), Set.of("--help"));
    }

    @Test
    void readsSpacedAndEqualsFormsFlagsAndPositionals() {
        CommandLineOptions options = parse("a.tif", "--size", "12", "--name=x=y", "--help", "b");
        assertEquals(12, options.intValue("--size", 0, 1));
        assertEquals("x=y", options.value("--name", null));
        assertTrue(options.has("--help"));
        assertEquals(List.of("a.tif", "b"), options.positional());
    }

    @Test
    void fallsBackWhenAbsent() {
        CommandLineOptions options = parse();
        assertEquals("auto", options.value("--name", "auto"));
        assertEquals(7, options.intValue("--size", 7, 0));
        assertFalse(options.has("--help"));
    }

    @Test
    void refusesMalformedLinesNamingTheProblem() {
        assertMessage("demo: unknown option --sise", "--sise", "3");
        assertMessage("demo: option --size needs a value", "--size");
        assertMessage("demo: option --size given twice", "--size", "1", "--size=2");
        assertMessage("demo: option --help takes no value", "--help=yes");
    }

    @Test
    void refusesBadNumbers() {
        UsageException notANumber = assertThrows(UsageException.class,
                () -> parse("--size", "ten").intValue("--size", 0, 0));
        assertEquals("demo: --size needs a whole number, got \"ten\"", notANumber.getMessage());
        UsageException tooSmall = assertThrows(UsageException.class,
                () -> parse("--size", "-1").intValue("--size", 0, 0));
        assertEquals("demo: --size must be 0 or more, got -1", tooSmall.getMessage());
    }

    private static void assertMessage(String expected, String... args) {
        assertEquals(expected, assertThrows(UsageException.class, () -> parse(args)).getMessage());
    }
}
