package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.fijigan.core.data.TranslationImages;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.ij.ImageJReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A translation run cancelled mid-epoch and resumed repeats the uninterrupted run's losses exactly:
 * dropout masks, random crops and flips, the unaligned pairing and CycleGAN's image pool (size 3,
 * so it is full and swapping by the time of the cancel) all continue as if nothing had happened.
 */
class TranslationResumeTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    @ParameterizedTest
    @CsvSource({"cyclegan, test-data/synthetic/unpaired, 3", "pix2pix, test-data/synthetic/paired, 5"})
    void resumedRunRepeatsTheUninterruptedLossesExactly(String kindId, String data, int cancelAfter) throws Exception {
        TrainConfig config = TranslationTrainingTest.tiny(ModelKind.fromId(kindId).orElseThrow(), 2)
                .with("preprocess", "resize_and_crop").with("load_size", 36).with("crop_size", 32)
                .with("use_dropout", true).with("batch_size", 8);
        if (kindId.equals("cyclegan")) {
            config = config.with("pool_size", 3);
        }
        TranslationImages images = TranslationData.load(config, Path.of(data), new ImageJReader());
        int total = 2 * (images.size() / 8);

        List<Map<String, Double>> straight = new ArrayList<>();
        new GanTrainer(config, images, dir.resolve("straight")).listener(recorder(straight, null, 0)).train();
        assertEquals(total, straight.size());

        CancellationToken token = new CancellationToken();
        List<Map<String, Double>> interrupted = new ArrayList<>();
        TrainingResult first = new GanTrainer(config, images, dir.resolve("resumed")).listener(recorder(interrupted, token, cancelAfter))
                .cancellation(token).train();
        assertTrue(first.cancelled());

        List<Map<String, Double>> resumed = new ArrayList<>();
        new GanTrainer(config, images, dir.resolve("resumed")).listener(recorder(resumed, null, 0)).train();
        assertEquals(total - cancelAfter, resumed.size());
        for (int i = 0; i < resumed.size(); i++) {
            assertEquals(straight.get(cancelAfter + i), resumed.get(i), kindId + ": iteration " + (cancelAfter + i));
        }
    }

    private static TrainingListener recorder(List<Map<String, Double>> losses, CancellationToken token, int cancelAfter) {
        return new TrainingListener() {
            @Override
            public void iterationDone(Iteration iteration) {
                losses.add(iteration.losses());
                if (token != null && losses.size() == cancelAfter) {
                    token.cancel();
                }
            }
        };
    }
}
