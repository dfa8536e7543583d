package io.github.fijigan.core.metrics.synthetic;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.Resize;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Reads the real and the synthetic folders of a {@link SyntheticDataJob} alike: both with class
 * subfolders of matching names, or both flat (one class, named {@value #FLAT_CLASS}); every image
 * brought to the same square size and into network units by the normalisation fitted to the real
 * images, so that both sets are compared on one scale.
 */
final class ImageSets {

    /** The class name of a flat folder's images. */
    static final String FLAT_CLASS = "all";

    /**
     * Images of one folder in memory.
     *
     * @param classes class names, in the order of the real folder's classes
     * @param pixels each image's C × S × S values in network units
     * @param classOf each image's index into {@code classes}
     * @param files each image's file name (with z and t for a plane of a stack)
     */
    record ImageSet(List<String> classes, float[][] pixels, int[] classOf, List<String> files) {

        /** @return the images of class {@code c}, in order */
        float[][] ofClass(float[][] values, int c) {
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (classOf[i] == c) {
                    out.add(values[i]);
                }
            }
            return out.toArray(new float[0][]);
        }

        /** @return "class/file", or the file alone for a flat folder */
        String name(int i) {
            String c = classes.get(classOf[i]);
            return c.equals(FLAT_CLASS) && classes.size() == 1 ? files.get(i) : c + "/" + files.get(i);
        }
    }

    /**
     * Both sets and the map from network units back to the real images' physical units.
     *
     * @param imageUnits the network → physical scale factor (e.g. 127.5 for 8-bit images): multiplies an RMSE
     */
    record Loaded(ImageSet real, ImageSet synthetic, int channels, double imageUnits, IntensityMap map) {
    }

    private ImageSets() {}

    /**
     * @throws JobInputException naming {@code realKey} or {@code syntheticKey}: an empty or
     *     unreadable folder, mismatched layouts, a synthetic class the real set lacks, different
     *     channel counts
     */
    static Loaded load(Path real, Path synthetic, String realKey, String syntheticKey, ImageReader reader, int size,
            ProgressListener progress, CancellationToken cancel) throws JobInputException {
        boolean realClasses = hasClassSubfolders(real, realKey);
        boolean syntheticClasses = hasClassSubfolders(synthetic, syntheticKey);
        ImageFolder realFolder = scan(real, realClasses, realKey, reader);
        ImageFolder syntheticFolder = scan(synthetic, syntheticClasses, syntheticKey, reader);
        if (realClasses != syntheticClasses) {
            throw new JobInputException(syntheticKey, synthetic + (syntheticClasses
                    ? ": has class subfolders (" + String.join(", ", syntheticFolder.labels()) + ") but " + realKey + " "
                            + real + " holds its images directly; use the same layout for both"
                    : ": holds its images directly but " + realKey + " " + real + " has class subfolders ("
                            + String.join(", ", realFolder.labels()) + "); put the synthetic images of each class into a "
                            + "subfolder of the same name"));
        }
        for (String label : syntheticFolder.labels()) {
            if (!realFolder.labels().contains(label)) {
                throw new JobInputException(syntheticKey, synthetic.resolve(label) + ": class '" + label + "' has no subfolder in "
                        + realKey + " " + real + " (its classes: " + String.join(", ", realFolder.labels()) + ")");
            }
        }
        if (realFolder.channels() != syntheticFolder.channels()) {
            throw new JobInputException(syntheticKey, "synthetic images have " + syntheticFolder.channels() + " channel(s) (e.g. "
                    + syntheticFolder.files().get(0) + ") but the real images have " + realFolder.channels() + " (e.g. "
                    + realFolder.files().get(0) + ")");
        }
        TrainingImages.Options options = new TrainingImages.Options(size, Resize.AREA, TrainingImages.AUTO, realClasses);
        TrainingImages realImages = read(realFolder, reader, options, realKey, progress.part(0, 8, 10), cancel);
        IntensityMap map = realImages.intensityMap();
        // The synthetic images get the real images' map as a fixed window, so one value means the same in both.
        String window = "window:" + map.low() + "," + map.high();
        TrainingImages syntheticImages = read(syntheticFolder, reader, options.withNormalization(window), syntheticKey,
                progress.part(8, 2, 10), cancel);
        List<String> classes = realClasses ? realImages.classes() : List.of(FLAT_CLASS);
        return new Loaded(set(realImages, classes), set(syntheticImages, classes), realImages.channels(),
                Math.abs(map.fromNetwork().scale()), map);
    }

    private static ImageSet set(TrainingImages images, List<String> classes) {
        float[][] pixels = new float[images.size()][];
        int[] classOf = new int[images.size()];
        List<String> files = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            pixels[i] = images.pixels(i);
            classOf[i] = images.isLabelled() ? classes.indexOf(images.classes().get(images.label(i))) : 0;
            files.add(images.source(i));
        }
        return new ImageSet(classes, pixels, classOf, files);
    }

    private static TrainingImages read(ImageFolder folder, ImageReader reader, TrainingImages.Options options, String key,
            ProgressListener progress, CancellationToken cancel) throws JobInputException {
        try {
            return TrainingImages.load(folder, reader, options, progress, cancel);
        } catch (ImageReadException e) {
            throw new JobInputException(key, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(key, folder.folder() + ": " + e.getMessage(), e);
        }
    }

    private static ImageFolder scan(Path folder, boolean classes, String key, ImageReader reader) throws JobInputException {
        try {
            return ImageFolder.scan(folder, reader, ImageFolder.Options.DEFAULT.withClassSubfolders(classes));
        } catch (ImageReadException e) {
            throw new JobInputException(key, e.getMessage(), e);
        }
    }

    /** @return whether the folder holds subfolders and no image files of its own (then the subfolders are classes) */
    static boolean hasClassSubfolders(Path folder, String key) throws JobInputException {
        boolean subfolders = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    subfolders = true;
                } else if (ImageFolder.hasImageExtension(p)) {
                    return false;
                }
            }
        } catch (IOException e) {
            throw new JobInputException(key, folder + ": cannot list the folder: " + e.getMessage(), e);
        }
        return subfolders;
    }
}
