package io.github.fijigan.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;

import org.junit.jupiter.api.Test;

class EngineStartExceptionTest {

    private final EngineException djlError = new EngineException(
            "Failed to load PyTorch native library",
            new UnsatisfiedLinkError("/opt/torch/libtorch.so: file too short"));

    @Test
    void namesWhatIsExpectedWhatToInstallAndTheCause() {
        EngineStartException e = EngineStartException.loadFailed(djlError, true);
        String message = e.getMessage();
        for (String expected : new String[] {
            "cpu build of PyTorch 2.7.1", "DJL 0.35.1",
            "pytorch-native-cpu-2.7.1-linux-x86_64.jar", "pytorch-jni-2.7.1-0.35.1.jar",
            "PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR", "cu128",
            "Failed to load PyTorch native library", "file too short", "offline"}) {
            assertTrue(message.contains(expected), () -> "missing '" + expected + "' in\n" + message);
        }
        assertSame(djlError, e.getCause());
    }

    @Test
    void saysNothingAboutOfflineWhenDjlMayDownload() {
        assertFalse(EngineStartException.loadFailed(djlError, false).getMessage()
                .contains("offline"));
    }

    @Test
    void describesEachDistinctCauseOnce() {
        RuntimeException same = new RuntimeException("boom", new IllegalStateException("boom"));
        assertEquals("RuntimeException: boom ← IllegalStateException: boom",
                EngineStartException.describeChain(same));
        assertEquals("UnsatisfiedLinkError",
                EngineStartException.describeChain(new UnsatisfiedLinkError()));
    }
}
