package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateJobTest {

    /** A tiny AC-GAN (circle, square; 32×32 8-bit) trained by test-data/configs/shapes_acgan_tiny.json. */
    static final Path MODEL = Path.of("test-data/models/shapes_acgan_tiny.zip");

    @TempDir
    Path dir;

    private static GenerateJob.Result run(GenerateJob job) throws Exception {
        return job.device("cpu").run(ProgressListener.NONE, new CancellationToken());
    }

    @Test
    void writesEachClassIntoItsSubfolderAsEightBitPng() throws Exception {
        List<Long> done = new ArrayList<>();
        Path out = dir.resolve("out");
        GenerateJob.Result result = GenerateJob.create(MODEL, out, 3).seed(5).device("cpu")
                .run((d, t, m) -> done.add(d * 100 + t), new CancellationToken());
        List<Path> expected = List.of(out.resolve("circle/sample_00001.png"), out.resolve("circle/sample_00002.png"),
                out.resolve("circle/sample_00003.png"), out.resolve("square/sample_00001.png"),
                out.resolve("square/sample_00002.png"), out.resolve("square/sample_00003.png"));
        assertEquals(expected, result.files());
        assertEquals(List.of("circle", "square"), result.classes());
        assertEquals("uint8", result.outputType());
        assertEquals("wrote 6 uint8 samples (3 per class: circle, square) to " + out, result.summary());
        // "Loading" (0 of 0) first, then one report per file.
        assertEquals(List.of(0L, 106L, 206L, 306L, 406L, 506L, 606L), done);
        for (Path file : expected) {
            CalibratedImage<?> image = new ImageJReader().read(file);
            assertEquals(32, image.size(Axis.X));
            assertEquals(32, image.size(Axis.Y));
            assertTrue(image.data().getType() instanceof UnsignedByteType, file.toString());
        }
    }

    @Test
    void oneClassAloneGivesTheSameFilesAsWithTheOthersAndTheSeedDecides() throws Exception {
        Path all = dir.resolve("all");
        Path squares = dir.resolve("squares");
        Path other = dir.resolve("other");
        run(GenerateJob.create(MODEL, all, 2).seed(9));
        GenerateJob.Result one = run(GenerateJob.create(MODEL, squares, 2).seed(9).className("square"));
        run(GenerateJob.create(MODEL, other, 2).seed(10).className("square"));

        assertEquals(List.of(squares.resolve("square/sample_00001.png"), squares.resolve("square/sample_00002.png")), one.files());
        assertFalse(Files.exists(squares.resolve("circle")));
        for (String name : new String[] {"sample_00001.png", "sample_00002.png"}) {
            byte[] alone = Files.readAllBytes(squares.resolve("square").resolve(name));
            assertArrayEquals(Files.readAllBytes(all.resolve("square").resolve(name)), alone, name);
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(other.resolve("square").resolve(name)), alone), name);
        }
    }

    @Test
    void badInputsAreNamed() throws Exception {
        Path missing = dir.resolve("gone.zip");
        JobInputException e = assertThrows(JobInputException.class, () -> run(GenerateJob.create(missing, dir.resolve("o"), 2)));
        assertEquals("model: " + missing + ": file not found", e.getMessage());

        Path png = Files.copy(Path.of("test-data/synthetic/shapes/circle/circle_000.png"), dir.resolve("model.zip"));
        e = assertThrows(JobInputException.class, () -> run(GenerateJob.create(png, dir.resolve("o"), 2)));
        assertEquals("model: model.zip: not a zip archive: it looks like a PNG image", e.getMessage());

        e = assertThrows(JobInputException.class, () -> run(GenerateJob.create(MODEL, dir.resolve("o"), 2).className("triangle")));
        assertEquals("class_name: 'triangle' is not a class of shapes_acgan_tiny.zip; its classes are circle, square",
                e.getMessage());

        e = assertThrows(JobInputException.class, () -> run(GenerateJob.create(MODEL, dir.resolve("o"), 0)));
        assertEquals("count: must be at least 1, got 0", e.getMessage());

        Path file = Files.writeString(dir.resolve("file"), "x");
        e = assertThrows(JobInputException.class, () -> run(GenerateJob.create(MODEL, file.resolve("o"), 2)));
        assertEquals("output_folder", e.input());
        assertTrue(e.getMessage().startsWith("output_folder: " + file.resolve("o") + ": cannot create it: "), e.getMessage());
    }

    @Test
    void cancellingKeepsTheFilesWrittenSoFar() throws Exception {
        CancellationToken token = new CancellationToken();
        Path out = dir.resolve("out");
        ProgressListener cancelAfterFirstFile = (d, t, m) -> {
            if (d == 1) {
                token.cancel();
            }
        };
        // Files are written in batches of 32, so the first batch completes before the check.
        CancelledException e = assertThrows(CancelledException.class,
                () -> GenerateJob.create(MODEL, out, 40).device("cpu").run(cancelAfterFirstFile, token));
        assertEquals("writing samples cancelled", e.getMessage());
        try (var files = Files.list(out.resolve("circle"))) {
            assertEquals(32, files.count());
        }
        assertFalse(Files.exists(out.resolve("square")));
    }
}
