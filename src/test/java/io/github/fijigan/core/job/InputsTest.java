package io.github.fijigan.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir
    Path dir;

    @Test
    void filesAndFoldersAreCheckedWithTheInputNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "x");
        assertEquals(file, Inputs.requireFile("model", file));
        assertEquals(dir, Inputs.requireFolder("data", dir));
        assertEquals("model: " + dir + ": is a folder, not a file",
                assertThrows(JobInputException.class, () -> Inputs.requireFile("model", dir)).getMessage());
        assertEquals("data: " + file + ": is a file, not a folder",
                assertThrows(JobInputException.class, () -> Inputs.requireFolder("data", file)).getMessage());
        assertEquals("model: no file given", assertThrows(JobInputException.class, () -> Inputs.requireFile("model", null)).getMessage());
        assertEquals("data: no folder given",
                assertThrows(JobInputException.class, () -> Inputs.requireFolder("data", Path.of(""))).getMessage());
    }

    @Test
    void writableFolderIsCheckedWithoutCreatingAnything() throws Exception {
        Path nested = dir.resolve("a/b/c");
        assertEquals(nested, Inputs.writableFolder("output_folder", nested));
        assertEquals(dir, Inputs.writableFolder("output_folder", dir));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "nothing created, the write probe deleted");
        }
        Path file = Files.writeString(dir.resolve("f"), "x");
        JobInputException e = assertThrows(JobInputException.class, () -> Inputs.writableFolder("run_folder", file.resolve("x")));
        assertEquals("run_folder", e.input());
        assertEquals(file.resolve("x") + ": cannot create it: " + file + " is a file", e.problem());
        e = assertThrows(JobInputException.class, () -> Inputs.writableFolder("run_folder", file.resolve("x/y")));
        assertEquals(file.resolve("x/y") + ": cannot create it: " + file + " is a file", e.problem());
    }

    @Test
    void aDeviceThisMachineLacksIsAnInputError() {
        JobInputException e = assertThrows(JobInputException.class, () -> Inputs.device("tpu"));
        assertEquals("device: Unknown device \"tpu\": use auto, cpu, gpu or gpu:N (N = 0, 1, … the GPU index)", e.getMessage());
        assertTrue(assertThrows(JobInputException.class, () -> Inputs.device("gpu:9")).getMessage().startsWith("device: "));
    }

    @Test
    void failureMessagesLookThroughWrappers() {
        IOException io = new IOException("Cannot write out/a.png: disk full");
        assertEquals("Cannot write out/a.png: disk full", Failures.message(new UncheckedIOException(io)));
        assertEquals("Cannot write out/a.png: disk full", Failures.message(new RuntimeException(io)));
        assertEquals("outer says more", Failures.message(new RuntimeException("outer says more", io)));
        assertEquals("NullPointerException", Failures.message(new NullPointerException()));
    }
}
