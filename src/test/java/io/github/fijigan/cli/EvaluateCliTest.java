package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fiji-gan evaluate quality}: the CSV it writes holds PSNR computed by hand; its errors. */
class EvaluateCliTest {

    private static final Path PAIRED = Path.of("test-data/synthetic/paired");
    private static final List<String> NAMES = List.of("pair_000.png", "pair_001.png");

    @TempDir
    Path dir;

    private Path folder(String name, String side) throws Exception {
        Path f = Files.createDirectories(dir.resolve(name));
        for (String n : NAMES) {
            Files.copy(PAIRED.resolve(side).resolve(n), f.resolve(n));
        }
        return f;
    }

    /** PSNR of 8-bit gray images with data range 255, straight from the definition. */
    private static double psnr(Path reference, Path test) throws Exception {
        BufferedImage r = ImageIO.read(reference.toFile());
        BufferedImage t = ImageIO.read(test.toFile());
        double sum = 0;
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                double d = r.getRaster().getSample(x, y, 0) - t.getRaster().getSample(x, y, 0);
                sum += d * d;
            }
        }
        double mse = sum / (r.getWidth() * r.getHeight());
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    @Test
    void qualityWritesOneRowPerPairWithTheMetricsValues() throws Exception {
        Path reference = folder("ref", "B");
        Path test = folder("test", "A");
        Path out = dir.resolve("eval");
        CliRun run = CliRun.of("evaluate", "quality", "--reference", reference.toString(), "--test", test.toString(), "--output",
                out.toString(), "--metrics", "psnr,ssim", "--data-range", "255");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("evaluated 2 pairs: psnr "), run::toString);
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("name,reference,test,psnr,ssim", rows.get(0));
        assertEquals(3, rows.size(), rows::toString);
        for (int i = 0; i < NAMES.size(); i++) {
            String[] cells = rows.get(i + 1).split(",");
            assertEquals(NAMES.get(i).replace(".png", ""), cells[0]);
            assertEquals(psnr(reference.resolve(NAMES.get(i)), test.resolve(NAMES.get(i))), Double.parseDouble(cells[3]), 1e-4);
        }
        assertTrue(Files.readString(out.resolve("metrics_summary.csv")).startsWith("metric,n,mean,sd,min,max"));
    }

    @Test
    void syntheticComparesGeneratedImagesWithTheRealOnesInLatentSpace() throws Exception {
        Path real = dir.resolve("real");
        for (String shape : List.of("circle", "square")) {
            Path folder = Files.createDirectories(real.resolve(shape));
            for (int i = 0; i < 8; i++) {
                String name = String.format("%s_%03d.png", shape, i);
                Files.copy(Path.of("test-data/synthetic/shapes", shape, name), folder.resolve(name));
            }
        }
        Path synthetic = dir.resolve("synthetic");
        CliRun generate = CliRun.of("generate", "--model", "test-data/models/shapes_acgan_tiny.zip", "--output", synthetic.toString(),
                "--count", "3", "--seed", "5");
        assertEquals(0, generate.code(), generate::toString);
        Path out = dir.resolve("realism");
        CliRun run = CliRun.of("evaluate", "synthetic", "--real", real.toString(), "--test", synthetic.toString(), "--output",
                out.toString(), "--image-size", "32", "--latent-size", "4", "--epochs", "2", "--batch-size", "8", "--pairs", "2",
                "--device", "cpu");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("compared 6 synthetic images with the real ones in latent space: circle centroid "), run::toString);
        List<String> centroids = Files.readAllLines(out.resolve("centroid_distances.csv"));
        assertEquals(3, centroids.size(), centroids::toString);
        assertTrue(centroids.get(1).startsWith("circle,8,3,") && centroids.get(2).startsWith("square,8,3,"), centroids::toString);
        assertEquals(1 + 16 + 6, Files.readAllLines(out.resolve("sample_distances.csv")).size(), "every real and synthetic image");
        assertEquals(1 + 6, Files.readAllLines(out.resolve("memorisation.csv")).size(), "every synthetic image");
        assertTrue(Files.size(out.resolve("latent_distances.png")) > 0 && Files.size(out.resolve("closest_pairs.png")) > 0);

        Files.createDirectories(synthetic.resolve("triangle"));
        Files.copy(real.resolve("circle/circle_000.png"), synthetic.resolve("triangle/t.png"));
        CliRun unknownClass = CliRun.of("evaluate", "synthetic", "--real", real.toString(), "--test", synthetic.toString(), "--output",
                dir.resolve("x").toString(), "--image-size", "32", "--latent-size", "4", "--device", "cpu");
        assertEquals(1, unknownClass.code(), unknownClass::toString);
        assertTrue(unknownClass.err().contains("--test: ") && unknownClass.err().contains("triangle"), unknownClass::toString);
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void benefitTrainsTheClassifierOnEachArmAndWritesEveryRow() throws Exception {
        Path synthetic = dir.resolve("synthetic");
        assertEquals(0, CliRun.of("generate", "--model", "test-data/models/shapes_acgan_tiny.zip", "--output", synthetic.toString(),
                "--count", "4", "--seed", "2").code());
        Path out = dir.resolve("benefit");
        CliRun run = CliRun.of("evaluate", "benefit", "--real", "test-data/synthetic/shapes", "--synthetic", synthetic.toString(),
                "--output", out.toString(), "--mode", "all", "--image-size", "16", "--repeats", "2", "--seed", "3", "--epochs", "2",
                "--width", "4", "--device", "cpu");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("augmentation benefit, 2 repeats with seed 3 to 4: real accuracy "), run::toString);
        List<String> runs = Files.readAllLines(out.resolve("benefit_runs.csv"));
        assertEquals(1 + 3 * 2, runs.size(), runs::toString);
        assertTrue(runs.get(0).startsWith("arm,repeat,seed,n_train_circle,n_train_square,accuracy,macro_f1,"), runs.get(0));
        assertTrue(runs.get(1).startsWith("real,1,3,36,36,"), runs.get(1));
        assertTrue(Files.size(out.resolve("benefit.png")) > 0);

        CliRun mode = CliRun.of("evaluate", "benefit", "--real", "test-data/synthetic/shapes", "--synthetic", synthetic.toString(),
                "--output", dir.resolve("x").toString(), "--mode", "double");
        assertEquals(1, mode.code(), mode::toString);
        assertTrue(mode.err().contains("--mode: "), mode::toString);
    }

    @Test
    void badInputsNameTheOption() throws Exception {
        Path reference = folder("ref", "B");
        CliRun missing = CliRun.of("evaluate", "quality", "--reference", reference.toString(), "--test", dir.resolve("nope").toString(),
                "--output", dir.resolve("e").toString());
        assertEquals(1, missing.code(), missing::toString);
        assertTrue(missing.err().contains("--test: "), missing::toString);

        CliRun metric = CliRun.of("evaluate", "quality", "--reference", reference.toString(), "--test", reference.toString(),
                "--output", dir.resolve("e").toString(), "--metrics", "psnr,fid");
        assertEquals(1, metric.code(), metric::toString);
        assertTrue(metric.err().contains("--metrics: unknown metric 'fid'"), metric::toString);

        CliRun range = CliRun.of("evaluate", "quality", "--reference", reference.toString(), "--test", reference.toString(),
                "--output", dir.resolve("e").toString(), "--data-range", "-1");
        assertEquals(2, range.code(), range::toString);
        assertTrue(range.err().contains("--data-range must be positive"), range::toString);

        CliRun unknown = CliRun.of("evaluate", "realism");
        assertEquals(2, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("unknown evaluation \"realism\""), unknown::toString);
        assertFalse(Files.exists(dir.resolve("e/metrics.csv")));
    }

    @Test
    void helpListsTheEvaluationsAndTheirOptions() {
        CliRun help = CliRun.of("evaluate", "--help");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().contains("quality") && help.out().contains("synthetic") && help.out().contains("benefit"), help::toString);
        CliRun quality = CliRun.of("help", "evaluate");
        assertEquals(0, quality.code(), quality::toString);
        CliRun options = CliRun.of("evaluate", "quality", "--help");
        assertEquals(0, options.code(), options::toString);
        assertTrue(options.out().contains("--data-range"), options::toString);
    }
}
