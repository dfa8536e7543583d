package io.github.fijigan.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;

/** ImageFolder over real test images read by ImageJ1, with the litter real folders hold. */
class ImageFolderWithImageJTest {

    @TempDir
    Path dir;

    @Test
    void realFolderSkipsReadmeAndCorruptPng() throws IOException {
        copy("dicom/CT_small.dcm", "slice10.dcm");
        copy("dicom/MR_small.dcm", "slice2.dcm");
        copy("mri/BrainProtonDensitySlice.png", "Slice1.png");
        Files.writeString(dir.resolve("README.txt"), "Where these images come from.\n");
        byte[] png = Files.readAllBytes(TestImages.TEST_DATA.resolve("mri/BrainT1Slice.png"));
        Files.write(dir.resolve("slice3.png"), Arrays.copyOf(png, png.length / 3));

        ImageFolder folder = ImageFolder.scan(dir, new ImageJReader());

        assertEquals(List.of("Slice1.png", "slice2.dcm", "slice10.dcm"),
                folder.files().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(1, folder.channels());
        assertEquals(new ImageFolder.Entry(dir.resolve("slice10.dcm"), "", 1, 128, 128, 1), folder.entries().get(2));
        assertEquals(2, folder.warnings().size(), folder.warnings().toString());
        assertTrue(folder.warnings().get(0).startsWith("README.txt: skipped, not an image file extension"));
        assertTrue(folder.warnings().get(1).startsWith("slice3.png: skipped, corrupt or unsupported PNG file"),
                folder.warnings().get(1));
    }

    @Test
    void colourAndGrayDoNotMix() throws IOException {
        copy("histology/ihc.png", "ihc.png");
        copy("mri/BrainProtonDensitySlice.png", "BrainProtonDensitySlice.png");
        copy("dicom/CT_small.dcm", "CT_small.dcm");
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFolder.scan(dir, new ImageJReader()));
        assertTrue(e.getMessage().contains("ihc.png has 3 channels but BrainProtonDensitySlice.png has 1"), e.getMessage());
        assertEquals(dir, e.file());
    }

    private void copy(String testData, String name) throws IOException {
        Files.copy(TestImages.TEST_DATA.resolve(testData), dir.resolve(name));
    }
}
