package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.progress.CancellationToken;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run cancelled mid-epoch and resumed from its checkpoint computes exactly the losses of the
 * uninterrupted run: same batches, noise, optimiser moments, batch-norm and spectral-norm state.
 */
class ResumeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"dcgan", "wgangp", "sngan", "acgan"})
    void resumedRunRepeatsTheUninterruptedLossesExactly(String kindId) {
        TrainConfig config = ShapesData.tiny(ModelKind.fromId(kindId).orElseThrow(), 3).with("augmentation", "hflip,crop");
        List<Map<String, Double>> straight = new ArrayList<>();
        new GanTrainer(config, ShapesData.images(), dir.resolve("straight")).listener(recorder(straight, null, 0)).train();
        assertEquals(18, straight.size());

        // Cancelled after 8 iterations: in the second epoch, after its third batch.
        CancellationToken token = new CancellationToken();
        List<Map<String, Double>> interrupted = new ArrayList<>();
        TrainingResult first = new GanTrainer(config, ShapesData.images(), dir.resolve("resumed"))
                .listener(recorder(interrupted, token, 8)).cancellation(token).train();
        assertTrue(first.cancelled());
        assertTrue(first.model().isEmpty());
        Path checkpoint = first.checkpoint().orElseThrow();
        assertEquals("epoch_001_iter_00002.zip", checkpoint.getFileName().toString());

        List<ResumePoint> starts = new ArrayList<>();
        List<Map<String, Double>> resumed = new ArrayList<>();
        TrainingResult second = new GanTrainer(config, ShapesData.images(), dir.resolve("resumed"))
                .listener(new TrainingListener() {
                    @Override
                    public void started(Plan plan) {
                        starts.add(plan.start());
                    }

                    @Override
                    public void iterationDone(Iteration iteration) {
                        resumed.add(iteration.losses());
                    }
                }).train();
        assertFalse(second.cancelled());
        assertEquals(new ResumePoint(1, 2, 8), starts.get(0));
        assertEquals(10, resumed.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(straight.get(8 + i), resumed.get(i), kindId + ": iteration " + (8 + i));
        }
        assertEquals(straight.subList(0, 8), interrupted);
        assertEquals(19, lines(dir.resolve("resumed/history.csv")));
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

    private static int lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
