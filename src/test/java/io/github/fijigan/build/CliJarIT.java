package io.github.fijigan.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar the way users do: {@code java -jar target/fiji-gan-cli.jar …}. */
class CliJarIT {

    /** The first start extracts ~450 MB of libtorch into DJL's cache; later starts take ~1 s. */
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path temp;

    @BeforeAll
    static void jarExists() {
        assertTrue(Files.isRegularFile(BuildLayout.cliJar()),
                "run 'mvn package' first: no " + BuildLayout.cliJar().toAbsolutePath());
    }

    @Test
    void infoNamesPyTorchAndTheProjectVersion() throws Exception {
        Run run = java(Map.of(), "info");
        assertEquals(0, run.code, run.output);
        assertTrue(run.output.contains("Engine:          PyTorch 2.7.1 (cpu build)"), run.output);
        // The version comes from the jar's manifest, so this checks the shade configuration too.
        assertTrue(run.output.contains("Fiji GAN:        " + BuildLayout.version()), run.output);
        assertTrue(run.output.contains("Offline:         yes"), run.output);
        assertFalse(run.output.contains("SLF4J"), "no logging noise:\n" + run.output);
    }

    @Test
    void nonsenseIsAUsageError() throws Exception {
        Run run = java(Map.of(), "nonsense");
        assertEquals(2, run.code, run.output);
        assertTrue(run.output.contains("unknown subcommand \"nonsense\""), run.output);
    }

    @Test
    void aBrokenNativeLibraryGivesAdviceAndExitOne() throws Exception {
        // DJL loads whatever libtorch it finds through PYTORCH_LIBRARY_PATH; an empty file fails
        // to link, which is the real failure path users meet with a wrong or damaged install.
        Files.createFile(temp.resolve("libtorch.so"));
        Run run = java(Map.of("PYTORCH_LIBRARY_PATH", temp.toString()), "info");
        assertEquals(1, run.code, run.output);
        for (String expected : new String[] {"Could not start the PyTorch engine",
            "UnsatisfiedLinkError", "PyTorch 2.7.1", "DJL 0.35.1",
            "pytorch-native-cpu-2.7.1-linux-x86_64.jar", "PYTORCH_FLAVOR"}) {
            assertTrue(run.output.contains(expected), expected + " in\n" + run.output);
        }
        assertFalse(run.output.contains("\tat "), "no stack trace without --debug:\n" + run.output);
    }

    @Test
    void sciJavasRunDrivesACommandAndItsFailureIsTheExitCode() throws Exception {
        Path model = Path.of("test-data/models/shapes_acgan_tiny.zip").toAbsolutePath();
        Path out = temp.resolve("samples");
        Run run = java(Map.of(), "--headless", "--run", "Plugins>GAN>Generate Samples",
                "model='" + model + "',output_folder='" + out + "',count=2,class_name='circle',seed=1,device='cpu'");
        assertEquals(0, run.code, run.output);
        assertTrue(Files.isRegularFile(out.resolve("circle/sample_00002.png")), run.output);

        Run missing = java(Map.of(), "--headless", "--run", "Plugins>GAN>Model Info", "model='" + temp.resolve("x.zip") + "'");
        assertEquals(1, missing.code, missing.output);
        assertTrue(missing.output.contains("fiji-gan: Model Info: x.zip: file not found"), missing.output);
    }

    @Test
    void generateWritesFilesAndABadInputIsExitOne() throws Exception {
        Path out = temp.resolve("out");
        Run run = java(Map.of(), "generate", "--model", "test-data/models/shapes_acgan_tiny.zip", "--output", out.toString(),
                "--count", "1", "--device", "cpu");
        assertEquals(0, run.code, run.output);
        assertTrue(Files.isRegularFile(out.resolve("square/sample_00001.png")), run.output);
        Run bad = java(Map.of(), "generate", "--model", temp.resolve("none.zip").toString(), "--output", out.toString());
        assertEquals(1, bad.code, bad.output);
        assertTrue(bad.output.contains("fiji-gan generate: --model: " + temp.resolve("none.zip") + ": file not found"), bad.output);
    }

    private static final class Run {
        final int code;
        final String output;

        Run(int code, String output) {
            this.code = code;
            this.output = output;
        }
    }

    private Run java(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(BuildLayout.cliJar().toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(temp, "cli", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " ran past " + TIMEOUT_SECONDS + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
