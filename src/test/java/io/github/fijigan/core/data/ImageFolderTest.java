package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import net.imglib2.img.array.ArrayImgs;

/** ImageFolder with a reader that decides by file content, so the rules are tested apart from any format. */
class ImageFolderTest {

    @TempDir
    Path dir;

    /** "gray" → 1 channel 4×3, "rgb" → ARGB, "c2" → a C axis of 2, anything else fails to read. */
    private final ImageReader reader = file -> {
        String content;
        try {
            content = Files.readString(file).strip();
        } catch (IOException e) {
            throw new ImageReadException(file, e.toString(), e);
        }
        return switch (content) {
            case "gray" -> CalibratedImage.plain(ArrayImgs.unsignedBytes(4, 3), file.getFileName().toString());
            case "rgb" -> CalibratedImage.plain(ArrayImgs.argbs(4, 3), file.getFileName().toString());
            case "c2" -> new CalibratedImage<>(ArrayImgs.floats(4, 3, 2), List.of(Axis.X, Axis.Y, Axis.C),
                    SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "c2");
            default -> throw new ImageReadException(file, "corrupt test image");
        };
    };

    @Test
    void listsImagesInNaturalOrderAndSkipsTheRest() throws IOException {
        write("img10.png", "gray");
        write("img2.png", "gray");
        write("IMG1.tif", "gray");
        write("README.txt", "gray");
        write("broken.png", "garbage");
        write(".DS_Store", "gray");
        Files.createDirectory(dir.resolve("sub"));
        List<String> seen = new ArrayList<>();

        ImageFolder folder = ImageFolder.scan(dir, reader, ImageFolder.Options.DEFAULT.withWarnings(seen::add));

        assertEquals(List.of(dir.resolve("IMG1.tif"), dir.resolve("img2.png"), dir.resolve("img10.png")), folder.files());
        assertEquals(1, folder.channels());
        assertEquals(new ImageFolder.Entry(dir.resolve("img2.png"), "", 1, 4, 3, 1), folder.entries().get(1));
        assertEquals(List.of(
                "broken.png: skipped, corrupt test image",
                "README.txt: skipped, not an image file extension",
                "sub: skipped, a subfolder"), folder.warnings());
        assertEquals(folder.warnings(), seen);
    }

    @Test
    void refusesMissingEmptyAndUnreadableFolders() throws IOException {
        Path missing = dir.resolve("nope");
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFolder.scan(missing, reader));
        assertEquals("Cannot read " + missing + ": folder not found", e.getMessage());

        Path file = write("file.png", "gray");
        e = assertThrows(ImageReadException.class, () -> ImageFolder.scan(file, reader));
        assertEquals("Cannot read " + file + ": not a folder", e.getMessage());

        Path empty = Files.createDirectory(dir.resolve("empty"));
        e = assertThrows(ImageReadException.class, () -> ImageFolder.scan(empty, reader));
        assertEquals("Cannot read " + empty + ": no readable images (the folder is empty)", e.getMessage());

        Path junk = Files.createDirectory(dir.resolve("junk"));
        Files.writeString(junk.resolve("notes.txt"), "x");
        Files.writeString(junk.resolve("bad.png"), "x");
        e = assertThrows(ImageReadException.class, () -> ImageFolder.scan(junk, reader));
        assertEquals("Cannot read " + junk + ": no readable images; bad.png: skipped, corrupt test image;"
                + " notes.txt: skipped, not an image file extension", e.getMessage());
    }

    @Test
    void refusesMixedChannelCountsNamingBothSides() throws IOException {
        write("a1.png", "gray");
        write("a2.png", "gray");
        write("colour.png", "rgb");
        write("two.tif", "c2");
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFolder.scan(dir, reader));
        assertEquals("Cannot read " + dir + ": images differ in channel count: colour.png has 3 channels but a1.png"
                + " has 1 (1 channel(s): a1.png, a2.png; 3 channel(s): colour.png; 2 channel(s): two.tif)", e.getMessage());
    }

    @Test
    void classSubfoldersAreLabelled() throws IOException {
        Files.createDirectories(dir.resolve("malignant"));
        Files.createDirectories(dir.resolve("benign"));
        Files.createDirectories(dir.resolve("empty class"));
        write("benign/b10.png", "rgb");
        write("benign/b9.png", "rgb");
        write("malignant/m1.png", "rgb");
        write("loose.png", "rgb");

        ImageFolder folder = ImageFolder.scan(dir, reader, ImageFolder.Options.DEFAULT.withClassSubfolders(true));

        assertEquals(List.of(dir.resolve("benign/b9.png"), dir.resolve("benign/b10.png"), dir.resolve("malignant/m1.png")),
                folder.files());
        assertEquals(List.of("benign", "malignant"), folder.labels());
        assertEquals(3, folder.channels());
        assertEquals(List.of("empty class: class subfolder without readable images",
                "loose.png: skipped, a file among class subfolders"), folder.warnings());
    }

    @Test
    void extensionlessDicomIsTaken() throws IOException {
        byte[] dicom = new byte[200];
        dicom[128] = 'D';
        dicom[129] = 'I';
        dicom[130] = 'C';
        dicom[131] = 'M';
        Files.write(dir.resolve("IM0001"), dicom);
        Files.writeString(dir.resolve("IM0002"), "gray");
        Files.writeString(dir.resolve("ok.png"), "gray");
        ImageFolder folder = ImageFolder.scan(dir, reader);
        assertEquals(List.of(dir.resolve("ok.png")), folder.files());
        // IM0001 was read (and failed in this fake reader); IM0002 was not even tried.
        assertEquals(List.of("IM0001: skipped, corrupt test image", "IM0002: skipped, not an image file extension"),
                folder.warnings());
        assertTrue(ImageFolder.hasImageExtension(Path.of("x.TIFF")));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
