package io.github.fijigan.core.metrics.benefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.core.progress.ProgressListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every wrong input is refused before any training, with a {@link JobInputException} naming the
 * input and the folder: unknown class names, a channel count other than the real images', an empty
 * class, a test folder without a class, one class only, a class too small to split, bad settings.
 */
class AugmentationBenefitJobInputsTest {

    @TempDir
    Path dir;
    Path real;
    Path test;
    Path synthetic;

    @BeforeEach
    void folders() throws Exception {
        real = AugmentationBenefitJobTest.copy(dir.resolve("real"), 6, 3, 0);
        test = AugmentationBenefitJobTest.copy(dir.resolve("test"), 42, 42, 40);
        synthetic = AugmentationBenefitJobTest.copy(dir.resolve("synthetic"), 22, 22, 20);
    }

    private JobInputException refused(UnaryOperator<AugmentationBenefitJob> change) {
        AugmentationBenefitJob job = change.apply(AugmentationBenefitJobTest.job(real, test, synthetic, dir.resolve("out")).epochs(1));
        JobInputException e = assertThrows(JobInputException.class, () -> job.run(ProgressListener.NONE, new CancellationToken()));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        return e;
    }

    @Test
    void foldersThatDoNotFitAreNamed() throws Exception {
        Files.createDirectories(synthetic.resolve("triangle"));
        Files.copy(real.resolve("circle/circle_000.png"), synthetic.resolve("triangle/t.png"));
        JobInputException unknown = refused(j -> j);
        assertEquals("synthetic_folder", unknown.input());
        assertEquals(synthetic + ": class subfolder 'triangle' is not a class of real_folder (its classes: circle, square)", unknown.problem());
        Files.delete(synthetic.resolve("triangle/t.png"));
        JobInputException empty = refused(j -> j);
        assertEquals("synthetic_folder: " + synthetic.resolve("triangle") + ": class subfolder holds no readable images", empty.getMessage());
        Files.delete(synthetic.resolve("triangle"));

        Files.copy(Path.of("test-data/histology/ihc.png"), synthetic.resolve("square/rgb.png"));
        JobInputException mixed = refused(j -> j);
        assertEquals("synthetic_folder", mixed.input());
        assertTrue(mixed.problem().contains("images differ in channel count: rgb.png has 3 channels"), mixed.problem());
        Path rgb = Files.createDirectories(dir.resolve("rgb/square"));
        Files.move(synthetic.resolve("square/rgb.png"), rgb.resolve("rgb.png"));
        JobInputException channels = refused(j -> AugmentationBenefitJobTest.job(real, test, dir.resolve("rgb"), dir.resolve("out")));
        assertEquals("synthetic_folder: " + dir.resolve("rgb") + ": its images have 3 channel(s) but those of real_folder have 1 "
                + "(e.g. rgb.png against circle_000.png)", channels.getMessage());

        Files.walk(test.resolve("square")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        JobInputException missing = refused(j -> j);
        assertEquals("test_folder: " + test + ": has no subfolder for class 'square' (the classes of real_folder: circle, square)",
                missing.getMessage());

        Files.walk(real.resolve("square")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        JobInputException one = refused(j -> j);
        assertEquals("real_folder: " + real + ": needs a subfolder for each of at least 2 classes, found only 'circle'", one.getMessage());
        assertEquals("real_folder: " + dir.resolve("nope") + ": folder not found",
                refused(j -> AugmentationBenefitJob.create(dir.resolve("nope"), synthetic, dir.resolve("out"))
                        .reader(new io.github.fijigan.ij.ImageJReader())).getMessage());
    }

    @Test
    void aClassTooSmallToSplit() throws Exception {
        for (int i = 1; i < 3; i++) {
            Files.delete(real.resolve(String.format("square/square_%03d.png", i)));
        }
        JobInputException e = refused(j -> j.testFolder(null));
        assertEquals("real_folder: " + real + ": class 'square' has 1 image; a held-out split needs at least 2 per class "
                + "(or give a test_folder)", e.getMessage());
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("synthetic_mode", refused(j -> j.syntheticMode("double")).input());
        assertTrue(refused(j -> j.augmentation("rotate:15, shear")).getMessage().startsWith("augmentation: augmentation 'rotate:15, shear': 'shear'"));
        assertEquals("test_fraction: must lie between 0 and 1 (both excluded), got 1.5",
                refused(j -> j.testFolder(null).testFraction(1.5)).getMessage());
        assertEquals("image_size", refused(j -> j.imageSize(8)).input());
        assertEquals("repeats", refused(j -> j.repeats(0)).input());
        assertEquals("epochs", refused(j -> j.epochs(0)).input());
        assertEquals("learning_rate", refused(j -> j.learningRate(-1)).input());
        assertEquals("normalization", refused(j -> j.normalization("zscore")).input());
    }

    @Test
    void cancelStopsTrainingAndWritesNothing() {
        CancellationToken token = new CancellationToken();
        AugmentationBenefitJob job = AugmentationBenefitJobTest.job(real, test, synthetic, dir.resolve("out"));
        CancelledException e = assertThrows(CancelledException.class, () -> job.run((done, total, message) -> {
            if (message.startsWith("Repeat 1/2, real+classical")) {
                token.cancel();
            }
        }, token));
        assertEquals("training the classifier cancelled", e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
