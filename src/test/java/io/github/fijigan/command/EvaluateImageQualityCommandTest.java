package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.metrics.EvaluationTable;
import io.github.fijigan.core.metrics.Ssim;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

/** Evaluate › Image Quality: the tables it writes hold every pair with the metrics' values; errors name the folders. */
class EvaluateImageQualityCommandTest {

    private static final Path PAIRED = Path.of("test-data/synthetic/paired");
    private static final List<String> NAMES = List.of("pair_000.png", "pair_001.png", "pair_002.png");

    @TempDir
    Path dir;

    private Path folder(String name, String side) throws Exception {
        Path f = Files.createDirectories(dir.resolve(name));
        for (String n : NAMES) {
            Files.copy(PAIRED.resolve(side).resolve(n), f.resolve(n));
        }
        return f;
    }

    private Map<String, Object> inputs(Path reference, Path test, Path out) {
        Map<String, Object> map = new HashMap<>();
        map.put("reference_folder", reference.toFile());
        map.put("test_folder", test.toFile());
        map.put("output_folder", out.toFile());
        map.put("metrics", "psnr, ssim, haarpsi");
        map.put("data_range", 255.0);
        return map;
    }

    private static float[] values(Path file) throws ImageReadException {
        var image = new ImageJReader().read(file);
        float[] v = new float[32 * 32];
        int i = 0;
        for (Object p : Views.flatIterable(image.data())) {
            v[i++] = ((RealType<?>) p).getRealFloat();
        }
        return v;
    }

    @Test
    void writesEveryPairAndTheSummary() throws Exception {
        Path reference = folder("reference", "B");
        Path test = folder("test", "A");
        Path out = dir.resolve("eval");
        try (CommandHarness harness = new CommandHarness(EvaluateImageQualityCommand.class)) {
            Module module = harness.run(EvaluateImageQualityCommand.class, inputs(reference, test, out));
            assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));
        }
        EvaluationTable table = EvaluationTable.readCsv(out.resolve("metrics.csv"));
        assertEquals(List.of("psnr", "ssim", "haarpsi"), table.metrics());
        assertEquals(3, table.rows().size());
        for (int r = 0; r < 3; r++) {
            String name = NAMES.get(r);
            double expected = Ssim.gaussian(values(test.resolve(name)), values(reference.resolve(name)), 32, 32, 255);
            assertEquals(expected, table.value(r, "ssim"), 1e-9, name);
        }
        List<String> summary = Files.readAllLines(out.resolve("metrics_summary.csv"));
        assertEquals(4, summary.size(), summary.toString());
        assertTrue(summary.get(1).startsWith("psnr,3,"), summary.toString());
    }

    @Test
    void twoOpenImagesAreComparedInTheirPhysicalUnits() throws Exception {
        ImagePlus ct = IJ.openImage("test-data/dicom/CT_small.dcm");
        ImagePlus shifted = ct.duplicate();
        shifted.setTitle("ct_plus_10");
        shifted.getProcessor().add(10); // slope 1: ten HU more everywhere
        Path out = dir.resolve("pair");
        try (CommandHarness harness = new CommandHarness(EvaluateImageQualityCommand.class)) {
            Map<String, Object> in = new HashMap<>();
            in.put("reference_image", ct);
            in.put("test_image", shifted);
            in.put("reference_folder", new File(""));
            in.put("test_folder", new File(""));
            in.put("output_folder", out.toFile());
            in.put("metrics", "mae, mse, psnr");
            in.put("data_range", 2000.0);
            Module module = harness.run(EvaluateImageQualityCommand.class, in);
            assertFalse(CommandHarness.canceled(module), () -> CommandHarness.reason(module));

            EvaluationTable table = EvaluationTable.readCsv(out.resolve("metrics.csv"));
            assertEquals(1, table.rows().size());
            assertEquals("ct_plus_10", table.rows().get(0).name());
            assertEquals(10, table.value(0, "mae"), 1e-9);
            assertEquals(100, table.value(0, "mse"), 1e-9);
            assertEquals(10 * Math.log10(2000.0 * 2000.0 / 100), table.value(0, "psnr"), 1e-9);

            in.put("test_image", IJ.createImage("small", "8-bit black", 16, 16, 1));
            in.put("output_folder", new File(""));
            Module sizes = harness.run(EvaluateImageQualityCommand.class, in);
            assertTrue(CommandHarness.canceled(sizes));
            assertTrue(CommandHarness.reason(sizes).startsWith("test_image: Cannot compare ") && CommandHarness.reason(sizes)
                    .contains("the reference is 128x128 pixels but the test image is 16x16"), CommandHarness.reason(sizes));

            in.remove("reference_image");
            in.remove("test_image");
            Module nothing = harness.run(EvaluateImageQualityCommand.class, in);
            assertTrue(CommandHarness.canceled(nothing));
            assertEquals("reference_folder: give a reference folder and a test folder, or a reference image and a test image",
                    CommandHarness.reason(nothing));
        }
    }

    @Test
    void unmatchedNamesAndBadMetricsAreNamed() throws Exception {
        Path reference = folder("reference", "B");
        Path test = folder("test", "A");
        Files.delete(test.resolve("pair_001.png"));
        try (CommandHarness harness = new CommandHarness(EvaluateImageQualityCommand.class)) {
            Module missing = harness.run(EvaluateImageQualityCommand.class, inputs(reference, test, dir.resolve("eval")));
            assertTrue(CommandHarness.canceled(missing));
            assertTrue(CommandHarness.reason(missing).startsWith("test_folder: ") && CommandHarness.reason(missing).contains("pair_001"),
                    CommandHarness.reason(missing));
            Map<String, Object> bad = inputs(reference, folder("other", "B"), dir.resolve("eval"));
            bad.put("metrics", "psnr, fid");
            Module metric = harness.run(EvaluateImageQualityCommand.class, bad);
            assertTrue(CommandHarness.reason(metric).startsWith("metrics: "), CommandHarness.reason(metric));
            assertFalse(Files.exists(dir.resolve("eval/metrics.csv")));
        }
    }
}
