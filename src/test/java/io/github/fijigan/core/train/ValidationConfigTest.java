package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.fijigan.core.data.TranslationImages;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.metrics.Metric;
import io.github.fijigan.core.metrics.MetricImage;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.noise.GaussianNoise;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation keys, their checks and messages, and loading validation folders. */
class ValidationConfigTest {

    @TempDir
    Path dir;

    @Test
    void imageToImageKindsHaveTheKeysWithDefaultsAndSynthesisHasNone() {
        TrainConfig p2p = TrainConfig.defaults(ModelKind.PIX2PIX);
        assertEquals(List.of("validation_a", "validation_b"), p2p.validationFolderKeys());
        assertEquals("", p2p.validationA());
        assertEquals(1, p2p.validateEvery());
        assertEquals("psnr, ssim", p2p.validationMetrics());
        assertEquals("ssim", p2p.selectMetric());
        assertEquals(0.0, p2p.dataRange());
        assertFalse(p2p.validates(), "no folders, no validation");
        assertTrue(p2p.with("validation_a", "valA").validates(), "a folder named: validation is asked for");
        assertFalse(p2p.with("validation_a", "valA").with("validate_every", 0).validates(), "0 turns it off");
        assertEquals(List.of("validation_noisy", "validation_clean"), TrainConfig.defaults(ModelKind.DENOISE).validationFolderKeys());
        assertEquals(List.of("validation"), TrainConfig.defaults(ModelKind.COLORIZER).validationFolderKeys());
        assertTrue(TrainConfig.defaults(ModelKind.CYCLEGAN).with("validation_b", "b").validates());

        TrainConfig dcgan = TrainConfig.defaults(ModelKind.DCGAN);
        assertEquals(List.of(), dcgan.validationFolderKeys());
        assertFalse(dcgan.validates());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dcgan.with("validation_a", "x"));
        assertTrue(e.getMessage().startsWith("config: validation_a: unknown key"), e.getMessage());
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        TrainConfig p2p = TrainConfig.defaults(ModelKind.PIX2PIX);
        assertEquals("config: validate_every: must be at least 0, got -1", message(() -> p2p.with("validate_every", -1)));
        assertTrue(message(() -> p2p.with("validation_metrics", "psnr, sharpness")).startsWith(
                "config: validation_metrics: unknown metric 'sharpness'; known metrics: psnr, mse, mae, ssim"));
        assertTrue(message(() -> p2p.with("validation_metrics", " ")).startsWith("config: validation_metrics: no metric named"));
        assertTrue(message(() -> TrainConfig.defaults(ModelKind.DENOISE).with("select_metric", "fid")).startsWith(
                "config: select_metric: unknown metric 'fid'"));
        assertTrue(message(() -> TrainConfig.defaults(ModelKind.COLORIZER).with("data_range", -255)).startsWith(
                "config: data_range: must be 0 (from the images: 255 for 8-bit, else the references' range)"));
        assertTrue(message(() -> p2p.with("validate_every", 1.5)).contains("validate_every: must be a whole number"));
        assertEquals("MS-SSIM", p2p.with("select_metric", "MS-SSIM").selectMetric(), "kept as written, read as the registry reads it");
        assertEquals(List.of("psnr", "ssim", "ms_ssim"), names(ValidationKeys.metrics(p2p.with("select_metric", "MS-SSIM"))));
    }

    @Test
    void theSelectingMetricIsAlwaysMeasured() {
        TrainConfig c = TrainConfig.defaults(ModelKind.DENOISE);
        assertEquals(List.of("psnr", "ssim"), names(ValidationKeys.metrics(c)));
        assertEquals(List.of("psnr", "mae"), names(ValidationKeys.metrics(c.with("validation_metrics", "psnr").with("select_metric",
                "mae"))));
        assertEquals(List.of("ssim", "psnr"), names(ValidationKeys.metrics(c.with("validation_metrics", "ssim psnr ssim"))));
    }

    @Test
    void foldersThatDoNotMakeASetAreRefusedWhenLoaded() {
        ImageJReader reader = new ImageJReader();
        JobInputException onlyA = assertThrows(JobInputException.class, () -> ValidationData.load(
                TrainConfig.defaults(ModelKind.PIX2PIX).with("validation_a", dir.toString()), reader));
        assertEquals("validation_b", onlyA.input());
        assertEquals("validation needs both folders, validation_a and validation_b, with images paired by file name", onlyA.problem());

        TrainConfig denoise = TrainConfig.defaults(ModelKind.DENOISE);
        assertEquals("validation_clean", assertThrows(JobInputException.class, () -> ValidationData.load(
                denoise.with("validation_noisy", dir.toString()), reader)).input());
        JobInputException realPairs = assertThrows(JobInputException.class, () -> ValidationData.load(
                denoise.with("validation_clean", dir.toString()), reader));
        assertEquals("validation_noisy", realPairs.input());
        assertTrue(realPairs.problem().contains("noise none"), realPairs.problem());

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> ValidationData.load(denoise, reader));
        assertTrue(none.getMessage().contains("names no validation folders"), none.getMessage());
    }

    @Test
    void folderProblemsNameTheKeyAndTheFiles() throws Exception {
        Path a = Files.createDirectories(dir.resolve("valA"));
        Path b = Files.createDirectories(dir.resolve("valB"));
        TrainConfig config = TrainConfig.defaults(ModelKind.PIX2PIX).with("validation_a", a.toString()).with("validation_b", b.toString());
        ImageJReader reader = new ImageJReader();
        JobInputException empty = assertThrows(JobInputException.class, () -> ValidationData.load(config, reader));
        assertEquals("validation_a: " + a + ": no image files", empty.getMessage());

        Path paired = ValidationTrainingTest.PAIRED;
        Files.copy(paired.resolve("A/pair_000.png"), a.resolve("pair_000.png"));
        Files.copy(paired.resolve("A/pair_001.png"), a.resolve("pair_001.png"));
        Files.copy(paired.resolve("B/pair_000.png"), b.resolve("pair_000.png"));
        Files.copy(paired.resolve("B/pair_002.png"), b.resolve("pair_002.png"));
        JobInputException lonely = assertThrows(JobInputException.class, () -> ValidationData.load(config, reader));
        assertEquals("validation_b", lonely.input());
        assertTrue(lonely.problem().endsWith("2 image(s) of " + a + " and " + b + " have no partner: pair_001.png (validation_a),"
                + " pair_002.png (validation_b)"), lonely.problem());

        Files.delete(a.resolve("pair_001.png"));
        Files.delete(b.resolve("pair_002.png"));
        Files.copy(Path.of("test-data/dicom/CT_small.dcm"), b.resolve("pair_001.dcm"));
        Files.copy(paired.resolve("A/pair_001.png"), a.resolve("pair_001.png"));
        JobInputException size = assertThrows(JobInputException.class, () -> ValidationData.load(config, reader));
        assertEquals("validation_b: validation pair 'pair_001': the input is 32x32 pixels, 1 slice(s), 1 frame(s) but the reference is"
                + " 128x128 pixels, 1 slice(s), 1 frame(s)", size.getMessage());

        JobInputException missing = assertThrows(JobInputException.class, () -> ValidationData.load(
                config.with("validation_a", dir.resolve("nowhere").toString()), reader));
        assertEquals("validation_a: " + dir.resolve("nowhere") + ": folder not found", missing.getMessage());

        JobInputException gray = assertThrows(JobInputException.class, () -> ValidationData.load(
                TrainConfig.defaults(ModelKind.COLORIZER).with("validation", a.toString()), reader));
        assertEquals("validation", gray.input());
        assertTrue(gray.problem().contains("a colorizer is validated on 8-bit RGB images"), gray.problem());
    }

    @Test
    void theDirectionChoosesTheInputFolderAndDataRangeCanBeGiven() throws Exception {
        Path root = ValidationTrainingTest.split(dir.resolve("data"), 0, 2);
        TrainConfig config = ValidationTrainingTest.pix2pix(root, 1);
        ImageJReader reader = new ImageJReader();
        ValidationSet aToB = ValidationData.load(config, reader);
        ValidationSet bToA = ValidationData.load(config.with("direction", "BtoA").with("data_range", 100), reader);
        assertEquals(List.of("pair_000", "pair_001"), aToB.pairs().stream().map(ValidationSet.Pair::name).toList());
        float[] a0 = MetricImage.of(reader.read(root.resolve("valA/pair_000.png"))).values();
        float[] b0 = MetricImage.of(reader.read(root.resolve("valB/pair_000.png"))).values();
        assertArrayEquals(a0, MetricImage.of(aToB.pairs().get(0).input()).values());
        assertArrayEquals(b0, MetricImage.of(aToB.pairs().get(0).reference()).values());
        assertArrayEquals(b0, MetricImage.of(bToA.pairs().get(0).input()).values());
        assertArrayEquals(a0, MetricImage.of(bToA.pairs().get(0).reference()).values());
        assertEquals(255, aToB.dataRange());
        assertEquals(100, bToA.dataRange());
    }

    @Test
    void simulatedValidationNoiseIsFixedByTheSeedAndTheImage() throws Exception {
        CalibratedImage<?> ct = CtDenoising.ct();
        GaussianNoise noise = new GaussianNoise(20);
        CalibratedImage<FloatType> first = ValidationData.noisy(ct, noise, 3, 0);
        float[] clean = CtDenoising.hu(ct);
        float[] noisy = MetricImage.of(first).values();
        assertArrayEquals(noisy, MetricImage.of(ValidationData.noisy(ct, noise, 3, 0)).values(), "the same every time");
        assertNotEquals(noisy[0], MetricImage.of(ValidationData.noisy(ct, noise, 3, 1)).values()[0], "another image, other noise");
        assertNotEquals(noisy[0], MetricImage.of(ValidationData.noisy(ct, noise, 4, 0)).values()[0], "another seed, other noise");
        double sum = 0, squares = 0;
        for (int i = 0; i < clean.length; i++) {
            double d = noisy[i] - clean[i];
            sum += d;
            squares += d * d;
        }
        double mean = sum / clean.length, sd = Math.sqrt(squares / clean.length - mean * mean);
        // 16384 draws: the sample sd of N(0, 20) is within 3 standard errors (20 / sqrt(2 n) = 0.11) of 20.
        assertEquals(20, sd, 0.35);
        assertEquals(0, mean, 0.5);
        assertEquals("HU", first.valueCalibration().unit());
        assertEquals(ct.size(Axis.X), first.size(Axis.X));
        assertEquals(ct.axes(), first.axes());
    }

    @Test
    void theTrainerRefusesMissingOrUnfitValidationPairsBeforeTraining() throws Exception {
        EngineStarter.start(EngineOptions.defaults());
        Path root = ValidationTrainingTest.split(dir.resolve("data"), 4, 2);
        TrainConfig config = ValidationTrainingTest.pix2pix(root, 1);
        ImageJReader reader = new ImageJReader();
        TranslationImages images = TranslationData.load(config, root, reader);
        IllegalStateException noSet = assertThrows(IllegalStateException.class,
                () -> new GanTrainer(config, images, dir.resolve("run1")).train());
        assertTrue(noSet.getMessage().startsWith("the config names validation folders (validation_a, validation_b) but the trainer has"
                + " no validation pairs"), noSet.getMessage());

        CalibratedImage<?> rgb = reader.read(Path.of("test-data/histology/ihc.png"));
        ValidationSet colour = ValidationSet.of(List.of(new ValidationSet.Pair("ihc", rgb, rgb)), 0);
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> new GanTrainer(config, images, dir.resolve("run2")).validation(colour).train());
        assertEquals("validation pair 'ihc': the input has 3 and the reference 3 channel(s), but the model takes 1 and gives 1",
                channels.getMessage());
        assertFalse(Files.exists(dir.resolve("run2/history.csv")), "refused before training");
    }

    @Test
    void relativeValidationFoldersInAConfigFileAreTakenFromItsFolder() throws Exception {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Path file = configs.resolve("p2p.json");
        Files.writeString(file, "{\"kind\": \"pix2pix\", \"data\": \"../data\", \"validation_a\": \"../val/A\","
                + " \"validation_b\": \"/abs/B\"}");
        TrainConfig config = TrainConfigFile.read(file);
        assertEquals(dir.resolve("val/A").toString(), config.validationA());
        assertEquals("/abs/B", config.validationB());
        assertEquals(dir.resolve("data").toString(), config.data());
    }

    private static List<String> names(List<Metric> metrics) {
        return metrics.stream().map(Metric::name).toList();
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
