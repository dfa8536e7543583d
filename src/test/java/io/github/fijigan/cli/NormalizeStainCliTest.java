package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fiji-gan normalize-stain}: to a reference image, then to the target saved from it; errors. */
class NormalizeStainCliTest {

    @TempDir
    Path dir;

    @Test
    void normalizesToAReferenceAndToItsSavedTarget() throws Exception {
        Path json = dir.resolve("target.json");
        CliRun first = CliRun.of("normalize-stain", "--target", "test-data/histology/ihc.png", "--input",
                "test-data/histology/he_from_ihc.png", "--output", dir.resolve("a").toString(), "--save-target", json.toString());
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.out().contains("normalised 1 image with macenko to " + dir.resolve("a")), first::toString);
        CliRun second = CliRun.of("normalize-stain", "--target", json.toString(), "--input", "test-data/histology/he_from_ihc.png",
                "--output", dir.resolve("b").toString());
        assertEquals(0, second.code(), second::toString);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/he_from_ihc.tif")), Files.readAllBytes(dir.resolve("b/he_from_ihc.tif")));

        CliRun method = CliRun.of("normalize-stain", "--method", "vahadane", "--target", json.toString(), "--input",
                "test-data/histology/he_from_ihc.png", "--output", dir.resolve("c").toString());
        assertEquals(1, method.code(), method::toString);
        assertTrue(method.err().contains("--method: must be one of reinhard, macenko, got \"vahadane\""), method::toString);
    }
}
