package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundles;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while it writes checkpoints leaves the checkpoint complete or absent,
 * never half-written: the writer goes through a temporary file and one rename.
 */
class CheckpointKillTest {

    @TempDir
    Path dir;

    @RepeatedTest(3)
    void killedWhileWritingLeavesAWholeCheckpointOrNone(org.junit.jupiter.api.RepetitionInfo repetition) throws Exception {
        Path file = dir.resolve("checkpoint.zip");
        Process process = ChildJvm.start("checkpoints", file.toString());
        int wanted = repetition.getCurrentRepetition(); // kill after 1, 2 or 3 complete writes, mid-way through the next
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int written = 0;
            for (String line; written < wanted && (line = in.readLine()) != null; ) {
                written += line.startsWith("written") ? 1 : 0;
            }
            Thread.sleep(7L * repetition.getCurrentRepetition());
            process.destroyForcibly();
        }
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        assertTrue(Files.exists(file), "at least one write completed before the kill");
        try (NDManager manager = NDManager.newBaseManager(); ModelBundle bundle = ModelBundles.read(file, manager)) {
            assertTrue(ResumePoint.of(bundle.manifest()).isPresent());
        }
    }
}
