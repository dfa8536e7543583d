package io.github.fijigan.command;

import java.io.File;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.core.train.TrainConfigFile;
import io.github.fijigan.core.train.TrainingJob;
import io.github.fijigan.ij.TrainingPreview;
import io.github.fijigan.io.ImageReaders;

/**
 * The base of the Train commands: a subclass turns its dialog into config keys, and this class
 * trains, from those keys or from a config file that replaces them, with an epoch log, the live
 * preview when a display exists, progress, cancel and errors as {@link JobCommand} gives them.
 */
abstract class TrainCommand extends JobCommand {

    /**
     * Trains and answers the model file.
     *
     * @param config a config file that replaces the dialog's settings, or null
     * @param device {@code auto}, {@code cpu} or {@code gpu}; applies to a config file too unless {@code auto}
     * @param dialog the dialog's settings as config keys, {@code kind} included
     * @return {@code model.zip}, or null when training failed or was cancelled before the end
     */
    protected File train(File config, String device, JsonObject dialog, File runFolder, File data) {
        TrainConfig settings;
        try {
            settings = settings(config, device, dialog);
        } catch (JobInputException e) {
            fail(e.getMessage());
            return null;
        }
        TrainingJob job = TrainingJob.create(settings, path(runFolder), ImageReaders.forContext(context()))
                .data(path(data))
                .warnings(log::warn)
                .listener(new EpochLog(log));
        if (hasDisplay()) {
            job.listener(new TrainingPreview());
        }
        TrainingJob.Result result = runJob(job);
        return result == null ? null : result.training().model().map(Path::toFile).orElse(null);
    }

    /** Puts a folder parameter into the dialog's keys when one is given. */
    static void folder(JsonObject dialog, String key, File folder) {
        if (folder != null && !folder.getPath().isEmpty()) {
            dialog.addProperty(key, folder.getPath());
        }
    }

    private static TrainConfig with(TrainConfig config, String key, String value) throws JobInputException {
        try {
            return config.with(key, value);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(key, e.getMessage(), e);
        }
    }

    /**
     * @return the config: from the file when one is given (with the dialog's validation folders,
     *     when given), else the dialog's settings on the kind's defaults
     */
    TrainConfig settings(File config, String device, JsonObject dialog) throws JobInputException {
        if (config != null && !config.getPath().isEmpty()) {
            TrainConfig fromFile = TrainConfigFile.read(config.toPath());
            log.info("Training settings from " + config + "; the dialog's settings are not used, but for the folders");
            // Folders given in the dialog apply as the data folder does: a config names how to train, the dialog where.
            for (String key : fromFile.validationFolderKeys()) {
                if (dialog.has(key)) {
                    fromFile = with(fromFile, key, dialog.get(key).getAsString());
                }
            }
            return device.equals("auto") ? fromFile : fromFile.with("device", device);
        }
        dialog.addProperty("device", device);
        try {
            return TrainConfig.fromJson(dialog, "settings");
        } catch (IllegalArgumentException e) {
            throw new JobInputException("settings", e.getMessage(), e);
        }
    }
}
