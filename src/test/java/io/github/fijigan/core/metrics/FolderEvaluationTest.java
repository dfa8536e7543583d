package io.github.fijigan.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.TiffWriter;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folder evaluation on real files read by ImageJ's reader: 32×32 synthetic pairs from
 * {@code test-data/synthetic/paired} (A is the reference, B the "translation"), one test image
 * written as float TIFF to check that names pair without their extensions, one identical pair for
 * PSNR's +∞. Checks every row against the metric computed directly, the summary against hand
 * arithmetic on the rows, the CSVs, and that each kind of bad input names the files.
 */
class FolderEvaluationTest {

    private static final Path PAIRED = Path.of("test-data/synthetic/paired");
    private static final List<Metric> METRICS = MetricRegistry.parse("psnr, mse, mae, ssim, gmsd, ms_gmsd, mdsi, haarpsi");
    private final ImageJReader reader = new ImageJReader();

    @TempDir
    Path tmp;

    @Test
    void everyPairGetsARowAndTheSummaryIsTheRowsStatistics() throws IOException {
        Path ref = Files.createDirectories(tmp.resolve("ref"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        for (int i = 0; i < 4; i++) {
            Files.copy(PAIRED.resolve("A/pair_00" + i + ".png"), ref.resolve("pair_00" + i + ".png"));
        }
        Files.copy(PAIRED.resolve("B/pair_000.png"), out.resolve("pair_000.png"));
        Files.copy(PAIRED.resolve("B/pair_001.png"), out.resolve("pair_001.png"));
        TiffWriter.write(floatCopy(PAIRED.resolve("B/pair_002.png")), out.resolve("pair_002.tif"));
        Files.copy(PAIRED.resolve("A/pair_003.png"), out.resolve("pair_003.png")); // identical to its reference
        Files.writeString(out.resolve("notes.txt"), "not an image");
        Files.writeString(out.resolve(".hidden.png"), "system litter");

        List<String> steps = new ArrayList<>();
        EvaluationTable table = FolderEvaluation.evaluate(ref, out, reader, METRICS, 255,
                (done, total, message) -> steps.add(done + "/" + total), new CancellationToken());

        assertEquals(List.of("0/4", "1/4", "2/4", "3/4", "4/4"), steps);
        assertEquals(METRICS.stream().map(Metric::name).toList(), table.metrics());
        assertEquals(List.of("pair_000", "pair_001", "pair_002", "pair_003"), table.rows().stream().map(EvaluationTable.Row::name).toList());
        assertEquals("pair_002.tif", table.rows().get(2).test());
        for (int r = 0; r < 4; r++) {
            EvaluationTable.Row row = table.rows().get(r);
            MetricImage x = MetricImage.of(reader.read(ref.resolve(row.reference())));
            MetricImage y = MetricImage.of(reader.read(out.resolve(row.test())));
            for (Metric m : METRICS) {
                assertEquals(m.compute(x, y, 255), table.value(r, m.name()), 0, m.name() + " of " + row.name());
            }
        }
        assertEquals(Double.POSITIVE_INFINITY, table.value(3, "psnr"));
        assertEquals(1.0, table.value(3, "ssim"), 1e-12);
        assertTrue(table.value(0, "ssim") < 0.5, "B differs from A");

        for (EvaluationTable.Summary s : table.summary()) {
            List<Double> finite = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                double v = table.value(r, s.metric());
                if (Double.isFinite(v)) {
                    finite.add(v);
                }
            }
            double mean = finite.stream().mapToDouble(Double::doubleValue).sum() / finite.size();
            double ss = finite.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            assertEquals(finite.size(), s.n(), s.metric());
            assertEquals(4 - finite.size(), s.infinite(), s.metric());
            assertEquals(mean, s.mean(), 1e-12 * Math.abs(mean), s.metric());
            assertEquals(Math.sqrt(ss / (finite.size() - 1)), s.sd(), 1e-12, s.metric());
            assertEquals(finite.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), s.min(), 0, s.metric());
        }
        EvaluationTable.Summary psnr = table.summary().get(0);
        assertEquals(3, psnr.n());
        assertEquals(1, psnr.infinite());

        Path csv = out.resolve("metrics.csv");
        Path summaryCsv = out.resolve("metrics_summary.csv");
        table.writeCsv(csv);
        table.writeSummaryCsv(summaryCsv);
        EvaluationTable back = EvaluationTable.readCsv(csv);
        assertEquals(table.metrics(), back.metrics());
        assertEquals(table.rows(), back.rows(), "values read back exactly, +Infinity included");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("name,reference,test,psnr,mse,mae,ssim,gmsd,ms_gmsd,mdsi,haarpsi", lines.get(0));
        assertEquals(5, lines.size());
        assertTrue(lines.get(4).startsWith("pair_003,pair_003.png,pair_003.png,Infinity,0.0,0.0,1.0,0.0,0.0,0.0,"), lines.get(4));
        assertEquals(1.0, Double.parseDouble(lines.get(4).substring(lines.get(4).lastIndexOf(',') + 1)), 1e-14);
        List<String> summaryLines = Files.readAllLines(summaryCsv);
        assertEquals("metric,n,mean,sd,min,max,infinite", summaryLines.get(0));
        assertEquals(1 + METRICS.size(), summaryLines.size());
        assertEquals("psnr,3," + psnr.mean() + "," + psnr.sd() + "," + psnr.min() + "," + psnr.max() + ",1", summaryLines.get(1));
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void csvKeepsOddNamesAndSpecialValues() throws IOException {
        EvaluationTable table = new EvaluationTable(List.of("psnr", "gmsd"), List.of(
                new EvaluationTable.Row("a, \"quoted\"", "a, \"quoted\".png", "a, \"quoted\".tif", new double[] {Double.POSITIVE_INFINITY, 0.1}),
                new EvaluationTable.Row("b\nline", "b\nline.png", "b\nline.png", new double[] {Double.NaN, -0.0}),
                new EvaluationTable.Row("ü", "ü.png", "ü.png", new double[] {Double.MIN_VALUE, 1.0 / 3})));
        Path csv = tmp.resolve("t.csv");
        table.writeCsv(csv);
        assertEquals(table.rows(), EvaluationTable.readCsv(csv).rows());
        EvaluationTable.Summary psnr = table.summary().get(0);
        assertEquals(1, psnr.n());
        assertEquals(1, psnr.infinite());
        assertEquals(Double.MIN_VALUE, psnr.mean());
        assertTrue(Double.isNaN(psnr.sd()), "one finite value: no sample standard deviation");

        Files.writeString(csv, "name,reference,test,psnr\nx,x.png,x.png,inf\ny,y.png,y.png,-INF\n");
        EvaluationTable numpy = EvaluationTable.readCsv(csv);
        assertEquals(Double.POSITIVE_INFINITY, numpy.value(0, "psnr"));
        assertEquals(Double.NEGATIVE_INFINITY, numpy.value(1, "psnr"));
        Files.writeString(csv, "name,reference,test,psnr\nx,x.png,x.png,high\n");
        String bad = assertThrows(IOException.class, () -> EvaluationTable.readCsv(csv)).getMessage();
        assertTrue(bad.contains("line 2") && bad.contains("psnr") && bad.contains("high"), bad);
        Files.writeString(csv, "file,psnr\n");
        assertTrue(assertThrows(IOException.class, () -> EvaluationTable.readCsv(csv)).getMessage().contains("name,reference,test"));
    }

    @Test
    void folderProblemsAreReportedBeforeAnyPixelIsRead() throws IOException {
        Path ref = Files.createDirectories(tmp.resolve("ref"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        String empty = assertThrows(ImageReadException.class, () -> FolderEvaluation.evaluate(ref, out, reader, METRICS, 255)).getMessage();
        assertTrue(empty.contains(ref.toString()) && empty.contains("no image files"), empty);

        for (String name : List.of("a.png", "b.png", "c.png")) {
            Files.copy(PAIRED.resolve("A/pair_000.png"), ref.resolve(name));
        }
        Files.copy(PAIRED.resolve("B/pair_000.png"), out.resolve("a.png"));
        Files.copy(PAIRED.resolve("B/pair_000.png"), out.resolve("z.png"));
        String unmatched = assertThrows(ImageReadException.class, () -> FolderEvaluation.evaluate(ref, out, reader, METRICS, 255))
                .getMessage();
        assertTrue(unmatched.contains("2 reference image(s)") && unmatched.contains("b.png, c.png")
                && unmatched.contains("1 test image(s)") && unmatched.contains("z.png"), unmatched);

        Path missing = tmp.resolve("nowhere");
        assertTrue(assertThrows(ImageReadException.class, () -> FolderEvaluation.evaluate(missing, out, reader, METRICS, 255))
                .getMessage().contains("not found"));

        Files.delete(out.resolve("z.png"));
        Files.copy(PAIRED.resolve("B/pair_000.png"), out.resolve("a.tif"));
        String twice = assertThrows(ImageReadException.class, () -> FolderEvaluation.evaluate(ref, out, reader, METRICS, 255)).getMessage();
        assertTrue(twice.contains("a.png and a.tif") || twice.contains("a.tif and a.png"), twice);

        String range = assertThrows(IllegalArgumentException.class, () -> FolderEvaluation.evaluate(ref, out, reader, METRICS, 0)).getMessage();
        assertTrue(range.contains("data range") && range.contains("0.0"), range);
        assertThrows(IllegalArgumentException.class, () -> FolderEvaluation.evaluate(ref, out, reader, List.of(), 255));
    }

    @Test
    void pairProblemsNameBothFiles() throws IOException {
        Path ref = Files.createDirectories(tmp.resolve("ref"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.copy(PAIRED.resolve("A/pair_000.png"), ref.resolve("case.png"));

        Files.copy(Path.of("test-data/reference/metrics/pd_noise.png"), out.resolve("case.png"));
        String size = assertThrows(IllegalArgumentException.class, () -> FolderEvaluation.evaluate(ref, out, reader, METRICS, 255))
                .getMessage();
        assertTrue(size.contains(ref.resolve("case.png").toString()) && size.contains(out.resolve("case.png").toString())
                && size.contains("32x32") && size.contains("181x217"), size);

        Files.delete(out.resolve("case.png"));
        TiffWriter.write(CalibratedImage.plain(ArrayImgs.argbs(32, 32), "rgb"), out.resolve("case.tif"));
        String channels = assertThrows(IllegalArgumentException.class, () -> FolderEvaluation.evaluate(ref, out, reader, METRICS, 255))
                .getMessage();
        assertTrue(channels.contains(out.resolve("case.tif").toString()) && channels.contains("1 channel(s)")
                && channels.contains("has 3"), channels);

        float[] withNaN = MetricImage.of(reader.read(PAIRED.resolve("B/pair_000.png"))).values().clone();
        withNaN[4 * 32 + 3] = Float.NaN;
        TiffWriter.write(CalibratedImage.plain(ArrayImgs.floats(withNaN, 32, 32), "nan"), out.resolve("case.tif"));
        String nan = assertThrows(IllegalArgumentException.class, () -> FolderEvaluation.evaluate(ref, out, reader, METRICS, 255))
                .getMessage();
        assertTrue(nan.contains(out.resolve("case.tif").toString()) && nan.contains("NaN") && nan.contains("x=3, y=4"), nan);

        TiffWriter.write(floatCopy(PAIRED.resolve("B/pair_000.png")), out.resolve("case.tif"));
        String small = assertThrows(IllegalArgumentException.class,
                () -> FolderEvaluation.evaluate(ref, out, reader, List.of(MsSsim.INSTANCE), 255)).getMessage();
        assertTrue(small.contains(ref.resolve("case.png").toString()) && small.contains("161x161"), small);

        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThrows(CancelledException.class, () -> FolderEvaluation.evaluate(ref, out, reader, METRICS, 255, (d, t, m) -> { }, cancelled));
    }

    /** The image as a 32-bit float image (so it is written as a float TIFF). */
    private CalibratedImage<FloatType> floatCopy(Path png) throws IOException {
        MetricImage m = MetricImage.of(reader.read(png));
        return CalibratedImage.plain(ArrayImgs.floats(m.values().clone(), m.width(), m.height()), png.getFileName().toString());
    }
}
