package io.github.fijigan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import io.github.fijigan.core.data.PngImageWriter;
import io.github.fijigan.core.data.PngWriter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.DenoiseJob;
import io.github.fijigan.core.infer.Denoising;
import io.github.fijigan.core.infer.TranslateJob;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.metrics.EvaluationTable;
import io.github.fijigan.core.metrics.ImageQualityJob;
import io.github.fijigan.core.metrics.Ssim;
import io.github.fijigan.core.noise.PoissonNoise;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.stain.NormalizeStainJob;
import io.github.fijigan.core.stain.RgbImages;
import io.github.fijigan.core.stain.StainTarget;
import io.github.fijigan.core.train.BestModel;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.core.train.TrainingJob;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.SampleWriters;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The README's main job on the repository's {@code test-data/}: trains a small pix2pix model (keeping
 * the best epoch on validation pairs) and translates and measures held-out images with it, trains a small CT denoiser and denoises a simulated low-dose
 * slice in HU, normalises the stain of a histology image by Macenko and Reinhard, and writes the images, loss plots and a Markdown report ({@code report.md}) with the
 * measured numbers to an output folder. Every step goes through the same jobs as the commands.
 */
final class Demo {

    /** How big a run is: {@link #FULL} for the README (a few minutes on 2 CPU cores), {@link #QUICK} for tests. */
    record Size(int translationEpochs, int translationWidth, int denoiseEpochs, int denoisePatches) {
        static final Size FULL = new Size(40, 16, 50, 64);
        static final Size QUICK = new Size(1, 4, 1, 8);
    }

    private static final Path TEST_DATA = Path.of("test-data");
    private static final int HELD_OUT = 16;
    private static final int VALIDATION = 8;

    private final Path output;
    private final Size size;
    private final PrintStream out;
    private final PrintStream err;
    private final ImageJReader reader = new ImageJReader();
    private final DemoReport report = new DemoReport();

    Demo(Path output, Size size, PrintStream out, PrintStream err) {
        this.output = output;
        this.size = size;
        this.out = out;
        this.err = err;
    }

    /** @return the report file */
    Path run() throws Exception {
        if (!Files.isDirectory(TEST_DATA.resolve("synthetic/paired"))) {
            throw new JobInputException("test-data", "run the demo from the repository's root folder: "
                    + TEST_DATA.toAbsolutePath() + " has no synthetic/paired");
        }
        Files.createDirectories(output);
        long start = System.nanoTime();
        translation();
        denoising();
        stain();
        report.line(String.format(Locale.ROOT, "Total time: %.0f s.", (System.nanoTime() - start) / 1e9));
        Path file = output.resolve("report.md");
        report.write(file);
        return file;
    }

    private void translation() throws Exception {
        step("1/3 Translation: pix2pix on test-data/synthetic/paired (bright discs -> dark squares)");
        Path data = output.resolve("translation/data");
        List<String> heldOut = splitPairs(TEST_DATA.resolve("synthetic/paired"), data);
        TrainConfig config = TrainConfig.defaults(ModelKind.PIX2PIX)
                .with("generator", "resnet_6blocks").with("ngf", size.translationWidth()).with("ndf", size.translationWidth())
                .with("preprocess", "none").with("load_size", 32).with("crop_size", 32)
                .with("n_epochs", size.translationEpochs()).with("n_epochs_decay", 0).with("batch_size", 4).with("lr", 1e-3)
                .with("checkpoint_every", 0).with("seed", 5)
                .with("validation_a", data.resolve("val/A").toAbsolutePath().toString())
                .with("validation_b", data.resolve("val/B").toAbsolutePath().toString())
                .with("validate_every", Math.max(1, size.translationEpochs() / 8)).with("select_metric", "ssim");
        Path run = output.resolve("translation/run");
        long t0 = System.nanoTime();
        TrainingJob.Result trained = TrainingJob.create(config, run, reader).data(data)
                .run(ConsoleProgress.forStream(err), new CancellationToken());
        double seconds = (System.nanoTime() - t0) / 1e9;
        BestModel best = trained.training().best().orElseThrow();
        Path testA = data.resolve("test/A");
        Path testB = data.resolve("test/B");
        Path translated = output.resolve("translation/translated");
        TranslateJob.create(best.model().orElseThrow(), testA, translated).reader(reader).writer(SampleWriters.tiff())
                .run(ConsoleProgress.forStream(err), new CancellationToken());
        EvaluationTable result = quality(testB, translated, output.resolve("translation/metrics"));
        EvaluationTable inputs = quality(testB, testA, output.resolve("translation/metrics_inputs"));
        String first = heldOut.get(0);
        Path strip = output.resolve("translation/held_out_" + stem(first) + ".png");
        writeStrip(strip, List.of(reader.read(testA.resolve(first)), reader.read(translated.resolve(stem(first) + ".tif")),
                reader.read(testB.resolve(first))), 0, 255);
        StringBuilder table = new StringBuilder("\n\n| held-out pairs (mean ± sd) | translated | the inputs themselves |\n|---|---|---|\n");
        for (String metric : result.metrics()) {
            EvaluationTable.Summary r = summary(result, metric);
            EvaluationTable.Summary i = summary(inputs, metric);
            table.append(String.format(Locale.ROOT, "| %s | %.3f ± %.3f | %.3f ± %.3f |%n", metric, r.mean(), r.sd(), i.mean(), i.sd()));
        }
        report.section("Translation (pix2pix)",
                String.format(Locale.ROOT, "Trained %s for %d epochs (%d iterations) on %d pairs in %.0f s, measuring SSIM on %d"
                        + " validation pairs every %d epochs: the best epoch, **%d** (validation SSIM %.3f), is kept as"
                        + " best_model.zip and translated the %d held-out images. Mean SSIM to the true targets: **%.3f** (the"
                        + " inputs themselves: %.3f). Per-image tables: translation/metrics/metrics.csv.",
                        config.kind().id(), trained.training().epochsCompleted(), trained.training().iterations(), trained.images(),
                        seconds, VALIDATION, config.validateEvery(), best.epoch(), best.value(), heldOut.size(),
                        summary(result, "ssim").mean(), summary(inputs, "ssim").mean()) + table,
                List.of(new DemoReport.Figure("held-out input | translated | true target", output.relativize(strip)),
                        new DemoReport.Figure("losses", output.relativize(run.resolve("losses.png"))),
                        new DemoReport.Figure("validation metrics by epoch", output.relativize(run.resolve("validation.png")))));
        out.printf(Locale.ROOT, "translation: best epoch %d of %d; held-out SSIM %.3f (inputs %.3f)%n", best.epoch(),
                trained.training().epochsCompleted(), summary(result, "ssim").mean(), summary(inputs, "ssim").mean());
    }

    /** Measures every image of {@code test} against its namesake in {@code reference}, through the Image Quality job. */
    private EvaluationTable quality(Path reference, Path test, Path tables) throws Exception {
        return ImageQualityJob.create(reference, test, tables).metrics("psnr, ssim, gmsd, haarpsi").dataRange(255).reader(reader)
                .run(ConsoleProgress.forStream(err), new CancellationToken()).table();
    }

    private static EvaluationTable.Summary summary(EvaluationTable table, String metric) {
        return table.summary().stream().filter(s -> s.metric().equals(metric)).findFirst().orElseThrow();
    }

    private void denoising() throws Exception {
        step("2/3 Denoising: a CT slice (test-data/dicom/CT_small.dcm, HU) at a quarter of the dose");
        Path clean = Files.createDirectories(output.resolve("denoising/data"));
        Files.copy(TEST_DATA.resolve("dicom/CT_small.dcm"), clean.resolve("CT_small.dcm"));
        TrainConfig config = TrainConfig.defaults(ModelKind.DENOISE)
                .with("noise", "poisson").with("noise_i0", 1e4).with("noise_dose", 0.25)
                .with("crop_size", 32).with("patches_per_image", size.denoisePatches())
                .with("ngf", 16).with("generator_layers", 5).with("discriminator", "n_layers").with("n_layers_d", 2).with("ndf", 4)
                .with("batch_size", 8).with("lr", 2e-3).with("n_epochs", size.denoiseEpochs()).with("n_epochs_decay", 0)
                .with("checkpoint_every", 0).with("seed", 3);
        Path run = output.resolve("denoising/run");
        long t0 = System.nanoTime();
        TrainingJob.Result trained = TrainingJob.create(config, run, reader).data(clean)
                .run(ConsoleProgress.forStream(err), new CancellationToken());
        double seconds = (System.nanoTime() - t0) / 1e9;

        // A low-dose version drawn with another seed than training's, in HU.
        CalibratedImage<?> ct = reader.read(clean.resolve("CT_small.dcm"));
        float[] hu = physical(ct);
        float[] noisyHu = new PoissonNoise(1e4, 0.25, PoissonNoise.MU_WATER, 20).noisy(hu, new SplittableRandom(2026));
        CalibratedImage<?> noisy = new CalibratedImage<>(ArrayImgs.floats(noisyHu, 128, 128), ct.axes(), ct.spatialCalibration(),
                new io.github.fijigan.core.image.ValueCalibration(1, 0, "HU"), "CT_small_low_dose");
        Denoising d = DenoiseJob.forImage(trained.training().model().orElseThrow(), noisy, output.resolve("denoising/denoised"))
                .removedNoise(true).writer(SampleWriters.tiff()).run(ConsoleProgress.forStream(err), new CancellationToken())
                .inMemory().orElseThrow();
        float[] denoisedHu = physical(d.image());
        double before = psnr(noisyHu, hu, 2000);
        double after = psnr(denoisedHu, hu, 2000);
        Path strip = output.resolve("denoising/low_dose_denoised_full_dose.png");
        writeStrip(strip, List.of(noisy, d.image(), ct), -160, 240);
        report.section("Denoising (low-dose CT)",
                String.format(Locale.ROOT, "Trained a %s denoiser for %d epochs (%d iterations) on patches of the full-dose slice with"
                        + " simulated Poisson noise (I0 = 1e4, a quarter of the dose) in %.0f s. On a new noise draw, in HU (data range"
                        + " 2000 HU): PSNR of the low-dose slice **%.2f dB**, denoised **%.2f dB** (%+.2f dB). The slice is the one"
                        + " trained on (the repository has one CT slice); the tests measure a held-out region.",
                        config.generator(), trained.training().epochsCompleted(), trained.training().iterations(), seconds, before, after,
                        after - before),
                List.of(new DemoReport.Figure("low dose | denoised | full dose (window -160..240 HU)", output.relativize(strip)),
                        new DemoReport.Figure("losses", output.relativize(run.resolve("losses.png")))));
        out.printf(Locale.ROOT, "denoising: PSNR %.2f dB -> %.2f dB%n", before, after);
    }

    private void stain() throws Exception {
        step("3/3 Stain normalisation: an H&E-style image to the IHC image's stain (Macenko, Reinhard)");
        Path targetFile = TEST_DATA.resolve("histology/ihc.png");
        CalibratedImage<?> slide = reader.read(TEST_DATA.resolve("histology/he_from_ihc.png"));
        Path folder = Files.createDirectories(output.resolve("stain"));
        double[] target = labMean(reader.read(targetFile));
        double before = distance(labMean(slide), target);
        List<DemoReport.Figure> figures = new ArrayList<>();
        new PngImageWriter().write(slide, folder.resolve("input.png"));
        figures.add(new DemoReport.Figure("input (H&E-style)", Path.of("stain/input.png")));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Distance of the image's mean Lab colour (over tissue) to the target's: input %.1f", before));
        for (String method : List.of("macenko", "reinhard")) {
            CalibratedImage<?> out = NormalizeStainJob.forImage(method, targetFile, slide, folder).reader(reader)
                    .writer(SampleWriters.tiff()).run(ConsoleProgress.forStream(err), new CancellationToken()).inMemory().orElseThrow();
            double after = distance(labMean(out), target);
            float[] grayIn = RgbImages.stacked(slide, 255).gray();
            float[] grayOut = RgbImages.stacked(out, 255).gray();
            int w = (int) slide.data().dimension(0);
            int h = (int) slide.data().dimension(1);
            double ssim = Ssim.gaussian(grayIn, grayOut, w, h, 255);
            text.append(String.format(Locale.ROOT, "; %s **%.1f** (structure kept: SSIM of the gray versions %.3f)", method, after, ssim));
            new PngImageWriter().write(out, folder.resolve(method + ".png"));
            figures.add(new DemoReport.Figure(method, Path.of("stain/" + method + ".png")));
            this.out.println(String.format(Locale.ROOT, "stain: %s Lab distance %.1f -> %.1f, gray SSIM %.3f", method, before, after, ssim));
        }
        new PngImageWriter().write(reader.read(targetFile), folder.resolve("target.png"));
        figures.add(new DemoReport.Figure("target (IHC)", Path.of("stain/target.png")));
        report.section("Stain normalisation (histology)", text.append(".").toString(), figures);
    }

    private static double[] labMean(CalibratedImage<?> rgb) {
        return StainTarget.fit(RgbImages.stacked(rgb, 255), "demo", List.of("reinhard")).requireReinhard().mean();
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private void step(String title) {
        out.println(title);
        out.flush();
    }

    /**
     * Copies the last {@link #HELD_OUT} pairs to {@code data/test/A|B}, the {@link #VALIDATION} before
     * them to {@code data/val/A|B}, and the rest to {@code data/A|B}.
     *
     * @return the held-out (test) names
     */
    private static List<String> splitPairs(Path from, Path data) throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(from.resolve("A"))) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> heldOut = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            boolean test = i >= names.size() - HELD_OUT;
            boolean validation = !test && i >= names.size() - HELD_OUT - VALIDATION;
            for (String side : List.of("A", "B")) {
                Path target = Files.createDirectories(test ? data.resolve("test").resolve(side)
                        : validation ? data.resolve("val").resolve(side) : data.resolve(side));
                Files.copy(from.resolve(side).resolve(names.get(i)), target.resolve(names.get(i)));
            }
            if (test) {
                heldOut.add(names.get(i));
            }
        }
        return heldOut;
    }

    /** Writes gray images side by side, {@code low..high} in physical units mapped to 0..255. */
    private static void writeStrip(Path file, List<CalibratedImage<?>> images, double low, double high) throws IOException {
        int w = (int) images.get(0).data().dimension(0);
        int h = (int) images.get(0).data().dimension(1);
        int gap = 2;
        int width = images.size() * w + (images.size() - 1) * gap;
        byte[] pixels = new byte[width * h];
        java.util.Arrays.fill(pixels, (byte) 255);
        for (int k = 0; k < images.size(); k++) {
            float[] v = physical(images.get(k));
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double g = Math.round((v[y * w + x] - low) / (high - low) * 255);
                    pixels[y * width + k * (w + gap) + x] = (byte) Math.max(0, Math.min(255, g));
                }
            }
        }
        PngWriter.writeGray(file, width, h, pixels);
    }

    private static float[] values(CalibratedImage<?> image) {
        float[] v = new float[(int) Views.flatIterable(image.data()).size()];
        int i = 0;
        for (Object p : Views.flatIterable(image.data())) {
            v[i++] = ((RealType<?>) p).getRealFloat();
        }
        return v;
    }

    private static float[] physical(CalibratedImage<?> image) {
        float[] v = values(image);
        double slope = image.valueCalibration().slope();
        double intercept = image.valueCalibration().intercept();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (slope * v[i] + intercept);
        }
        return v;
    }

    private static double psnr(float[] x, float[] reference, double range) {
        double mse = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - reference[i];
            mse += d * d;
        }
        mse /= x.length;
        return 10 * Math.log10(range * range / mse);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

}
