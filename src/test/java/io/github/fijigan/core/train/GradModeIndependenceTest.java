package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import ai.djl.pytorch.jni.JniUtils;
import io.github.fijigan.core.data.TranslationImages;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.ij.ImageJReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PyTorch's grad mode belongs to each thread and is on for every thread but the one that loaded
 * the engine. Training must not depend on it: a run on a fresh thread with grad mode on repeats,
 * loss for loss, the run on a thread with grad mode off, and leaves the thread's mode as it was.
 */
class GradModeIndependenceTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    @ParameterizedTest
    @CsvSource({"cyclegan, test-data/synthetic/unpaired", "pix2pix, test-data/synthetic/paired"})
    void lossesDoNotDependOnTheCallingThreadsGradMode(String kindId, String data) throws Exception {
        TrainConfig config = TranslationTrainingTest.tiny(ModelKind.fromId(kindId).orElseThrow(), 1).with("batch_size", 8);
        TranslationImages images = TranslationData.load(config, Path.of(data), new ImageJReader());

        List<Map<String, Double>> off = trainOnFreshThread(config, images, dir.resolve("off"), false);
        List<Map<String, Double>> on = trainOnFreshThread(config, images, dir.resolve("on"), true);
        assertTrue(off.size() >= 2);
        assertEquals(off, on, kindId);
    }

    private static List<Map<String, Double>> trainOnFreshThread(TrainConfig config, TranslationImages images, Path run,
            boolean gradMode) throws InterruptedException {
        List<Map<String, Double>> losses = new ArrayList<>();
        AtomicBoolean modeAfter = new AtomicBoolean(!gradMode);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                JniUtils.setGradMode(gradMode);
                new GanTrainer(config, images, run).listener(new TrainingListener() {
                    @Override
                    public void iterationDone(Iteration iteration) {
                        losses.add(iteration.losses());
                    }
                }).train();
                modeAfter.set(JniUtils.isGradMode());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "training-grad-mode-" + gradMode);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("training failed on the fresh thread", failure.get());
        }
        assertEquals(gradMode, modeAfter.get(), "the thread's grad mode is restored");
        return losses;
    }
}
