package io.github.fijigan.core.data;

import static io.github.fijigan.core.data.TranslationImagesFilesTest.expectReadError;
import static io.github.fijigan.core.data.TranslationImagesFilesTest.png;
import static io.github.fijigan.core.data.TranslationImagesTest.PAIRED;
import static io.github.fijigan.core.data.TranslationImagesTest.UNPAIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.ij.ImageJReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

/** What TranslationImages refuses, and how the message names the folder or file. */
class TranslationImagesErrorsTest {

    private static final TranslationImages.Options ALIGNED = TranslationImages.Options.DEFAULT
            .withMode(DatasetMode.ALIGNED).withPreprocess(Preprocess.CROP, 32, 32);

    @TempDir
    Path dir;

    private final ImageJReader reader = new ImageJReader();

    @Test
    void emptyOrMissingFoldersAndMissingTrainBAreNamed() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        ImageReadException e = expectReadError(() -> TranslationImages.load(empty, UNPAIRED.resolve("trainB"), reader,
                TranslationImages.Options.DEFAULT));
        assertEquals(empty, e.file());
        assertTrue(e.getMessage().contains("no readable images (the folder is empty)"), e.getMessage());

        Path root = Files.createDirectory(dir.resolve("root"));
        Files.createDirectory(root.resolve("trainA"));
        e = expectReadError(() -> TranslationImages.load(root, reader, TranslationImages.Options.DEFAULT));
        assertEquals(root, e.file());
        assertTrue(e.getMessage().contains("no trainB folder in it; unaligned data needs folders trainA and trainB"), e.getMessage());

        Path missing = dir.resolve("nowhere");
        e = expectReadError(() -> TranslationImages.load(missing, reader, TranslationImages.Options.DEFAULT));
        assertEquals("Cannot read " + missing + ": folder not found", e.getMessage());
    }

    @Test
    void filesWithoutPartnerAreListedWithWhatTheScanSkipped() throws IOException {
        Path a = Files.createDirectory(dir.resolve("A"));
        Path b = Files.createDirectory(dir.resolve("B"));
        for (String name : List.of("p1.png", "p2.png", "p3.png", "only_a.png")) {
            Files.copy(PAIRED.resolve("A/pair_000.png"), a.resolve(name));
        }
        Files.copy(PAIRED.resolve("B/pair_000.png"), b.resolve("p1.tif.png"));
        Files.copy(PAIRED.resolve("B/pair_000.png"), b.resolve("p1.png"));
        Files.copy(PAIRED.resolve("B/pair_000.png"), b.resolve("p2.png"));
        byte[] bytes = Files.readAllBytes(PAIRED.resolve("B/pair_000.png"));
        Files.write(b.resolve("p3.png"), Arrays.copyOf(bytes, bytes.length / 3));
        ImageReadException e = expectReadError(() -> TranslationImages.load(a, b, reader, ALIGNED));
        assertEquals(a, e.file());
        String m = e.getMessage();
        assertTrue(m.contains("2 file(s) of A have no partner in B: only_a.png, p3.png"), m);
        assertTrue(m.contains("1 file(s) of B have no partner in A: p1.tif.png"), m);
        assertTrue(m.contains("(skipped while scanning: B: p3.png: skipped, corrupt or unsupported PNG file"), m);

        Path twins = Files.createDirectory(dir.resolve("twins"));
        Files.copy(PAIRED.resolve("B/pair_000.png"), twins.resolve("p1.png"));
        TranslationImagesFilesTest.tiff(new ByteProcessor(32, 32), twins.resolve("p1.tif"));
        e = expectReadError(() -> TranslationImages.load(a, twins, reader, ALIGNED));
        assertEquals(twins, e.file());
        assertTrue(e.getMessage().contains("p1.png and p1.tif have the same name"), e.getMessage());
    }

    @Test
    void pairsOfDifferentSizeAndDomainsOfMixedChannelsAreRefused() throws IOException {
        Path a = Files.createDirectory(dir.resolve("A"));
        Path b = Files.createDirectory(dir.resolve("B"));
        Files.copy(PAIRED.resolve("A/pair_000.png"), a.resolve("x.png"));
        png(new ByteProcessor(32, 28), b.resolve("x.png"));
        ImageReadException e = expectReadError(() -> TranslationImages.load(a, b, reader, ALIGNED.withPreprocess(Preprocess.CROP, 32, 24)));
        assertEquals(b.resolve("x.png"), e.file());
        assertTrue(e.getMessage().contains("x.png is 32x28 but its partner x.png is 32x32 once loaded"), e.getMessage());
        // resize_and_crop brings both to load × load, so the same pair is fine.
        TranslationImages resized = TranslationImages.load(a, b, reader, ALIGNED.withPreprocess(Preprocess.RESIZE_AND_CROP, 36, 32));
        assertEquals(1, resized.size());

        png(new ColorProcessor(32, 32), a.resolve("y.png"));
        e = expectReadError(() -> TranslationImages.load(a, UNPAIRED.resolve("trainB"), reader, TranslationImages.Options.DEFAULT));
        assertEquals(a, e.file());
        assertTrue(e.getMessage().contains("images differ in channel count"), e.getMessage());
    }

    @Test
    void everyPlaneOfAStackIsAnImageAndPairsNeedEqualPlaneCounts() throws IOException {
        Path a = Files.createDirectory(dir.resolve("A"));
        Path b = Files.createDirectory(dir.resolve("B"));
        ImageStack stack = new ImageStack(32, 32);
        for (int z = 0; z < 3; z++) {
            ByteProcessor slice = new ByteProcessor(32, 32);
            slice.setValue(10 * (z + 1));
            slice.fill();
            stack.addSlice(slice);
        }
        assertTrue(new FileSaver(new ImagePlus("s", stack)).saveAsTiffStack(a.resolve("s.tif").toString()));
        Files.copy(PAIRED.resolve("B/pair_000.png"), b.resolve("s.png"));
        TranslationImages unaligned = TranslationImages.load(a, b, reader, TranslationImages.Options.DEFAULT
                .withPreprocess(Preprocess.CROP, 32, 32).withFlip(false));
        assertEquals(3, unaligned.domainA().size());
        assertEquals(3, unaligned.size());
        assertEquals("s.tif [z=2, t=1]", unaligned.domainA().source(1));
        assertEquals(20f, unaligned.domainA().pixels(1)[0]);
        ImageReadException e = expectReadError(() -> TranslationImages.load(a, b, reader, ALIGNED));
        assertEquals(b.resolve("s.png"), e.file());
        assertTrue(e.getMessage().contains("has 1 plane(s) but its partner " + a.resolve("s.tif") + " has 3"), e.getMessage());
    }

    @Test
    void uncroppedDomainsOfMixedSizesAreWarnedAbout() throws IOException {
        Path a = Files.createDirectory(dir.resolve("A"));
        Files.copy(PAIRED.resolve("A/pair_000.png"), a.resolve("small.png"));
        png(new ByteProcessor(64, 32), a.resolve("wide.png"));
        Files.writeString(a.resolve("notes.txt"), "not an image");
        TranslationImages data = TranslationImages.load(a, UNPAIRED.resolve("testB"), reader,
                TranslationImages.Options.DEFAULT.withPreprocess(Preprocess.NONE, 286, 256));
        assertEquals(List.of("A: notes.txt: skipped, not an image file extension",
                "A: wide.png is 64x32 but small.png is 32x32 with preprocess none, so batches must hold one image"),
                data.warnings());
    }

    @Test
    void optionsAndModesThatCannotWorkAreRefusedBeforeReading() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TranslationImages.Options.DEFAULT.withPreprocess(Preprocess.RESIZE_AND_CROP, 128, 256));
        assertEquals("crop size 256 is larger than the load size 128 that preprocess resize_and_crop resizes to", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TranslationImages.Options.DEFAULT.withNormalization("auto", "window:9"));
        assertTrue(e.getMessage().startsWith("normalisation of domain B: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TranslationImages.load(PAIRED.resolve("A"), PAIRED.resolve("B"),
                reader, ALIGNED.withMode(DatasetMode.SINGLE)));
        assertTrue(e.getMessage().startsWith("dataset mode single reads one folder, but two were given"), e.getMessage());
        // crop needs no load size and accepts a crop larger than it
        assertEquals(64, TranslationImages.Options.DEFAULT.withPreprocess(Preprocess.CROP, 32, 64).cropSize());
    }

    @Test
    void progressCountsBothSidesAndCancelStops() throws IOException {
        List<String> calls = new ArrayList<>();
        TranslationImages.load(UNPAIRED.resolve("testA"), UNPAIRED.resolve("testB"), reader, TranslationImages.Options.DEFAULT
                .withPreprocess(Preprocess.CROP, 32, 32), (done, total, message) -> calls.add(done + "/" + total + " " + message),
                new CancellationToken());
        assertEquals(17, calls.size());
        assertEquals("0/16 Reading A_000.png", calls.get(0));
        assertEquals("15/16 Reading B_007.png", calls.get(15));
        assertEquals("16/16 Fitting the normalisation", calls.get(16));

        CancellationToken token = new CancellationToken();
        ProgressListener cancelAtTwo = (done, total, message) -> {
            if (done == 2) token.cancel();
        };
        CancelledException c = assertThrows(CancelledException.class, () -> TranslationImages.load(UNPAIRED, null, reader,
                TranslationImages.Options.DEFAULT, cancelAtTwo, token));
        assertEquals("loading translation images cancelled", c.getMessage());
    }
}
