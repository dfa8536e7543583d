package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fiji-gan normalize-stain}: to a reference image, then to the target saved from it; errors. */
class NormalizeStainCliTest {

    @TempDir
    Path dir;

    @Test
    void theGanMethodAppliesAColorizerTrainedOnTheTargetsTiles() throws Exception {
        Path tiles = Files.createDirectories(dir.resolve("target-tiles"));
        Files.copy(Path.of("test-data/histology/ihc.png"), tiles.resolve("ihc.png"));
        Path config = Files.writeString(dir.resolve("colorizer.json"), "{\"kind\": \"colorizer\", \"data\": \"" + tiles
                + "\", \"generator\": \"resnet_6blocks\", \"ngf\": 4, \"ndf\": 4, \"crop_size\": 32, \"patches_per_image\": 8,"
                + " \"batch_size\": 4, \"n_epochs\": 1, \"n_epochs_decay\": 0, \"checkpoint_every\": 0}");
        CliRun train = CliRun.of("train", "--config", config.toString(), "--run-folder", dir.resolve("run").toString(), "--device", "cpu");
        assertEquals(0, train.code(), train::toString);
        CliRun run = CliRun.of("normalize-stain", "--method", "gan", "--target", dir.resolve("run/model.zip").toString(), "--input",
                "test-data/histology/he_from_ihc.png", "--output", dir.resolve("gan").toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("normalised 1 image with gan to " + dir.resolve("gan")), run::toString);
        assertTrue(Files.size(dir.resolve("gan/he_from_ihc.tif")) > 1000);

        CliRun wrongModel = CliRun.of("normalize-stain", "--method", "gan", "--target", "test-data/models/shapes_acgan_tiny.zip", "--input",
                "test-data/histology/he_from_ihc.png", "--output", dir.resolve("x").toString());
        assertEquals(1, wrongModel.code(), wrongModel::toString);
        assertTrue(wrongModel.err().contains("--target: "), wrongModel::toString);
    }

    @Test
    void normalizesToAReferenceAndToItsSavedTarget() throws Exception {
        Path json = dir.resolve("target.json");
        CliRun first = CliRun.of("normalize-stain", "--target", "test-data/histology/ihc.png", "--input",
                "test-data/histology/he_from_ihc.png", "--output", dir.resolve("a").toString(), "--save-target", json.toString());
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.out().contains("normalised 1 image with macenko to " + dir.resolve("a")), first::toString);
        CliRun second = CliRun.of("normalize-stain", "--target", json.toString(), "--input", "test-data/histology/he_from_ihc.png",
                "--output", dir.resolve("b").toString());
        assertEquals(0, second.code(), second::toString);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/he_from_ihc.tif")), Files.readAllBytes(dir.resolve("b/he_from_ihc.tif")));

        CliRun method = CliRun.of("normalize-stain", "--method", "vahadane", "--target", json.toString(), "--input",
                "test-data/histology/he_from_ihc.png", "--output", dir.resolve("c").toString());
        assertEquals(1, method.code(), method::toString);
        assertTrue(method.err().contains("--method: must be one of macenko, reinhard, gan, got \"vahadane\""), method::toString);
    }
}
