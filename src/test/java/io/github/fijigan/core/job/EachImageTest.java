package io.github.fijigan.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.SampleWriters;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frame of the image-to-image jobs: inputs in natural order, outputs named by suffix, errors naming the file. */
class EachImageTest {

    @TempDir
    Path dir;

    private final ImageJReader reader = new ImageJReader();

    /** 255 − value, as float: a step whose output can be checked pixel by pixel. */
    private static CalibratedImage<?> invert(CalibratedImage<?> image) {
        @SuppressWarnings("unchecked")
        RandomAccessibleInterval<? extends RealType<?>> in = (RandomAccessibleInterval<? extends RealType<?>>) image.data();
        var out = ArrayImgs.floats(in.dimensionsAsLongArray());
        var c = Views.flatIterable(in).cursor();
        for (FloatType v : Views.flatIterable(out)) {
            v.set(255 - c.next().getRealFloat());
        }
        return CalibratedImage.plain(out, image.name());
    }

    private Path folderOf(String... names) throws Exception {
        Path f = Files.createDirectories(dir.resolve("in"));
        for (String n : names) {
            Files.copy(Path.of("test-data/synthetic/shapes/circle/circle_000.png"), f.resolve(n));
        }
        return f;
    }

    @Test
    void eachImageOfAFolderIsWrittenWithItsSuffixes() throws Exception {
        Path in = folderOf("img10.png", "img2.png");
        Files.writeString(in.resolve("notes.txt"), "not an image");
        Path out = dir.resolve("out");
        EachImage<CalibratedImage<?>> each = new EachImage<>(reader, SampleWriters.tiff(), out);
        List<Path> files = each.files(in);
        assertEquals(List.of(in.resolve("img2.png"), in.resolve("img10.png")), files);
        List<String> progress = new ArrayList<>();
        ProgressListener listener = (d, total, message) -> progress.add(d + "/" + total + " " + message);
        EachImage.Done<CalibratedImage<?>> done = each.apply(files, (image, p, c) -> invert(image),
                r -> EachImage.outputs(r, "_again", Optional.of(r)), "Inverting", listener, new CancellationToken());
        assertEquals(List.of(out.resolve("img2.tif"), out.resolve("img2_again.tif"), out.resolve("img10.tif"), out.resolve("img10_again.tif")),
                done.written());
        assertEquals(2, done.images());
        assertTrue(done.inMemory().isEmpty());
        assertEquals(List.of("0/2 Inverting img2.png", "1/2 Inverting img2.png: done", "1/2 Inverting img10.png",
                "2/2 Inverting img10.png: done"), progress);
        var source = Views.flatIterable(reader.read(in.resolve("img2.png")).data()).cursor();
        for (Object v : Views.flatIterable(reader.read(out.resolve("img2.tif")).data())) {
            assertEquals(255 - ((RealType<?>) source.next()).getRealFloat(), ((RealType<?>) v).getRealFloat());
        }
    }

    @Test
    void anImageInMemoryComesBackAndIsWrittenOnlyWithAFolder() throws Exception {
        CalibratedImage<?> image = reader.read(Path.of("test-data/synthetic/shapes/square/square_000.png"));
        EachImage.Done<CalibratedImage<?>> shown = new EachImage<CalibratedImage<?>>(null, null, null)
                .apply(image, (i, p, c) -> invert(i), r -> EachImage.outputs(r, "", Optional.empty()), "Inverting", ProgressListener.NONE,
                        new CancellationToken());
        assertTrue(shown.written().isEmpty());
        assertEquals(32, shown.inMemory().orElseThrow().data().dimension(0));
        EachImage.Done<CalibratedImage<?>> saved = new EachImage<CalibratedImage<?>>(null, SampleWriters.tiff(), dir)
                .apply(image, (i, p, c) -> invert(i), r -> EachImage.outputs(r, "", Optional.empty()), "Inverting", ProgressListener.NONE,
                        new CancellationToken());
        assertEquals(List.of(dir.resolve("square_000.tif")), saved.written());
        assertThrows(IllegalStateException.class, () -> new EachImage<>(null, null, dir));
    }

    @Test
    void badInputsAreNamed() throws Exception {
        EachImage<CalibratedImage<?>> each = new EachImage<>(reader, SampleWriters.tiff(), dir.resolve("out"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("input: Cannot read " + empty + ": no readable images (the folder is empty)", assertThrows(JobInputException.class, () -> each.files(empty)).getMessage());
        assertEquals("input: no image or folder given", assertThrows(JobInputException.class, () -> each.files(null)).getMessage());
        Path in = folderOf("a.png");
        JobInputException refused = assertThrows(JobInputException.class, () -> each.apply(each.files(in), (i, p, c) -> {
            throw new IllegalArgumentException("needs 3 channels, got 1");
        }, r -> List.of(), "Inverting", ProgressListener.NONE, new CancellationToken()));
        assertEquals("input: a.png: needs 3 channels, got 1", refused.getMessage());
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        assertEquals(EachImage.OUTPUT_FOLDER, assertThrows(JobInputException.class,
                () -> new EachImage<>(reader, SampleWriters.tiff(), blocker.resolve("sub")).checkOutputFolder(true)).input());
    }
}
