package io.github.fijigan.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import com.google.gson.JsonObject;
import io.github.fijigan.core.data.AtomicFile;
import com.google.gson.JsonParser;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.PrettyJson;

/**
 * The folder of one training run:
 * <pre>
 * config.json            the TrainConfig
 * history.csv            one row per iteration (TrainingHistory)
 * losses.png             the loss curves, redrawn each epoch
 * samples/epoch_001.png  a grid of samples from fixed noise after each epoch (a row per class for AC-GAN)
 * checkpoints/           epoch_005.zip every N epochs, epoch_002_iter_00017.zip on cancel
 * model.zip              the final model bundle
 * validation.csv         one row per validated epoch: epoch, iteration, each metric's mean (ValidationLog)
 * validation.png         the validation metrics over epochs, one panel each
 * best_model.zip         the model of the best validated epoch, by select_metric
 * best.json              which epoch that is, and its metrics
 * </pre>
 */
public final class RunFolder {

    private final Path root;

    private RunFolder(Path root) {
        this.root = root;
    }

    /** Opens a run folder, creating it and its subfolders when missing. */
    public static RunFolder create(Path root) {
        try {
            Files.createDirectories(root.resolve("samples"));
            Files.createDirectories(root.resolve("checkpoints"));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(root + ": cannot create the run folder: " + e.getMessage(), e));
        }
        return new RunFolder(root);
    }

    public Path root() {
        return root;
    }

    public Path config() {
        return root.resolve("config.json");
    }

    public Path history() {
        return root.resolve("history.csv");
    }

    public Path lossPlot() {
        return root.resolve("losses.png");
    }

    public Path model() {
        return root.resolve("model.zip");
    }

    /** @return {@code validation.csv}: one row per validated epoch */
    public Path validationTable() {
        return root.resolve("validation.csv");
    }

    /** @return {@code validation.png}: the validation metrics over epochs */
    public Path validationPlot() {
        return root.resolve("validation.png");
    }

    /** @return {@code best_model.zip}: the model of the best validated epoch */
    public Path bestModel() {
        return root.resolve("best_model.zip");
    }

    /** @return {@code best.json}: which epoch {@link #bestModel()} is, by which metric, with its values */
    public Path best() {
        return root.resolve("best.json");
    }

    /** @param epoch 0-based; the file is numbered from 1, like the epochs a user counts */
    public Path samples(int epoch) {
        return root.resolve("samples").resolve(String.format(Locale.ROOT, "epoch_%03d.png", epoch + 1));
    }

    /** @return the checkpoint file for a resume point: by epoch at an epoch's end, else with the iteration */
    public Path checkpoint(ResumePoint at) {
        String name = at.iteration() == 0 ? String.format(Locale.ROOT, "epoch_%03d.zip", at.epoch())
                : String.format(Locale.ROOT, "epoch_%03d_iter_%05d.zip", at.epoch(), at.iteration());
        return root.resolve("checkpoints").resolve(name);
    }

    /** @return the stored config, if this folder has one */
    public Optional<JsonObject> storedConfig() {
        if (!Files.isRegularFile(config())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonParser.parseString(Files.readString(config())).getAsJsonObject());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(config() + ": not a readable config: " + e.getMessage(), e);
        }
    }

    /** Writes config.json atomically. */
    public void writeConfig(TrainConfig config) {
        try {
            AtomicFile.writeString(config(), PrettyJson.format(config.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param warnings hears about checkpoint files that cannot be read (skipped)
     * @return the checkpoint furthest into the run, if any
     */
    public Optional<Path> latestCheckpoint(Consumer<String> warnings) {
        Path best = null;
        ResumePoint bestAt = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("checkpoints"), "*.zip")) {
            for (Path file : files) {
                if (file.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try {
                    Optional<ResumePoint> at = ResumePoint.of(ModelBundles.readManifest(file));
                    if (at.isPresent() && (bestAt == null || at.get().compareTo(bestAt) > 0)) {
                        best = file;
                        bestAt = at.get();
                    }
                } catch (ModelBundleException e) {
                    warnings.accept("skipping checkpoint " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(best);
    }
}
