package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fiji-gan demo --quick}: every step runs and the report links images that exist. */
class DemoCliTest {

    @TempDir
    Path dir;

    @Test
    void theQuickDemoWritesItsReportImagesAndPlots() throws Exception {
        Path out = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--output", out.toString(), "--quick");
        assertEquals(0, run.code(), run::toString);
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## Translation (pix2pix)") && report.contains("## Denoising (low-dose CT)")
                && report.contains("## Stain normalisation (histology)"), report);
        assertTrue(report.matches("(?s).*Mean SSIM to the true targets: \\*\\*-?[0-9.]+\\*\\*.*"), report);
        assertTrue(report.matches("(?s).*denoised \\*\\*[0-9.]+ dB\\*\\*.*"), report);
        assertTrue(report.matches("(?s).*the best epoch, \\*\\*1\\*\\* \\(validation SSIM [0-9.]+\\).*"), report);
        assertTrue(report.contains("| ssim | ") && report.contains("| haarpsi | "), report);
        assertEquals(17, Files.readAllLines(out.resolve("translation/metrics/metrics.csv")).size(), "a header and 16 held-out pairs");
        assertTrue(Files.isRegularFile(out.resolve("translation/run/best_model.zip")));
        for (String line : report.split("\n")) {
            if (line.startsWith("![")) {
                Path image = out.resolve(line.substring(line.indexOf("](") + 2, line.length() - 1));
                assertTrue(Files.size(image) > 100, image.toString());
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("denoising/denoised/CT_small_low_dose.tif")));
        assertTrue(Files.list(out.resolve("translation/translated")).count() == 16);

        CliRun again = CliRun.of("demo", "--output", out.toString(), "--quick");
        assertEquals(1, again.code(), again::toString);
        assertTrue(again.err().contains("already exists"), again::toString);
    }
}
