package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} and {@code generate} end to end in this JVM: files in, files out, exit codes, messages. */
class TrainAndGenerateCliTest {

    private static final String TINY_DCGAN = "test-data/configs/shapes_dcgan_tiny.json";
    private static final String TINY_ACGAN_MODEL = "test-data/models/shapes_acgan_tiny.zip";

    @TempDir
    Path dir;

    @Test
    void trainWritesARunFolderAndResumesToMoreEpochs() throws Exception {
        Path run = dir.resolve("run");
        CliRun first = CliRun.of("train", "--config", TINY_DCGAN, "--run-folder", run.toString(), "--device", "cpu");
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().startsWith("trained dcgan for 1 epochs (3 iterations) on 48 images; losses D_fake "), first.out());
        assertTrue(first.out().endsWith("model " + run.resolve("model.zip") + "\n"), first.out());
        // Not a terminal here: plain lines, the last one the finished training phase.
        assertTrue(first.err().contains("[####################] 100%  3/3  done in "), first.err());
        assertEquals(ModelKind.DCGAN, ModelBundles.readManifest(run.resolve("model.zip")).kind());

        CliRun more = CliRun.of("train", "--config", TINY_DCGAN, "--run-folder", run.toString(), "--epochs", "2",
                "--data", "test-data/synthetic/shapes/circle");
        assertEquals(0, more.code(), more.toString());
        assertTrue(more.out().startsWith("trained dcgan for 2 epochs (6 iterations) on 48 images"), more.out());
        assertTrue(Files.isRegularFile(run.resolve("samples/epoch_002.png")));
    }

    @Test
    void stoppingTheProcessStopsTrainingWithACheckpointToResumeFrom() throws Exception {
        Path run = dir.resolve("run");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train",
                "--config", TINY_DCGAN, "--run-folder", run.toString(), "--epochs", "100", "--device", "cpu");
        Path log = dir.resolve("train.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path history = run.resolve("history.csv");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.isRegularFile(history) && Files.readAllLines(history).size() >= 3)) {
                assertTrue(process.isAlive() && System.nanoTime() < deadline, Files.readString(log));
                Thread.sleep(100);
            }
            process.destroy(); // SIGTERM, as Ctrl+C's SIGINT: the JVM runs its shutdown hooks
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(output.contains("cancelled after "), output);
        try (var checkpoints = Files.list(run.resolve("checkpoints"))) {
            List<String> names = checkpoints.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).matches("epoch_0\\d\\d_iter_0000\\d\\.zip|epoch_0\\d\\d\\.zip"), names.toString());
        }
        assertFalse(Files.exists(run.resolve("model.zip")));
    }

    @Test
    void trainFailuresNameTheOptionAndExitOne() throws Exception {
        CliRun missing = CliRun.of("train", "--config", dir.resolve("none.json").toString(), "--run-folder", dir.toString());
        assertEquals(1, missing.code(), missing.toString());
        assertEquals("fiji-gan train: --config: " + dir.resolve("none.json") + ": file not found\n", missing.err());

        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun noImages = CliRun.of("train", "--config", TINY_DCGAN, "--run-folder", dir.resolve("r").toString(),
                "--data", empty.toString());
        assertEquals(1, noImages.code(), noImages.toString());
        assertTrue(noImages.err().endsWith("fiji-gan train: --data: Cannot read " + empty
                + ": no readable images (the folder is empty)\n"), noImages.err());

        Path file = Files.writeString(dir.resolve("file"), "x");
        CliRun unwritable = CliRun.of("train", "--config", TINY_DCGAN, "--run-folder", file.resolve("run").toString());
        assertEquals(1, unwritable.code(), unwritable.toString());
        assertEquals("fiji-gan train: --run-folder: " + file.resolve("run") + ": cannot create it: " + file + " is a file\n",
                unwritable.err());
    }

    @Test
    void infoDescribesAModel() {
        CliRun info = CliRun.of("info", "--model", TINY_ACGAN_MODEL);
        assertEquals(0, info.code(), info.toString());
        assertTrue(info.out().startsWith("Model kind: acgan (format fiji-gan-model version 1)\n"), info.out());
        assertTrue(info.out().contains("\nClasses: circle, square\n"), info.out());
        CliRun missing = CliRun.of("info", "--model", dir.resolve("m.zip").toString());
        assertEquals(1, missing.code());
        assertEquals("fiji-gan info: --model: m.zip: file not found: " + dir.resolve("m.zip") + "\n", missing.err());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun noConfig = CliRun.of("train", "--run-folder", "x");
        assertEquals(2, noConfig.code());
        assertTrue(noConfig.err().startsWith("fiji-gan train: --config is required\n"), noConfig.err());
        assertEquals(2, CliRun.of("train", "--config", TINY_DCGAN, "--run-folder", "x", "--epochs", "0").code());
        assertEquals(2, CliRun.of("train", "--config", TINY_DCGAN, "--run-folder", "x", "--device", "tpu").code());
        assertEquals(2, CliRun.of("generate", "--model", "m.zip").code());
        assertEquals(2, CliRun.of("generate", "--model", "m.zip", "--output", "o", "--seed", "x").code());
        assertEquals(2, CliRun.of("generate", "--model", "m.zip", "--output", "o", "--count", "0").code());
        assertEquals(2, CliRun.of("generate", "--model", "m.zip", "--output", "o", "extra").code());
    }

    @Test
    void eachSubcommandHasHelp() {
        for (String name : List.of("train", "generate", "translate", "denoise", "normalize-stain")) {
            CliRun help = CliRun.of(name, "--help");
            assertEquals(0, help.code());
            assertTrue(help.out().startsWith("Usage: fiji-gan " + name + " "), help.out());
            assertTrue(help.out().contains("Exit status: 0 "), help.out());
        }
        CliRun list = CliRun.of("help");
        for (String line : List.of("train +train a GAN from a config file", "generate +draw samples", "translate +translate images",
                "denoise +denoise images", "normalize-stain +normalise histology stain", "demo +train and apply")) {
            assertTrue(list.out().lines().anyMatch(l -> l.matches("  " + line + ".*")), line + "\n" + list.out());
        }
        assertTrue(list.out().contains("--headless] --run <menu path|title|class>"), list.out());
    }

    @Test
    void generateWritesTheClassAskedForAndNamesBadInputs() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("generate", "--model", TINY_ACGAN_MODEL, "--output", out.toString(), "--count", "3",
                "--class", "circle", "--seed", "4", "--device", "cpu");
        assertEquals(0, run.code(), run.toString());
        assertEquals("wrote 3 uint8 samples (3 per class: circle) to " + out + "\n", run.out());
        try (var files = Files.list(out.resolve("circle"))) {
            assertEquals(List.of("sample_00001.png", "sample_00002.png", "sample_00003.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(out.resolve("square")));

        CliRun badClass = CliRun.of("generate", "--model", TINY_ACGAN_MODEL, "--output", out.toString(), "--class", "star");
        assertEquals(1, badClass.code());
        assertTrue(badClass.err().endsWith("fiji-gan generate: --class: 'star' is not a class of shapes_acgan_tiny.zip;"
                + " its classes are circle, square\n"), badClass.err());

        CliRun noModel = CliRun.of("generate", "--model", dir.resolve("m.zip").toString(), "--output", out.toString());
        assertEquals(1, noModel.code());
        assertEquals("fiji-gan generate: --model: " + dir.resolve("m.zip") + ": file not found\n", noModel.err());

        Path file = Files.writeString(dir.resolve("f"), "x");
        CliRun unwritable = CliRun.of("generate", "--model", TINY_ACGAN_MODEL, "--output", file.toString());
        assertEquals(1, unwritable.code());
        assertEquals("fiji-gan generate: --output: " + file + ": is a file, not a folder\n", unwritable.err());
    }
}
