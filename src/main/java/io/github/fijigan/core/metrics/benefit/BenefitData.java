package io.github.fijigan.core.metrics.benefit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.job.Inputs;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Reads and checks the folders of an augmentation-benefit experiment, each with one subfolder per
 * class: the real images, optionally a separate real test set, and the synthetic images. Every
 * problem is a {@link JobInputException} naming the folder's key: fewer than two classes, a class
 * subfolder without readable images, a class name the real folder does not have, a test folder
 * missing a class, a channel count other than the real images'.
 *
 * <p>All images are brought to the same size, and to network units with one map: the one
 * {@link TrainingImages} fits on the real folder (e.g. {@code window:0,255} for 8-bit images); the
 * test and synthetic images are mapped with the same range, as a fixed window (so values outside
 * it are clipped, as the fitted maps do, except {@code minmax}, which never clips its own data).
 *
 * @param real every real image (the training images, and the test images when no test folder is given)
 * @param test the separate test images, or null
 * @param synthetic the synthetic images, labelled over the real classes
 */
record BenefitData(LabelledImages real, LabelledImages test, LabelledImages synthetic) {

    /**
     * @param keys the input keys of the real, test and synthetic folders, for messages
     * @param testFolder null when the test set is split from the real folder
     */
    static BenefitData load(Path realFolder, Path testFolder, Path syntheticFolder, String[] keys, ImageReader reader,
            TrainingImages.Options options, ProgressListener progress, CancellationToken cancel) throws JobInputException {
        int parts = testFolder == null ? 2 : 3;
        TrainingImages.Options labelled = options.withClassSubfolders(true);
        ImageFolder realScan = scan(keys[0], realFolder, reader);
        List<String> classes = realScan.labels();
        if (classes.size() < 2) {
            throw new JobInputException(keys[0], realFolder + ": needs a subfolder for each of at least 2 classes, found "
                    + (classes.isEmpty() ? "none" : "only '" + classes.get(0) + "'"));
        }
        TrainingImages realImages = read(keys[0], realScan, reader, labelled, progress.part(0, 1, parts), cancel);
        IntensityMap map = realImages.intensityMap();
        // The real set's fitted range as a window: test and synthetic images in the very same units.
        TrainingImages.Options same = labelled.withNormalization("window:" + map.low() + "," + map.high());
        LabelledImages real = LabelledImages.of(realImages, classes);
        LabelledImages test = null;
        if (testFolder != null) {
            ImageFolder testScan = scan(keys[1], testFolder, reader);
            checkClasses(keys[1], testFolder, testScan.labels(), classes, keys[0], true);
            checkChannels(keys[1], testScan, realScan, keys[0]);
            test = LabelledImages.of(read(keys[1], testScan, reader, same, progress.part(1, 1, parts), cancel), classes);
        }
        ImageFolder syntheticScan = scan(keys[2], syntheticFolder, reader);
        checkClasses(keys[2], syntheticFolder, syntheticScan.labels(), classes, keys[0], false);
        checkChannels(keys[2], syntheticScan, realScan, keys[0]);
        LabelledImages synthetic = LabelledImages.of(
                read(keys[2], syntheticScan, reader, same, progress.part(parts - 1, 1, parts), cancel), classes);
        return new BenefitData(real, test, synthetic);
    }

    private static ImageFolder scan(String key, Path folder, ImageReader reader) throws JobInputException {
        Inputs.requireFolder(key, folder);
        ImageFolder scanned;
        try {
            scanned = ImageFolder.scan(folder, reader, ImageFolder.Options.DEFAULT.withClassSubfolders(true));
        } catch (ImageReadException e) {
            throw new JobInputException(key, e.getMessage(), e);
        }
        // ImageFolder only warns about an empty class subfolder; here it would be a class without images.
        for (Path sub : subfolders(key, folder)) {
            if (!scanned.labels().contains(sub.getFileName().toString())) {
                throw new JobInputException(key, sub + ": class subfolder holds no readable images");
            }
        }
        return scanned;
    }

    private static List<Path> subfolders(String key, Path folder) throws JobInputException {
        List<Path> subs = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    subs.add(p);
                }
            }
        } catch (IOException e) {
            throw new JobInputException(key, folder + ": cannot list the folder: " + e.getMessage(), e);
        }
        return subs;
    }

    private static void checkClasses(String key, Path folder, List<String> found, List<String> classes, String realKey,
            boolean everyClass) throws JobInputException {
        for (String c : found) {
            if (!classes.contains(c)) {
                throw new JobInputException(key, folder + ": class subfolder '" + c + "' is not a class of " + realKey
                        + " (its classes: " + String.join(", ", classes) + ")");
            }
        }
        if (everyClass) {
            for (String c : classes) {
                if (!found.contains(c)) {
                    throw new JobInputException(key, folder + ": has no subfolder for class '" + c + "' (the classes of "
                            + realKey + ": " + String.join(", ", classes) + ")");
                }
            }
        }
    }

    private static void checkChannels(String key, ImageFolder scanned, ImageFolder real, String realKey) throws JobInputException {
        if (scanned.channels() != real.channels()) {
            throw new JobInputException(key, scanned.folder() + ": its images have " + scanned.channels() + " channel(s) but those of "
                    + realKey + " have " + real.channels() + " (e.g. " + scanned.files().get(0).getFileName() + " against "
                    + real.files().get(0).getFileName() + ")");
        }
    }

    private static TrainingImages read(String key, ImageFolder scanned, ImageReader reader, TrainingImages.Options options,
            ProgressListener progress, CancellationToken cancel) throws JobInputException {
        try {
            return TrainingImages.load(scanned, reader, options, progress, cancel);
        } catch (ImageReadException e) {
            throw new JobInputException(key, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(key, scanned.folder() + ": " + e.getMessage(), e);
        }
    }
}
