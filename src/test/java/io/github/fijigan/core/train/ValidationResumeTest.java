package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.data.TranslationImages;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.ij.ImageJReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation changes nothing of training, and a resumed run continues its record as if it had not
 * stopped: cancelled mid-epoch, or killed after validating epochs its last checkpoint does not hold,
 * the resumed run ends with the uninterrupted run's {@code validation.csv}, byte for byte, and the
 * same best epoch.
 */
class ValidationResumeTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    @Test
    void resumedRunsRepeatTheUninterruptedValidation() throws Exception {
        Path data = ValidationTrainingTest.split(dir.resolve("data"), 16, 4);
        // Dropout on, so a resumed run only matches if validation left every random stream alone.
        TrainConfig config = ValidationTrainingTest.pix2pix(data, 4).with("use_dropout", true).with("checkpoint_every", 1);
        ImageJReader reader = new ImageJReader();
        TranslationImages images = TranslationData.load(config, data, reader);
        ValidationSet set = ValidationData.load(config, reader);

        List<Double> plainLosses = new ArrayList<>();
        new GanTrainer(config.with("validation_a", "").with("validation_b", ""), images, dir.resolve("plain"))
                .listener(losses(plainLosses, null, 0)).train();
        List<Double> straightLosses = new ArrayList<>();
        TrainingResult straight = new GanTrainer(config, images, dir.resolve("straight")).validation(set)
                .listener(losses(straightLosses, null, 0)).train();
        assertEquals(plainLosses, straightLosses, "validating changes no loss");
        String table = Files.readString(dir.resolve("straight/validation.csv"));
        assertEquals(5, table.lines().count(), table);

        CancellationToken token = new CancellationToken();
        TrainingResult cancelled = new GanTrainer(config, images, dir.resolve("cancelled")).validation(set)
                .listener(losses(new ArrayList<>(), token, 6)).cancellation(token).train();
        assertTrue(cancelled.cancelled());
        assertEquals(2, Files.readAllLines(dir.resolve("cancelled/validation.csv")).size(), "epoch 1 validated before the cancel");
        assertEquals(1, cancelled.best().orElseThrow().epoch());
        TrainingResult resumed = new GanTrainer(config, images, dir.resolve("cancelled")).validation(set).train();
        assertEquals(table, Files.readString(dir.resolve("cancelled/validation.csv")));
        assertSameBest(straight, resumed, dir.resolve("straight"), dir.resolve("cancelled"));

        // Killed after validating epoch 4 but before its checkpoint (and epoch 3's) was written.
        Path killed = dir.resolve("killed");
        copy(dir.resolve("straight"), killed);
        Files.delete(killed.resolve("checkpoints/epoch_004.zip"));
        Files.delete(killed.resolve("checkpoints/epoch_003.zip"));
        Files.delete(killed.resolve("model.zip"));
        List<String> warnings = new ArrayList<>();
        TrainingResult again = new GanTrainer(config, images, killed).validation(set).warnings(warnings::add).train();
        assertEquals(table, Files.readString(killed.resolve("validation.csv")));
        assertSameBest(straight, again, dir.resolve("straight"), killed);
        boolean bestAfterCheckpoint = straight.best().orElseThrow().epoch() > 2;
        System.out.printf("validation resume: best epoch %d; warnings after the kill: %s%n", straight.best().orElseThrow().epoch(), warnings);
        assertEquals(bestAfterCheckpoint, warnings.stream().anyMatch(w -> w.contains("best_model.zip holds epoch")), warnings.toString());
    }

    private static void assertSameBest(TrainingResult expected, TrainingResult actual, Path expectedRun, Path actualRun) throws Exception {
        BestModel a = expected.best().orElseThrow(), b = actual.best().orElseThrow();
        assertEquals(a.epoch(), b.epoch());
        assertEquals(a.value(), b.value());
        assertEquals(a.metrics(), b.metrics());
        assertEquals(actualRun.resolve("best_model.zip"), b.model().orElseThrow());
        JsonObject x = JsonParser.parseString(Files.readString(expectedRun.resolve("best.json"))).getAsJsonObject();
        JsonObject y = JsonParser.parseString(Files.readString(actualRun.resolve("best.json"))).getAsJsonObject();
        assertEquals(x, y);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static TrainingListener losses(List<Double> out, CancellationToken token, int cancelAfter) {
        return new TrainingListener() {
            @Override
            public void iterationDone(Iteration iteration) {
                iteration.losses().values().forEach(out::add);
                if (token != null && out.size() / iteration.losses().size() == cancelAfter) {
                    token.cancel();
                }
            }
        };
    }
}
