package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.metrics.Metric;
import io.github.fijigan.core.metrics.MetricRegistry;
import ij.IJ;
import ij.ImagePlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation record: rows, the best by the selecting metric's direction, ties, NaN, infinity, and resuming. */
class ValidationLogTest {

    @TempDir
    Path dir;

    private static final List<Metric> PSNR_SSIM = MetricRegistry.parse("psnr, ssim");

    @Test
    void theBestIsTheFirstStrictlyBetterRowAndNaNNeverWins() throws Exception {
        RunFolder run = RunFolder.create(dir);
        ValidationLog log = ValidationLog.open(run, PSNR_SSIM, MetricRegistry.get("ssim"), 0, w -> { });
        assertEquals(1, log.add(1, 10, row(20, 0.5)).orElseThrow().epoch());
        assertEquals(2, log.add(2, 20, row(21, 0.7)).orElseThrow().epoch());
        assertTrue(log.add(3, 30, row(22, 0.6)).isEmpty(), "worse");
        assertTrue(log.add(4, 40, row(23, 0.7)).isEmpty(), "a tie keeps the earlier epoch");
        assertTrue(log.add(5, 50, row(Double.NaN, Double.NaN)).isEmpty(), "NaN is no improvement");
        assertEquals(2, log.best().orElseThrow().epoch());
        assertTrue(log.best().orElseThrow().model().isEmpty(), "no model written yet");
        assertEquals("epoch,iteration,psnr,ssim\n1,10,20.0,0.5\n2,20,21.0,0.7\n3,30,22.0,0.6\n4,40,23.0,0.7\n5,50,NaN,NaN\n",
                Files.readString(run.validationTable()));
        ImagePlus plot = IJ.openImage(run.validationPlot().toString());
        assertEquals(2 * 200, plot.getHeight(), "a panel per metric");
    }

    @Test
    void lowerIsBetterMetricsSelectTheMinimumAndBestJsonRecordsIt() throws Exception {
        RunFolder run = RunFolder.create(dir);
        List<Metric> metrics = MetricRegistry.parse("psnr, gmsd");
        ValidationLog log = ValidationLog.open(run, metrics, MetricRegistry.get("gmsd"), 0, w -> { });
        Optional<BestModel> first = log.add(2, 8, Map.of("psnr", Double.POSITIVE_INFINITY, "gmsd", 0.2));
        log.bestWritten(first.orElseThrow());
        assertTrue(log.add(4, 16, Map.of("psnr", 30.0, "gmsd", 0.25)).isEmpty(), "a larger GMSD is worse");
        BestModel better = log.add(6, 24, Map.of("psnr", 31.0, "gmsd", 0.125)).orElseThrow();
        assertFalse(better.higherIsBetter());
        log.bestWritten(better);
        assertEquals(6, log.best().orElseThrow().epoch());
        assertEquals(Optional.of(run.bestModel()), log.best().orElseThrow().model());
        JsonObject json = JsonParser.parseString(Files.readString(run.best())).getAsJsonObject();
        assertEquals("gmsd", json.get("metric").getAsString());
        assertFalse(json.get("higher_is_better").getAsBoolean());
        assertEquals(6, json.get("epoch").getAsInt());
        assertEquals(24, json.get("iteration").getAsLong());
        assertEquals(0.125, json.get("value").getAsDouble());
        assertEquals(31.0, json.getAsJsonObject("metrics").get("psnr").getAsDouble());
        assertEquals("best_model.zip", json.get("model").getAsString());
        assertTrue(Files.readString(run.validationTable()).contains("\n2,8,Infinity,0.2\n"), "identical images: infinite PSNR");
    }

    @Test
    void aResumedLogKeepsTheRowsUpToItsCheckpointAndTheirBest() throws Exception {
        RunFolder run = RunFolder.create(dir);
        ValidationLog log = ValidationLog.open(run, PSNR_SSIM, MetricRegistry.get("ssim"), 0, w -> { });
        log.add(1, 10, row(20, 0.5));
        log.add(2, 20, row(21, 0.7));
        log.add(3, 30, row(22, 0.6));
        log.add(4, 40, row(23, 0.9));

        List<String> warnings = new ArrayList<>();
        ValidationLog resumed = ValidationLog.open(run, PSNR_SSIM, MetricRegistry.get("ssim"), 3, warnings::add);
        assertEquals("epoch,iteration,psnr,ssim\n1,10,20.0,0.5\n2,20,21.0,0.7\n3,30,22.0,0.6\n", Files.readString(run.validationTable()));
        assertEquals(2, resumed.best().orElseThrow().epoch(), "the best of the kept rows");
        assertTrue(resumed.best().orElseThrow().model().isEmpty(), "no best_model.zip in the folder");
        assertTrue(resumed.add(4, 40, row(23, 0.65)).isEmpty(), "0.65 does not beat the kept 0.7");
        assertEquals(5, resumed.add(5, 50, row(23, 0.8)).orElseThrow().epoch(), "0.8 beats it");

        ValidationLog fresh = ValidationLog.open(run, PSNR_SSIM, MetricRegistry.get("ssim"), 0, warnings::add);
        assertEquals("epoch,iteration,psnr,ssim\n", Files.readString(run.validationTable()), "a run from the start drops every row");
        assertTrue(fresh.best().isEmpty());
        assertEquals(List.of(), warnings);
    }

    private static Map<String, Double> row(double psnr, double ssim) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("psnr", psnr);
        row.put("ssim", ssim);
        return row;
    }
}
