package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.fijigan.core.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path dir;

    @Test
    void aFolderWithAnotherRunIsRefusedNamingTheKey() {
        TrainConfig config = ShapesData.tiny(ModelKind.DCGAN, 1);
        new GanTrainer(config, ShapesData.images(), dir).train();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GanTrainer(config.with("ngf", 4), ShapesData.images(), dir).train());
        assertTrue(e.getMessage().contains("ngf = 8, not 4"), e.getMessage());
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void moreEpochsContinueAFinishedRunAndBrokenCheckpointsAreSkippedWithAWarning() throws Exception {
        TrainConfig config = ShapesData.tiny(ModelKind.DCGAN, 1);
        new GanTrainer(config, ShapesData.images(), dir).train();
        Files.writeString(dir.resolve("checkpoints/epoch_009.zip"), "not a zip");
        List<String> warnings = new ArrayList<>();
        List<Long> iterations = new ArrayList<>();
        TrainingResult result = new GanTrainer(config.with("epochs", 2), ShapesData.images(), dir).warnings(warnings::add)
                .listener(new TrainingListener() {
                    @Override
                    public void iterationDone(Iteration iteration) {
                        iterations.add(iteration.globalIteration());
                    }
                }).train();
        assertEquals(List.of(6L, 7L, 8L, 9L, 10L, 11L), iterations);
        assertEquals(12, result.iterations());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("epoch_009.zip"), warnings.toString());
        assertEquals(13, Files.readAllLines(dir.resolve("history.csv")).size());
        assertTrue(Files.isRegularFile(dir.resolve("checkpoints/epoch_002.zip")));
        assertTrue(Files.isRegularFile(dir.resolve("losses.png")));
    }

    @Test
    void anAcganNeedsLabelledImages() throws Exception {
        ShapesData.images();
        List<io.github.fijigan.core.image.CalibratedImage<?>> circles = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            circles.add(new io.github.fijigan.ij.ImageJReader().read(ShapesData.FOLDER.resolve(String.format("circle/circle_%03d.png", i))));
        }
        var unlabelled = io.github.fijigan.core.data.TrainingImages.of(circles, null,
                io.github.fijigan.core.data.TrainingImages.Options.DEFAULT.withSize(32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GanTrainer(ShapesData.tiny(ModelKind.ACGAN, 1), unlabelled, dir).train());
        assertTrue(e.getMessage().contains("AC-GAN needs images in at least 2 class subfolders, found 0"), e.getMessage());
    }
}
