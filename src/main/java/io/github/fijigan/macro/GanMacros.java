package io.github.fijigan.macro;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ij.IJ;
import io.github.fijigan.core.infer.DenoiseJob;
import io.github.fijigan.core.infer.TranslateJob;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.metrics.ImageQualityJob;
import io.github.fijigan.core.metrics.benefit.AugmentationBenefitJob;
import io.github.fijigan.core.metrics.synthetic.SyntheticDataJob;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.stain.NormalizeStainJob;
import io.github.fijigan.core.train.GenerateJob;
import io.github.fijigan.core.train.TrainConfigFile;
import io.github.fijigan.core.train.TrainingJob;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.SampleWriters;

/**
 * The GAN functions for ImageJ macros and scripts. Each returns a status string and never throws
 * or opens a dialog: {@code "ok: <what was made>"}, {@code "error: <input>: <problem>"} or
 * {@code "cancelled: …"} (Esc). They block until every file is written.
 *
 * <p>From a macro, as extension functions ({@link GanMacroFunctions}):
 * <pre>
 * run("GAN Macro Functions");
 * status = Ext.train("/configs/shapes.json", "/runs/shapes");
 * if (!startsWith(status, "ok")) exit(status);
 * status = Ext.generate("/runs/shapes/model.zip", "/data/synthetic", 100, "", 7);
 * status = Ext.translate("/models/t1t2.zip", "/data/t1", "/data/t2", "A->B");
 * </pre>
 * or with {@code call}, which passes every argument as a string (no {@code run(...)} needed):
 * <pre>
 * status = call("io.github.fijigan.macro.GanMacros.generate", model, folder, "100", "", "7");
 * </pre>
 *
 * <p>To add a function (e.g. {@code denoise}): write a {@code public static String} method here
 * taking strings, whose body is {@code MacroJobs.run(() -> SomeJob.create(...))}, and list it in
 * {@link #FUNCTIONS} with its argument kinds.
 */
public final class GanMacros {

    /** Every function, as the macro extension offers it. */
    static final List<MacroFunction> FUNCTIONS = List.of(
            MacroFunction.of("train", "config, runFolder", a -> train(a.text(0), a.text(1))),
            MacroFunction.of("generate", "model, outputFolder, #count, className, #seed",
                    a -> generate(a.text(0), a.text(1), a.text(2), a.text(3), a.text(4))),
            MacroFunction.of("translate", "model, input, outputFolder, direction",
                    a -> translate(a.text(0), a.text(1), a.text(2), a.text(3))),
            MacroFunction.of("denoise", "model, input, outputFolder, #removedNoise",
                    a -> denoise(a.text(0), a.text(1), a.text(2), a.text(3))),
            MacroFunction.of("normalizeStain", "method, target, input, outputFolder",
                    a -> normalizeStain(a.text(0), a.text(1), a.text(2), a.text(3))),
            MacroFunction.of("evaluateQuality", "referenceFolder, testFolder, outputFolder, metrics, #dataRange",
                    a -> evaluateQuality(a.text(0), a.text(1), a.text(2), a.text(3), a.text(4))),
            MacroFunction.of("evaluateSynthetic", "realFolder, syntheticFolder, outputFolder, #imageSize, #epochs, #seed",
                    a -> evaluateSynthetic(a.text(0), a.text(1), a.text(2), a.text(3), a.text(4), a.text(5))),
            MacroFunction.of("augmentationBenefit", "realFolder, syntheticFolder, outputFolder, testFolder, #imageSize, #repeats, #seed",
                    a -> augmentationBenefit(a.text(0), a.text(1), a.text(2), a.text(3), a.text(4), a.text(5), a.text(6))),
            MacroFunction.of("modelInfo", "model", a -> modelInfo(a.text(0))));

    private GanMacros() {
    }

    /**
     * Trains a synthesis GAN; running it again on the same run folder resumes.
     *
     * @param config a config file, or the JSON text of one ({@code {"kind": "dcgan", "data": "/images", ...}})
     * @param runFolder where the run's files and {@code model.zip} go
     * @return {@code ok: trained … model <runFolder>/model.zip}, or {@code error: …}
     */
    public static String train(String config, String runFolder) {
        return MacroJobs.run(() -> TrainingJob.create(TrainConfigFile.parse(config, Path.of("")),
                path(TrainingJob.RUN_FOLDER, runFolder), new ImageJReader(w -> IJ.log("warning: " + w)))
                .warnings(w -> IJ.log("warning: " + w)));
    }

    /**
     * Draws samples from a synthesis model into {@code outputFolder/<class>/sample_00001.png …}.
     *
     * @param count samples per class, a whole number
     * @param className one class, or empty for every class
     * @param seed a whole number; the same seed gives the same samples
     * @return {@code ok: wrote …}, or {@code error: …}
     */
    public static String generate(String model, String outputFolder, String count, String className, String seed) {
        return MacroJobs.run(() -> GenerateJob.create(path(GenerateJob.MODEL, model),
                path(GenerateJob.OUTPUT_FOLDER, outputFolder), (int) whole(GenerateJob.COUNT, count))
                .className(className)
                .seed(whole("seed", seed))
                .writers(SampleWriters.BY_OUTPUT_TYPE));
    }

    /**
     * Translates an image file, or every image of a folder, with a pix2pix, CycleGAN or TorchScript
     * model into {@code outputFolder/NAME.tif}, in the inputs' type, units and calibration (default
     * tiling: 512-pixel tiles, 32 pixels of overlap).
     *
     * @param direction {@code A->B}, {@code B->A}, or empty for the model's own
     * @return {@code ok: translated N images A->B to …}, or {@code error: …}
     */
    public static String translate(String model, String input, String outputFolder, String direction) {
        return MacroJobs.run(() -> TranslateJob.create(path(TranslateJob.MODEL, model), path(TranslateJob.INPUT, input),
                path(TranslateJob.OUTPUT_FOLDER, outputFolder))
                .direction(direction)
                .reader(new ImageJReader(w -> IJ.log("warning: " + w)))
                .writer(SampleWriters.tiff()));
    }

    /**
     * Denoises an image, a stack, or every image of a folder with a denoising model into
     * {@code outputFolder/NAME.tif}, in the inputs' type and units (HU stays HU).
     *
     * @param removedNoise {@code true} to also write {@code NAME_noise.tif} (input − output)
     * @return {@code ok: denoised N images to …}, or {@code error: …}
     */
    public static String denoise(String model, String input, String outputFolder, String removedNoise) {
        return MacroJobs.run(() -> DenoiseJob.create(path(DenoiseJob.MODEL, model), path(DenoiseJob.INPUT, input),
                path(DenoiseJob.OUTPUT_FOLDER, outputFolder))
                .removedNoise(bool("removedNoise", removedNoise))
                .reader(new ImageJReader(w -> IJ.log("warning: " + w)))
                .writer(SampleWriters.tiff()));
    }

    /**
     * Normalises the stain of a histology image, or of every image of a folder, to a target into
     * {@code outputFolder/NAME.tif}.
     *
     * @param method {@code macenko} or {@code reinhard}
     * @param target a reference image of the target stain, or a target {@code .json} saved earlier
     * @return {@code ok: normalised N images with … to …}, or {@code error: …}
     */
    public static String normalizeStain(String method, String target, String input, String outputFolder) {
        return MacroJobs.run(() -> NormalizeStainJob.create(method, path(NormalizeStainJob.TARGET, target),
                path(NormalizeStainJob.INPUT, input), path(NormalizeStainJob.OUTPUT_FOLDER, outputFolder))
                .reader(new ImageJReader(w -> IJ.log("warning: " + w)))
                .writer(SampleWriters.tiff()));
    }

    /**
     * Measures every image of {@code testFolder} against the reference of the same name with
     * full-reference metrics, into {@code outputFolder/metrics.csv} and {@code metrics_summary.csv}.
     *
     * @param metrics comma separated metric names ({@code psnr, ssim, ms_ssim, gmsd, haarpsi, ...}), or empty for the default set
     * @param dataRange the width of the images' value range in their units: 255 for 8-bit, e.g. 2000 for CT in HU
     * @return {@code ok: evaluated N pairs: psnr … ± …, …}, or {@code error: …}
     */
    public static String evaluateQuality(String referenceFolder, String testFolder, String outputFolder, String metrics,
            String dataRange) {
        return MacroJobs.run(() -> ImageQualityJob.create(path(ImageQualityJob.REFERENCE_FOLDER, referenceFolder),
                        path(ImageQualityJob.TEST_FOLDER, testFolder), path(ImageQualityJob.OUTPUT_FOLDER, outputFolder))
                .metrics(metrics == null || metrics.isBlank() ? ImageQualityJob.DEFAULT_METRICS : metrics)
                .dataRange(number(ImageQualityJob.DATA_RANGE, dataRange))
                .reader(new ImageJReader(w -> IJ.log("warning: " + w))));
    }

    /**
     * Compares synthetic images with the real ones in the latent space of an autoencoder trained on
     * the real images: per-class centroid and Fréchet distances, per-image distances (box plots), and
     * each synthetic image's nearest real one (memorisation check), into {@code outputFolder}
     * (latent grid 16 × 16 × 8 for 256-pixel images: the image halved up to four times).
     *
     * @param imageSize images are resized to this square size, e.g. 256
     * @param epochs autoencoder training epochs
     * @param seed the same seed gives the same tables
     * @return {@code ok: compared N synthetic images …}, or {@code error: …}
     */
    public static String evaluateSynthetic(String realFolder, String syntheticFolder, String outputFolder, String imageSize,
            String epochs, String seed) {
        return MacroJobs.run(() -> {
            int size = (int) whole(SyntheticDataJob.IMAGE_SIZE, imageSize);
            return SyntheticDataJob.create(path(SyntheticDataJob.REAL_FOLDER, realFolder),
                            path(SyntheticDataJob.SYNTHETIC_FOLDER, syntheticFolder), path(SyntheticDataJob.OUTPUT_FOLDER, outputFolder))
                    .imageSize(size)
                    .latentSize(latentSide(size))
                    .epochs((int) whole(SyntheticDataJob.EPOCHS, epochs))
                    .seed(whole("seed", seed))
                    .reader(new ImageJReader(w -> IJ.log("warning: " + w)));
        });
    }

    /**
     * Measures what synthetic images do for a classifier: a small CNN trained on the real images, on
     * real + classical augmentation (rotation, scaling, flips) and on real + synthetic images
     * (balancing the classes), each tested on held-out real images, {@code repeats} times with seeds
     * {@code seed, seed + 1, …}; into {@code outputFolder/benefit_runs.csv}, {@code
     * benefit_summary.csv} and {@code benefit.png}.
     *
     * @param testFolder held-out real images (one subfolder per class), or empty to hold out a
     *     stratified quarter of the real images
     * @return {@code ok: augmentation benefit, N repeats with seed …: real accuracy …}, or {@code error: …}
     */
    public static String augmentationBenefit(String realFolder, String syntheticFolder, String outputFolder, String testFolder,
            String imageSize, String repeats, String seed) {
        return MacroJobs.run(() -> AugmentationBenefitJob.create(path(AugmentationBenefitJob.REAL_FOLDER, realFolder),
                        path(AugmentationBenefitJob.SYNTHETIC_FOLDER, syntheticFolder), path(AugmentationBenefitJob.OUTPUT_FOLDER, outputFolder))
                .testFolder(testFolder == null || testFolder.isBlank() ? null : path(AugmentationBenefitJob.TEST_FOLDER, testFolder))
                .imageSize((int) whole(AugmentationBenefitJob.IMAGE_SIZE, imageSize))
                .repeats((int) whole(AugmentationBenefitJob.REPEATS, repeats))
                .seed(whole("seed", seed))
                .reader(new ImageJReader(w -> IJ.log("warning: " + w))));
    }

    /** Up to four halvings, as the chest X-ray study's 256 → 16, as far as the size divides. */
    private static int latentSide(int imageSize) {
        int side = imageSize;
        for (int k = 0; k < 4 && side % 2 == 0 && side > 2; k++) {
            side /= 2;
        }
        return side;
    }

    /** @return {@code ok: } and the model's description (kind, networks, domains, classes, training), or {@code error: …} */
    public static String modelInfo(String model) {
        return MacroJobs.answer(() -> {
            Path file = path(GenerateJob.MODEL, model);
            try {
                return ModelBundles.readManifest(file).describe();
            } catch (ModelBundleException e) {
                throw new JobInputException(GenerateJob.MODEL, e.getMessage(), e);
            }
        });
    }

    static Path path(String input, String text) throws JobInputException {
        String value = Optional.ofNullable(text).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new JobInputException(input, "no path given");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new JobInputException(input, "not a valid path: \"" + value + "\"", e);
        }
    }

    /** Reads a yes/no macro argument: {@code true}/{@code false}, {@code 1}/{@code 0} (a macro's booleans). */
    static boolean bool(String input, String text) throws JobInputException {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "true": case "1": case "1.0": case "yes":
                return true;
            case "false": case "0": case "0.0": case "no": case "":
                return false;
            default:
                throw new JobInputException(input, String.format(Locale.ROOT, "must be true or false, got \"%s\"", text));
        }
    }

    /** Reads a finite number from a macro argument. */
    static double number(String input, String text) throws JobInputException {
        String value = text == null ? "" : text.strip();
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new JobInputException(input, String.format(Locale.ROOT, "must be a number, got \"%s\"", value));
    }

    /** Reads a whole number from a macro argument, which may come as "7", "7.0" or " 7 ". */
    static long whole(String input, String text) throws JobInputException {
        String value = text == null ? "" : text.strip();
        try {
            double d = Double.parseDouble(value);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return (long) d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new JobInputException(input, String.format(Locale.ROOT, "must be a whole number, got \"%s\"", value));
    }
}
