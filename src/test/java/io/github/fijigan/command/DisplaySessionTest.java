package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.github.fijigan.testing.ChildJava;
import io.github.fijigan.testing.XvfbDisplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a display, training shows the loss plot and the latest samples in two windows replaced each
 * epoch with exactly what the run folder holds, Generate Samples gives its samples as a stack, and
 * the Evaluate commands show their tables as ImageJ tables and their plots as images.
 * Runs in a child JVM with a display (the session's, or a private Xvfb); skipped without either.
 */
class DisplaySessionTest {

    @TempDir
    Path dir;

    @Test
    void trainingShowsItsLossesAndSamplesAndSamplingGivesAStack() throws Exception {
        Optional<XvfbDisplay> display = XvfbDisplay.acquire();
        assumeTrue(display.isPresent(), "no DISPLAY and no Xvfb on the PATH");
        ChildJava.Result r;
        try (XvfbDisplay d = display.get()) {
            r = ChildJava.run(d.name(), Files.createTempFile(dir, "display", ".log"), 240, DisplaySession.class,
                    dir.toString());
        }
        assertEquals(0, r.code(), r.toString());
        String out = r.output();
        assertTrue(out.contains("ui-headless=false\n"), out);
        assertTrue(out.contains("train-cancelled=false\n"), out);
        // One window each, retitled and refilled at the second epoch rather than opened again.
        assertTrue(out.contains("windows=shapes_run losses (epoch 2 of 2)|shapes_run samples (epoch 2 of 2)\n"), out);
        assertTrue(out.contains("losses-shown=true\n"), out);
        assertTrue(out.contains("samples-shown=true\n"), out);
        assertTrue(out.contains("stack=Samples from shapes_acgan_tiny.zip 32x32x6 first=circle/sample_00001.png"
                + " last=square/sample_00003.png\n"), out);
        assertTrue(out.contains("evaluate-cancelled=false,false,false\n"), out);
        assertTrue(out.contains("tables=Augmentation benefit|Augmentation benefit summary|Image quality|Image quality summary"
                + "|Synthetic data: centroid distances|Synthetic data: memorisation"), out);
        assertTrue(out.contains("box-plot-shown=true\n") && out.contains("pairs-shown=true\n") && out.contains("benefit-shown=true\n"), out);
    }
}
