package io.github.fijigan.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Starts the real engine in the test JVM: no mocks, the native library really loads. */
class EngineStarterTest {

    @Test
    void startsPyTorchOfflineWithTheExpectedVersions() {
        EngineInfo info = EngineStarter.start(EngineOptions.defaults());

        assertEquals("true", System.getProperty(EngineStarter.OFFLINE_PROPERTY));
        assertTrue(info.offline());
        assertEquals("PyTorch", info.engineName());
        assertEquals("2.7.1", info.engineVersion());
        // The constants behind the install advice must follow the jars the pom brings.
        assertEquals(NativeRequirements.PYTORCH_VERSION, info.engineVersion());
        assertEquals(NativeRequirements.DJL_VERSION, info.djlVersion());
        assertEquals(NativeRequirements.FLAVOR, info.flavor());
        assertTrue(Files.isDirectory(Path.of(info.libraryPath())), info.libraryPath());
        assertTrue(info.devices().contains(info.device()), info.devices().toString());
        assertEquals(0, info.gpuCount(), "a cpu build sees no GPU");
        assertEquals(Device.cpu(), info.device());
        assertTrue(info.warnings().isEmpty(), info.warnings().toString());
    }

    @Test
    void computesTheRightNumberOnTheSelectedDevice() {
        EngineInfo info = EngineStarter.start(EngineOptions.defaults());
        try (NDManager manager = NDManager.newBaseManager(info.device(), info.engineName())) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray product = a.matMul(a); // [[7, 10], [15, 22]]
            assertEquals(info.device(), product.getDevice());
            assertEquals(54f, product.sum().getFloat(), 0f);
            assertEquals(22f, product.getFloat(1, 1), 0f);
        }
    }

    @Test
    void appliesTheIntraOpThreadCount() {
        assertEquals(1, EngineStarter.start(EngineOptions.defaults().withIntraOpThreads(1))
                .intraOpThreads());
        assertEquals(2, EngineStarter.start(EngineOptions.defaults().withIntraOpThreads(2))
                .intraOpThreads());
    }

    @Test
    void aSecondInterOpChangeBecomesAWarningNotAFailure() {
        int before = EngineStarter.start(EngineOptions.defaults()).interOpThreads();
        // Whether or not this first change is still allowed, the second one never is.
        EngineInfo first =
                EngineStarter.start(EngineOptions.defaults().withInterOpThreads(before + 1));
        EngineInfo second =
                EngineStarter.start(EngineOptions.defaults().withInterOpThreads(before + 2));

        assertEquals(first.interOpThreads(), second.interOpThreads());
        assertEquals(1, second.warnings().size(), second.warnings().toString());
        assertTrue(second.warnings().get(0).contains("inter-op threads stay at "
                + first.interOpThreads() + " (asked for " + (before + 2) + ")"),
                second.warnings().get(0));
        assertTrue(second.describe().contains("Warning:"), second.describe());
    }

    @Test
    void refusesAGpuIndexPastTheCount() {
        int gpus = EngineStarter.start(EngineOptions.defaults()).gpuCount();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineStarter.start(EngineOptions.defaults().withDevice(DeviceSpec.gpu(gpus))));
        assertTrue(e.getMessage().startsWith("gpu:" + gpus + " requested but DJL sees " + gpus
                + " GPU(s)"), e.getMessage());
    }

    @Test
    void describesEveryFactOnItsOwnLine() {
        EngineInfo info = EngineStarter.start(EngineOptions.defaults().withDevice(DeviceSpec.cpu()));
        String text = info.describe();
        for (String line : new String[] {
            "Engine:          PyTorch 2.7.1 (cpu build)", "DJL:             0.35.1",
            "Native library:  " + info.libraryPath(), "GPUs:            0",
            "Selected device: cpu()", "Offline:         yes"}) {
            assertTrue(text.contains(line), () -> line + " in\n" + text);
        }
        assertTrue(text.lines().count() >= 8, text);
    }
}
