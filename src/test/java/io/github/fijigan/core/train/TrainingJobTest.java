package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.ij.ImageJReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobTest {

    static final Path TINY_DCGAN = Path.of("test-data/configs/shapes_dcgan_tiny.json");

    @TempDir
    Path dir;

    private record Report(long done, long total, String message) {}

    @Test
    void trainsFromAConfigFileWhoseDataIsRelativeToTheFile() throws Exception {
        TrainConfig config = TrainConfigFile.read(TINY_DCGAN);
        assertEquals(Path.of("test-data/synthetic/shapes/circle").toAbsolutePath().normalize().toString(), config.data());
        List<Report> reports = new ArrayList<>();
        Path run = dir.resolve("runs/x");
        TrainingJob.Result result = TrainingJob.create(config, run, new ImageJReader())
                .run((d, t, m) -> reports.add(new Report(d, t, m)), new CancellationToken());

        assertFalse(result.cancelled());
        assertEquals(48, result.images());
        assertEquals(3, result.training().iterations()); // 48 images, batch 16, 1 epoch
        Path model = run.resolve("model.zip");
        assertEquals(List.of(model, run.resolve("checkpoints/epoch_001.zip"), run), result.outputs());
        ModelManifest manifest = ModelBundles.readManifest(model);
        assertEquals(ModelKind.DCGAN, manifest.kind());
        for (String file : new String[] {"config.json", "history.csv", "losses.png", "samples/epoch_001.png"}) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file);
        }
        assertTrue(result.summary().startsWith("trained dcgan for 1 epochs (3 iterations) on 48 images; losses "),
                result.summary());
        assertTrue(result.summary().endsWith("model " + model), result.summary());

        // 48 file reads (0..47 of 48), then 3 iterations of 3.
        List<Report> reading = reports.stream().filter(r -> r.message().startsWith("Reading ")).toList();
        assertEquals(48, reading.size());
        assertEquals(new Report(0, 48, "Reading circle_000.png"), reading.get(0));
        assertEquals(new Report(47, 48, "Reading circle_047.png"), reading.get(47));
        List<Report> training = reports.stream().filter(r -> r.message().startsWith("Epoch ")).toList();
        assertEquals(3, training.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, training.get(i).done());
            assertEquals(3, training.get(i).total());
            assertTrue(training.get(i).message().startsWith("Epoch 1/1, iteration " + (i + 1) + "/3: D_fake "),
                    training.get(i).message());
        }
    }

    @Test
    void dataOptionOverridesTheConfigAndAMissingFolderIsNamed() throws Exception {
        TrainConfig config = TrainConfigFile.read(TINY_DCGAN);
        Path missing = dir.resolve("nowhere");
        JobInputException e = assertThrows(JobInputException.class, () -> TrainingJob.create(config, dir.resolve("run"),
                new ImageJReader()).data(missing).run(ProgressListener.NONE, new CancellationToken()));
        assertEquals("data", e.input());
        assertEquals("data: " + missing + ": folder not found", e.getMessage());
        assertFalse(Files.exists(dir.resolve("run")), "nothing written before the inputs are checked");
    }

    @Test
    void noDataAnywhereIsRefused() {
        TrainConfig config = TrainConfig.defaults(ModelKind.DCGAN);
        JobInputException e = assertThrows(JobInputException.class, () -> TrainingJob.create(config, dir.resolve("run"),
                new ImageJReader()).run(ProgressListener.NONE, new CancellationToken()));
        assertEquals("data: no training image folder given (nor a \"data\" key in the config)", e.getMessage());
    }

    @Test
    void emptyFolderAndUnreadableImagesAreNamed() throws Exception {
        TrainConfig config = TrainConfigFile.read(TINY_DCGAN);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        JobInputException e = assertThrows(JobInputException.class, () -> TrainingJob.create(config, dir.resolve("run"),
                new ImageJReader()).data(empty).device(Device.cpu()).run(ProgressListener.NONE, new CancellationToken()));
        assertEquals("data: Cannot read " + empty + ": no readable images (the folder is empty)", e.getMessage());
        assertFalse(Files.exists(dir.resolve("run")), "the run folder is made only once the images are read");

        Path broken = Files.createDirectory(dir.resolve("broken"));
        Files.write(broken.resolve("scan.png"), new byte[] {1, 2, 3, 4});
        e = assertThrows(JobInputException.class, () -> TrainingJob.create(config, dir.resolve("run"), new ImageJReader())
                .data(broken).device(Device.cpu()).run(ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().startsWith("data: Cannot read " + broken + ": no readable images; scan.png: skipped, "),
                e.getMessage());
    }

    @Test
    void mixedChannelCountsAreRefusedNamingBothFiles() throws Exception {
        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        Files.copy(Path.of("test-data/synthetic/shapes/circle/circle_000.png"), mixed.resolve("a_grey.png"));
        Files.copy(Path.of("test-data/histology/ihc.png"), mixed.resolve("b_rgb.png"));
        TrainConfig config = TrainConfigFile.read(TINY_DCGAN);
        JobInputException e = assertThrows(JobInputException.class, () -> TrainingJob.create(config, dir.resolve("run"),
                new ImageJReader()).data(mixed).device(Device.cpu()).run(ProgressListener.NONE, new CancellationToken()));
        assertEquals("data", e.input());
        assertTrue(e.getMessage().contains("a_grey.png") && e.getMessage().contains("b_rgb.png"), e.getMessage());
    }

    @Test
    void aRunFolderThatCannotBeWrittenIsNamedBeforeAnyImageIsRead() throws Exception {
        TrainConfig config = TrainConfigFile.read(TINY_DCGAN);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        List<String> messages = new ArrayList<>();
        JobInputException e = assertThrows(JobInputException.class, () -> TrainingJob.create(config, file.resolve("run"),
                new ImageJReader()).run((d, t, m) -> messages.add(m), new CancellationToken()));
        assertEquals("run_folder", e.input());
        assertTrue(e.getMessage().startsWith("run_folder: " + file.resolve("run") + ": cannot create it: "), e.getMessage());
        assertEquals(List.of(), messages);

        e = assertThrows(JobInputException.class, () -> TrainingJob.create(config, file, new ImageJReader())
                .run(ProgressListener.NONE, new CancellationToken()));
        assertEquals("run_folder: " + file + ": is a file, not a folder", e.getMessage());
    }

    @Test
    void aFolderOfAnotherRunIsRefusedNamingTheKey() throws Exception {
        TrainConfig config = TrainConfigFile.read(TINY_DCGAN);
        Path run = dir.resolve("run");
        RunFolder.create(run).writeConfig(config.with("ngf", 16));
        JobInputException e = assertThrows(JobInputException.class, () -> TrainingJob.create(config, run, new ImageJReader())
                .run(ProgressListener.NONE, new CancellationToken()));
        assertEquals("run_folder: " + run.resolve("config.json") + ": this folder holds a run with ngf = 16, not 8;"
                + " choose a new run folder or the same config to resume", e.getMessage());
    }

    @Test
    void aBadDeviceIsNamed() throws Exception {
        TrainConfig config = TrainConfigFile.read(TINY_DCGAN).with("device", "gpu:7");
        JobInputException e = assertThrows(JobInputException.class, () -> TrainingJob.create(config, dir.resolve("run"),
                new ImageJReader()).run(ProgressListener.NONE, new CancellationToken()));
        assertEquals("device", e.input());
        assertTrue(e.getMessage().contains("gpu:7"), e.getMessage());
    }

    @Test
    void cancelledWhileReadingThrowsAndCancelledWhileTrainingKeepsACheckpoint() throws Exception {
        TrainConfig config = TrainConfigFile.read(TINY_DCGAN);
        CancellationToken early = new CancellationToken();
        ProgressListener cancelOnThirdFile = (d, t, m) -> {
            if (m.startsWith("Reading") && d == 2) {
                early.cancel();
            }
        };
        CancelledException c = assertThrows(CancelledException.class, () -> TrainingJob.create(config, dir.resolve("a"),
                new ImageJReader()).run(cancelOnThirdFile, early));
        assertEquals("loading training images cancelled", c.getMessage());

        CancellationToken late = new CancellationToken();
        ProgressListener cancelAfterTwoIterations = (d, t, m) -> {
            if (m.startsWith("Epoch") && d == 2) {
                late.cancel();
            }
        };
        Path run = dir.resolve("b");
        TrainingJob.Result result = TrainingJob.create(config, run, new ImageJReader()).run(cancelAfterTwoIterations, late);
        assertTrue(result.cancelled());
        assertEquals(2, result.training().iterations());
        Path checkpoint = run.resolve("checkpoints/epoch_000_iter_00002.zip");
        assertEquals(List.of(checkpoint, run), result.outputs());
        assertEquals("cancelled after 2 iterations (0 whole epochs); checkpoint " + checkpoint
                + "; run again with the same run folder to resume", result.summary());
    }
}
