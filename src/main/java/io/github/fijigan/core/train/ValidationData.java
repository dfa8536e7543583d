package io.github.fijigan.core.train;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.github.fijigan.core.data.BatchOrder;
import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.NaturalOrder;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.noise.NoiseSimulator;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.stain.Luma;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Loads the validation pairs a config names ({@link ValidationSet}), image files paired by name
 * without extension:
 * <ul>
 * <li>pix2pix, CycleGAN: {@code validation_a} and {@code validation_b}; the input is the folder the
 *     config's {@code direction} translates from (A for {@code AtoB}), the reference the other;</li>
 * <li>denoise: {@code validation_noisy} (inputs) and {@code validation_clean} (references); with
 *     {@code validation_clean} alone, the config's noise simulator adds noise to each reference from
 *     a stream fixed by the run's seed and the image's place, so every validation (and every resumed
 *     session) sees the same noisy images; they are float32 in the references' physical units;</li>
 * <li>colorizer: {@code validation}, 8-bit RGB images of the target stain, each both the input
 *     (coloured again from its grey version) and the reference.</li>
 * </ul>
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults(ModelKind.PIX2PIX).with("validation_a", "/data/valA").with("validation_b", "/data/valB");
 * ValidationSet set = ValidationData.load(config, new ImageJReader());
 * }</pre>
 */
public final class ValidationData {

    /** Names the stream of simulated validation noise, apart from every training stream. */
    private static final String NOISE_STREAM = "validation_noise";

    private ValidationData() {}

    /** Loads as {@link #load(TrainConfig, ImageReader, ProgressListener, CancellationToken)} does. */
    public static ValidationSet load(TrainConfig config, ImageReader reader) throws JobInputException {
        return load(config, reader, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * @return the config's validation pairs, with its {@code data_range} (or the images')
     * @throws JobInputException naming the folder key ({@code validation_a}, …) and the folder or file:
     *     a folder of a pair not named, a missing or empty folder, names without a partner, an
     *     unreadable file, sizes that differ
     * @throws IllegalArgumentException when the config names no validation folders
     */
    public static ValidationSet load(TrainConfig config, ImageReader reader, ProgressListener progress, CancellationToken cancel)
            throws JobInputException {
        if (!config.validates()) {
            throw new IllegalArgumentException("kind " + config.kind().id() + ": the config names no validation folders"
                    + (config.validationFolderKeys().isEmpty() ? "" : " (" + String.join(", ", config.validationFolderKeys())
                    + ") or validate_every is 0"));
        }
        String[] incomplete = ValidationKeys.incomplete(config);
        if (incomplete != null) {
            throw new JobInputException(incomplete[0], incomplete[1]);
        }
        List<ValidationSet.Pair> pairs;
        if (config.isTranslation()) {
            boolean fromB = config.direction().equals("BtoA");
            pairs = pairs(config, fromB ? "validation_b" : "validation_a", fromB ? "validation_a" : "validation_b", reader, progress,
                    cancel);
        } else if (config.isDenoise()) {
            pairs = config.validationNoisy().isEmpty() ? simulated(config, reader, progress, cancel)
                    : pairs(config, "validation_noisy", "validation_clean", reader, progress, cancel);
        } else {
            pairs = colorizer(config, reader, progress, cancel);
        }
        try {
            return ValidationSet.of(pairs, config.dataRange());
        } catch (IllegalArgumentException e) {
            throw new JobInputException("data_range", e.getMessage(), e);
        }
    }

    /**
     * The noisy version of a clean validation image, as {@link #load} makes it: float32 with the
     * image's axes (ARGB pixels become a C axis of R, G, B) in its physical units, noise drawn plane
     * by plane from the stream of (seed, index).
     *
     * @param index the image's place among the validation images (0-based, in natural order of names)
     */
    public static CalibratedImage<FloatType> noisy(CalibratedImage<?> clean, NoiseSimulator noise, long seed, int index) {
        SplittableRandom random = BatchOrder.random(seed, 0, index, NOISE_STREAM);
        long w = clean.size(Axis.X), h = clean.size(Axis.Y), zs = clean.size(Axis.Z), ts = clean.size(Axis.T);
        int channels = clean.channels();
        List<Axis> axes = new ArrayList<>(List.of(Axis.X, Axis.Y));
        List<Long> dims = new ArrayList<>(List.of(w, h));
        for (Axis axis : new Axis[] {Axis.C, Axis.Z, Axis.T}) {
            long size = axis == Axis.C ? channels : clean.size(axis);
            if (size > 1 || clean.indexOf(axis) >= 0) {
                axes.add(axis);
                dims.add(size);
            }
        }
        ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(dims.stream().mapToLong(Long::longValue).toArray());
        float[] out = img.update(null).getCurrentStorageArray();
        ValueCalibration vc = clean.valueCalibration();
        LinearMap physical = vc.isIdentity() ? LinearMap.IDENTITY : LinearMap.of(vc.slope(), vc.intercept());
        int at = 0;
        for (long t = 0; t < ts; t++) {
            for (long z = 0; z < zs; z++) {
                // ArrayImg order: X, Y, then C, Z, T; PlaneReader gives one block per channel, R, G, B for ARGB.
                for (long c = 0; c < clean.size(Axis.C); c++) {
                    float[] values = PlaneReader.read(clean.plane(c, z, t), physical);
                    noise.addTo(values, 0, values.length, random);
                    System.arraycopy(values, 0, out, at, values.length);
                    at += values.length;
                }
            }
        }
        return new CalibratedImage<>(img, axes, clean.spatialCalibration(), new ValueCalibration(1, 0, vc.unit()),
                clean.name() + " noisy");
    }

    private static List<ValidationSet.Pair> pairs(TrainConfig config, String inputKey, String referenceKey, ImageReader reader,
            ProgressListener progress, CancellationToken cancel) throws JobInputException {
        Path inputFolder = folder(config, inputKey);
        Path referenceFolder = folder(config, referenceKey);
        Map<String, Path> inputs = images(inputKey, inputFolder);
        Map<String, Path> references = images(referenceKey, referenceFolder);
        List<String> lonely = new ArrayList<>();
        for (String name : inputs.keySet()) {
            if (!references.containsKey(name)) {
                lonely.add(inputs.get(name).getFileName() + " (" + inputKey + ")");
            }
        }
        for (String name : references.keySet()) {
            if (!inputs.containsKey(name)) {
                lonely.add(references.get(name).getFileName() + " (" + referenceKey + ")");
            }
        }
        if (!lonely.isEmpty()) {
            throw new JobInputException(referenceKey, "validation images pair by file name without extension; " + lonely.size()
                    + " image(s) of " + inputFolder + " and " + referenceFolder + " have no partner: " + shortList(lonely));
        }
        List<ValidationSet.Pair> pairs = new ArrayList<>();
        int done = 0;
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            cancel.throwIfCancelled("loading validation images");
            progress.progress(done++, inputs.size(), "Reading validation pair " + e.getKey());
            CalibratedImage<?> input = read(reader, inputKey, e.getValue());
            CalibratedImage<?> reference = read(reader, referenceKey, references.get(e.getKey()));
            pairs.add(pair(referenceKey, e.getKey(), input, reference));
        }
        progress.progress(done, inputs.size(), "Read " + done + " validation pair(s)");
        return pairs;
    }

    private static List<ValidationSet.Pair> simulated(TrainConfig config, ImageReader reader, ProgressListener progress,
            CancellationToken cancel) throws JobInputException {
        NoiseSimulator noise = DenoiseData.simulator(config);
        Map<String, Path> clean = images("validation_clean", folder(config, "validation_clean"));
        List<ValidationSet.Pair> pairs = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Path> e : clean.entrySet()) {
            cancel.throwIfCancelled("loading validation images");
            progress.progress(index, clean.size(), "Reading validation image " + e.getKey());
            CalibratedImage<?> reference = read(reader, "validation_clean", e.getValue());
            pairs.add(pair("validation_clean", e.getKey(), noisy(reference, noise, config.seed(), index), reference));
            index++;
        }
        progress.progress(index, clean.size(), "Read " + index + " validation image(s)");
        return pairs;
    }

    private static List<ValidationSet.Pair> colorizer(TrainConfig config, ImageReader reader, ProgressListener progress,
            CancellationToken cancel) throws JobInputException {
        Map<String, Path> images = images("validation", folder(config, "validation"));
        List<ValidationSet.Pair> pairs = new ArrayList<>();
        int done = 0;
        for (Map.Entry<String, Path> e : images.entrySet()) {
            cancel.throwIfCancelled("loading validation images");
            progress.progress(done++, images.size(), "Reading validation image " + e.getKey());
            CalibratedImage<?> image = read(reader, "validation", e.getValue());
            if (!Luma.isRgb8(image)) {
                throw new JobInputException("validation", e.getValue() + " is " + Luma.describe(image) + "; a colorizer is validated on"
                        + " 8-bit RGB images of its target stain");
            }
            pairs.add(pair("validation", e.getKey(), image, image));
        }
        progress.progress(done, images.size(), "Read " + done + " validation image(s)");
        return pairs;
    }

    private static ValidationSet.Pair pair(String key, String name, CalibratedImage<?> input, CalibratedImage<?> reference)
            throws JobInputException {
        try {
            return new ValidationSet.Pair(name, input, reference);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(key, e.getMessage(), e);
        }
    }

    private static Path folder(TrainConfig config, String key) throws JobInputException {
        String value = config.toJson().get(key).getAsString();
        Path folder;
        try {
            folder = Path.of(value);
        } catch (InvalidPathException e) {
            throw new JobInputException(key, "not a valid path: " + value, e);
        }
        if (!Files.isDirectory(folder)) {
            throw new JobInputException(key, folder + (Files.exists(folder) ? ": not a folder" : ": folder not found"));
        }
        return folder;
    }

    /** @return the folder's image files by name without extension, in natural order */
    private static Map<String, Path> images(String key, Path folder) throws JobInputException {
        Map<String, Path> byName = new TreeMap<>(NaturalOrder.STRINGS);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                String file = p.getFileName().toString();
                boolean noExtension = file.indexOf('.') < 0;
                if (file.startsWith(".") || Files.isDirectory(p)
                        || !ImageFolder.hasImageExtension(p) && !(noExtension && ImageFolder.isDicom(p))) {
                    continue;
                }
                String name = noExtension ? file : file.substring(0, file.lastIndexOf('.'));
                Path before = byName.put(name, p);
                if (before != null) {
                    throw new JobInputException(key, folder + ": " + before.getFileName() + " and " + file
                            + " would both pair by the name '" + name + "'; keep one of them");
                }
            }
        } catch (IOException e) {
            throw new JobInputException(key, folder + ": cannot list the folder: " + e.getMessage(), e);
        }
        if (byName.isEmpty()) {
            throw new JobInputException(key, folder + ": no image files");
        }
        return byName;
    }

    private static CalibratedImage<?> read(ImageReader reader, String key, Path file) throws JobInputException {
        try {
            return reader.read(file);
        } catch (ImageReadException e) {
            throw new JobInputException(key, e.getMessage(), e);
        }
    }

    private static String shortList(List<String> names) {
        int shown = Math.min(10, names.size());
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
    }
}
