package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.data.DenoiseImages;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.DenoiseModel;
import io.github.fijigan.core.infer.Denoiser;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.infer.TranslationModel;
import io.github.fijigan.core.infer.Translator;
import io.github.fijigan.core.metrics.Metric;
import io.github.fijigan.core.metrics.MetricImage;
import io.github.fijigan.core.metrics.MetricRegistry;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.stain.Colorizer;
import io.github.fijigan.ij.ImageJReader;
import ij.IJ;
import ij.ImagePlus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint selection in real (tiny) runs: {@code validation.csv} has a row per validated epoch,
 * {@code best.json} names the best row of the selecting column, and {@code best_model.zip}, opened
 * with the public inference API and measured with the metrics, gives that row's values again.
 */
class ValidationTrainingTest {

    static final Path PAIRED = Path.of("test-data/synthetic/paired");

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    /** pix2pix on 16 pairs, validated every epoch on 4 others. */
    static TrainConfig pix2pix(Path data, int epochs) {
        return TranslationTrainingTest.tiny(ModelKind.PIX2PIX, epochs)
                .with("batch_size", 4)
                .with("validation_a", data.resolve("valA").toString())
                .with("validation_b", data.resolve("valB").toString())
                .with("validation_metrics", "psnr, ssim, mae");
    }

    /** Copies {@code train} pairs to root/A, root/B and the next {@code val} to root/valA, root/valB. */
    static Path split(Path root, int train, int val) throws Exception {
        List<String> names;
        try (var files = Files.list(PAIRED.resolve("A"))) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String folder : new String[] {"A", "B", "valA", "valB"}) {
            Files.createDirectories(root.resolve(folder));
        }
        for (int i = 0; i < train + val; i++) {
            String n = names.get(i);
            boolean training = i < train;
            Files.copy(PAIRED.resolve("A").resolve(n), root.resolve(training ? "A" : "valA").resolve(n));
            Files.copy(PAIRED.resolve("B").resolve(n), root.resolve(training ? "B" : "valB").resolve(n));
        }
        return root;
    }

    @Test
    void pix2pixKeepsTheBestEpochAndItsModelMeasuresTheSame() throws Exception {
        Path data = split(dir.resolve("data"), 16, 4);
        TrainConfig config = pix2pix(data, 4);
        ImageJReader reader = new ImageJReader();
        ValidationSet set = ValidationData.load(config, reader);
        assertEquals(4, set.pairs().size());
        assertEquals(255, set.dataRange(), "8-bit references");
        List<TrainingListener.Validation> heard = new ArrayList<>();
        TrainingResult result = new GanTrainer(config, TranslationData.load(config, data, reader), dir.resolve("run"))
                .validation(set)
                .listener(new TrainingListener() {
                    @Override
                    public void validated(Validation v) {
                        heard.add(v);
                    }
                })
                .train();

        List<Map<String, Double>> rows = table(dir.resolve("run/validation.csv"), "epoch,iteration,psnr,ssim,mae");
        assertEquals(4, rows.size(), "one row per epoch");
        for (int e = 0; e < 4; e++) {
            assertEquals(e + 1.0, rows.get(e).get("epoch"));
            assertEquals(4.0 * (e + 1), rows.get(e).get("iteration"), "16 pairs in batches of 4");
            assertEquals(rows.get(e).get("ssim"), heard.get(e).metrics().get("ssim"));
        }
        int bestRow = argBest(rows, "ssim", true);
        BestModel best = result.best().orElseThrow();
        assertEquals(bestRow + 1, best.epoch());
        assertEquals(rows.get(bestRow).get("ssim"), best.value());
        assertEquals(best.epoch(), ModelBundles.readManifest(dir.resolve("run/best_model.zip")).training().epochs().getAsInt());
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("run/best.json"))).getAsJsonObject();
        assertEquals("ssim", json.get("metric").getAsString());
        assertEquals(best.epoch(), json.get("epoch").getAsInt());
        assertEquals(best.value(), json.get("value").getAsDouble());
        assertEquals(best.value(), json.getAsJsonObject("metrics").get("ssim").getAsDouble());

        Map<String, Double> remeasured = measureTranslation(dir.resolve("run/best_model.zip"), set, "psnr, ssim, mae");
        Map<String, Double> finalModel = measureTranslation(result.model().orElseThrow(), set, "psnr, ssim, mae");
        System.out.printf("pix2pix validation ssim by epoch %s; best epoch %d: row %s, best_model.zip measures %s%n",
                column(rows, "ssim"), best.epoch(), rows.get(bestRow), remeasured);
        for (String metric : List.of("psnr", "ssim", "mae")) {
            assertEquals(rows.get(bestRow).get(metric), remeasured.get(metric), 1e-6, metric + " of best_model.zip");
            assertEquals(rows.get(3).get(metric), finalModel.get(metric), 1e-6, metric + " of model.zip, the last epoch's");
        }
        assertTrue(rows.stream().map(r -> r.get("ssim")).distinct().count() > 1, "the model changes between epochs");
        ImagePlus plot = IJ.openImage(dir.resolve("run/validation.png").toString());
        assertEquals(640, plot.getWidth());
        assertEquals(3 * 200, plot.getHeight(), "one panel per metric");
    }

    @Test
    void denoiserValidatedEveryTwoEpochsSelectsTheLowestMse() throws Exception {
        CalibratedImage<?> ct = CtDenoising.ct();
        TrainConfig config = CtDenoising.tiny(3, 0).with("validate_every", 2).with("validation_metrics", "psnr, mse")
                .with("select_metric", "mse");
        CalibratedImage<?> clean = CtDenoising.rows(ct, CtDenoising.HELD_OUT_FROM, 128);
        CalibratedImage<?> noisy = ValidationData.noisy(clean, DenoiseData.simulator(config), config.seed(), 0);
        ValidationSet set = ValidationSet.of(List.of(new ValidationSet.Pair("held out", noisy, clean)), 0);
        float[] hu = CtDenoising.hu(clean);
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (float v : hu) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        assertEquals(high - low, set.dataRange(), "a 16-bit CT: the references' own range in HU");

        DenoiseImages train = DenoiseImages.of(List.of(CtDenoising.rows(ct, 0, CtDenoising.TRAIN_ROWS)), null,
                DenoiseData.options(config));
        TrainingResult result = new GanTrainer(config, train, dir.resolve("run")).validation(set).train();

        List<Map<String, Double>> rows = table(dir.resolve("run/validation.csv"), "epoch,iteration,psnr,mse");
        assertEquals(2, rows.size(), "epoch 2, and the last (3)");
        assertEquals(2.0, rows.get(0).get("epoch"));
        assertEquals(3.0, rows.get(1).get("epoch"));
        int bestRow = argBest(rows, "mse", false);
        BestModel best = result.best().orElseThrow();
        assertFalse(best.higherIsBetter());
        assertEquals(rows.get(bestRow).get("epoch").intValue(), best.epoch());
        Map<String, Double> remeasured;
        try (DenoiseModel model = DenoiseModel.open(best.model().orElseThrow(), Device.cpu())) {
            Denoiser denoiser = model.denoiser(TranslateOptions.DEFAULTS);
            remeasured = measure(set, denoiser::denoise, "psnr, mse", d -> d.image());
        }
        System.out.printf("denoiser validation rows %s; best epoch %d; best_model.zip measures %s%n", rows, best.epoch(), remeasured);
        assertEquals(rows.get(bestRow).get("mse"), remeasured.get("mse"), 1e-6 * rows.get(bestRow).get("mse"));
        assertEquals(rows.get(bestRow).get("psnr"), remeasured.get("psnr"), 1e-6);
        // The simulated noise is part of the set: the noisy input is measurably worse than the output.
        double noisyMse = MetricRegistry.get("mse").compute(MetricImage.of(clean), MetricImage.of(noisy), set.dataRange());
        assertTrue(noisyMse > 0, "noise was added");
    }

    @Test
    void colorizerIsValidatedOnHeldOutSlidesOfItsStain() throws Exception {
        Path target = Files.createDirectories(dir.resolve("target"));
        Path held = Files.createDirectories(dir.resolve("held"));
        Files.copy(Path.of("test-data/histology/ihc.png"), target.resolve("ihc.png"));
        Files.copy(Path.of("test-data/histology/he_from_ihc.png"), held.resolve("he.png"));
        TrainConfig config = TrainConfig.defaults(ModelKind.COLORIZER).with("generator", "resnet_6blocks").with("ngf", 4)
                .with("ndf", 4).with("crop_size", 32).with("patches_per_image", 8).with("batch_size", 4).with("n_epochs", 2)
                .with("n_epochs_decay", 0).with("use_dropout", false).with("checkpoint_every", 0).with("seed", 7)
                .with("validation", held.toString()).with("validation_metrics", "psnr, ms_ssim").with("select_metric", "psnr");
        ImageJReader reader = new ImageJReader();
        ValidationSet set = ValidationData.load(config, reader);
        assertEquals(255, set.dataRange());
        TrainingResult result = new GanTrainer(config, ColorizerData.load(config, target, reader), dir.resolve("run")).validation(set)
                .train();
        List<Map<String, Double>> rows = table(dir.resolve("run/validation.csv"), "epoch,iteration,psnr,ms_ssim");
        assertEquals(2, rows.size());
        BestModel best = result.best().orElseThrow();
        int bestRow = argBest(rows, "psnr", true);
        assertEquals(bestRow + 1, best.epoch());
        Map<String, Double> remeasured;
        try (Colorizer colorizer = Colorizer.open(best.model().orElseThrow(), Device.cpu())) {
            remeasured = measure(set, colorizer::colorize, "psnr, ms_ssim", image -> image);
        }
        System.out.printf("colorizer validation rows %s; best_model.zip measures %s%n", rows, remeasured);
        assertEquals(rows.get(bestRow).get("psnr"), remeasured.get("psnr"), 1e-6);
        assertEquals(rows.get(bestRow).get("ms_ssim"), remeasured.get("ms_ssim"), 1e-6);
    }

    @Test
    void trainingJobReadsTheValidationFoldersAndReportsTheBest() throws Exception {
        Path data = split(dir.resolve("data"), 8, 2);
        TrainConfig config = TranslationTrainingTest.tiny(ModelKind.PIX2PIX, 2).with("validation_a", data.resolve("valA").toString())
                .with("validation_b", data.resolve("valB").toString()).with("select_metric", "mae");
        TrainingJob.Result result = TrainingJob.create(config, dir.resolve("run"), new ImageJReader()).data(data)
                .run(ProgressListener.NONE, new CancellationToken());
        BestModel best = result.training().best().orElseThrow();
        assertEquals("mae", best.metric());
        assertTrue(result.summary().contains(String.format(Locale.ROOT, "; best mae %.6g at epoch %d (%s)", best.value(),
                best.epoch(), dir.resolve("run/best_model.zip"))), result.summary());
        assertTrue(result.outputs().contains(dir.resolve("run/best_model.zip")), result.outputs().toString());
        List<Map<String, Double>> rows = table(dir.resolve("run/validation.csv"), "epoch,iteration,psnr,ssim,mae");
        assertEquals(rows.get(argBest(rows, "mae", false)).get("mae"), best.value());
    }

    static Map<String, Double> measureTranslation(Path zip, ValidationSet set, String metrics) {
        try (TranslationModel model = TranslationModel.open(zip, null, Device.cpu())) {
            Translator translator = model.translator(TranslateOptions.DEFAULTS, false);
            return measure(set, translator::translate, metrics, t -> t.image());
        }
    }

    /** The mean of each metric over the pairs, computed here from the public API, not by {@link ValidationSet#measure}. */
    static <R> Map<String, Double> measure(ValidationSet set, Function<CalibratedImage<?>, R> apply, String metrics,
            Function<R, CalibratedImage<?>> image) {
        Map<String, Double> sums = new LinkedHashMap<>();
        List<Metric> chosen = MetricRegistry.parse(metrics);
        for (ValidationSet.Pair pair : set.pairs()) {
            MetricImage out = MetricImage.of(image.apply(apply.apply(pair.input())));
            MetricImage ref = MetricImage.of(pair.reference());
            for (Metric m : chosen) {
                sums.merge(m.name(), m.compute(ref, out, set.dataRange()), Double::sum);
            }
        }
        sums.replaceAll((k, v) -> v / set.pairs().size());
        return sums;
    }

    static List<Map<String, Double>> table(Path csv, String header) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(header, lines.get(0));
        String[] names = header.split(",");
        List<Map<String, Double>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, Double> row = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                row.put(names[i], Double.parseDouble(cells[i]));
            }
            rows.add(row);
        }
        return rows;
    }

    /** @return the first row holding the column's best value */
    static int argBest(List<Map<String, Double>> rows, String column, boolean higher) {
        int best = 0;
        for (int i = 1; i < rows.size(); i++) {
            double v = rows.get(i).get(column), b = rows.get(best).get(column);
            if (higher ? v > b : v < b) {
                best = i;
            }
        }
        return best;
    }

    static List<Double> column(List<Map<String, Double>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }
}
