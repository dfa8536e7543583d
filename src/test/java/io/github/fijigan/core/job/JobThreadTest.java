package io.github.fijigan.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import ai.djl.pytorch.jni.JniUtils;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import org.junit.jupiter.api.Test;

class JobThreadTest {

    @Test
    void aFreshThreadStartsWithGradModeOnUntilPrepared() throws Exception {
        EngineStarter.start(EngineOptions.defaults());
        List<Boolean> seen = new ArrayList<>();
        Thread worker = new Thread(() -> {
            seen.add(JniUtils.isGradMode());   // PyTorch's default on a thread DJL has not touched
            JobThread.prepare();
            seen.add(JniUtils.isGradMode());
        });
        worker.start();
        worker.join();
        assertEquals(List.of(true, false), seen);
    }
}
