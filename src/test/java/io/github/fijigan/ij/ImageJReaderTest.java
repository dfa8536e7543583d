package io.github.fijigan.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

class ImageJReaderTest {

    /** ImageJ1 stores signed 16-bit DICOM data shifted by this much. */
    private static final int SIGNED_16_OFFSET = 32768;

    private final ImageJReader reader = new ImageJReader();

    @TempDir
    Path dir;

    @Test
    void ctMatchesPydicomRescaledValues() throws Exception {
        JsonObject ref = reference("dicom/CT_small.dcm");
        CalibratedImage<?> ct = reader.read(TestImages.TEST_DATA.resolve("dicom/CT_small.dcm"));
        assertEquals(UnsignedShortType.class, ct.data().getType().getClass());
        assertEquals(List.of(Axis.X, Axis.Y), ct.axes());
        assertEquals(128, ct.size(Axis.X));
        assertEquals(128, ct.size(Axis.Y));

        ValueCalibration v = ct.valueCalibration();
        assertEquals("HU", v.unit());
        // ImageJ's line maps its shifted values; without the shift it is the file's rescale.
        assertEquals(ref.get("rescale_slope").getAsDouble(), v.slope());
        assertEquals(ref.get("rescale_intercept").getAsDouble(), v.intercept() + SIGNED_16_OFFSET * v.slope());
        assertEquals(1.0, v.slope());
        assertEquals(-1024.0, v.intercept() + SIGNED_16_OFFSET);

        int checked = checkSamples(ct, ref, SIGNED_16_OFFSET);
        assertEquals(11, checked);
        // The pixel (64, 64) stores 1928, i.e. 904 HU.
        assertEquals(904.0, v.toPhysical(real(ct.data(), 64, 64)));

        var s = ct.spatialCalibration();
        assertEquals(0.661468, s.pixelWidth());
        assertEquals(0.661468, s.pixelHeight());
        assertEquals(5.0, s.pixelDepth());
        assertEquals("mm", s.unit());
    }

    @Test
    void mrReadsWithoutRescale() throws Exception {
        JsonObject ref = reference("dicom/MR_small.dcm");
        CalibratedImage<?> mr = reader.read(TestImages.TEST_DATA.resolve("dicom/MR_small.dcm"));
        assertEquals(64, mr.size(Axis.X));
        assertEquals(1.0, mr.valueCalibration().slope());
        assertEquals(-SIGNED_16_OFFSET, mr.valueCalibration().intercept());
        assertEquals("", mr.valueCalibration().unit());
        assertEquals(11, checkSamples(mr, ref, SIGNED_16_OFFSET));
        assertEquals(0.3125, mr.spatialCalibration().pixelWidth());
        assertEquals(0.8, mr.spatialCalibration().pixelDepth());
    }

    private static int checkSamples(CalibratedImage<?> image, JsonObject ref, int offset) {
        int n = 0;
        for (var e : ref.getAsJsonArray("samples")) {
            JsonObject sample = e.getAsJsonObject();
            int x = sample.get("x").getAsInt();
            int y = sample.get("y").getAsInt();
            double stored = real(image.data(), x, y);
            String at = image.name() + " at " + x + "," + y;
            assertEquals(sample.get("stored").getAsDouble(), stored - offset, at);
            assertEquals(sample.get("rescaled").getAsDouble(), image.valueCalibration().toPhysical(stored), 1e-6, at);
            n++;
        }
        return n;
    }

    @Test
    void readsPngAndJpeg() throws Exception {
        CalibratedImage<?> ihc = reader.read(TestImages.TEST_DATA.resolve("histology/ihc.png"));
        assertEquals(ARGBType.class, ihc.data().getType().getClass());
        assertEquals(512, ihc.size(Axis.X));
        assertEquals(512, ihc.size(Axis.Y));
        ImagePlus direct = ij.IJ.openImage(TestImages.TEST_DATA.resolve("histology/ihc.png").toString());
        assertEquals(direct.getProcessor().get(100, 200), ((ARGBType) ihc.data().getAt(100, 200)).get());

        CalibratedImage<?> pd = reader.read(TestImages.TEST_DATA.resolve("mri/BrainProtonDensitySlice.png"));
        assertEquals(UnsignedByteType.class, pd.data().getType().getClass());
        assertEquals(181, pd.size(Axis.X));
        assertEquals(217, pd.size(Axis.Y));

        CalibratedImage<?> retina = reader.read(TestImages.TEST_DATA.resolve("retina/retina.jpg"));
        assertEquals(1411, retina.size(Axis.X));
        assertEquals("retina.jpg", retina.name());
    }

    @Test
    void readsBmpGifAndMultiPageTiff() throws Exception {
        ImagePlus gray = TestImages.random(ImagePlus.GRAY8, 9, 7, 1, 1, 1, 1);
        Path bmp = dir.resolve("gray.bmp");
        Path gif = dir.resolve("gray.gif");
        assertTrue(new FileSaver(gray).saveAsBmp(bmp.toString()));
        assertTrue(new FileSaver(gray).saveAsGif(gif.toString()));
        byte[] expected = (byte[]) gray.getProcessor().getPixels();
        for (Path file : List.of(bmp, gif)) {
            CalibratedImage<?> image = reader.read(file);
            assertEquals(UnsignedByteType.class, image.data().getType().getClass(), file.toString());
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i] & 0xff, real(image.data(), i % 9, i / 9), file + " pixel " + i);
            }
        }

        ImagePlus stack = TestImages.random(ImagePlus.GRAY16, 6, 5, 1, 4, 1, 2);
        Path tif = dir.resolve("stack.tif");
        assertTrue(new FileSaver(stack).saveAsTiffStack(tif.toString()));
        CalibratedImage<?> image = reader.read(tif);
        assertEquals(List.of(Axis.X, Axis.Y, Axis.Z), image.axes());
        assertEquals(stack.getStack().getProcessor(3).get(4, 2), real(image.plane(0, 2, 0), 4, 2));
    }

    @Test
    void virtualStacksAreReadPlaneByPlane() throws IOException {
        ImagePlus stack = TestImages.random(ImagePlus.GRAY32, 6, 5, 1, 4, 1, 8);
        Path tif = dir.resolve("virtual.tif");
        assertTrue(new FileSaver(stack).saveAsTiffStack(tif.toString()));
        ImagePlus virtual = ij.IJ.openVirtual(tif.toString());
        assertTrue(virtual.getStack().isVirtual());
        CalibratedImage<?> image = ImagePlusBridge.toCalibratedImage(virtual);
        for (int z = 0; z < 4; z++) {
            assertEquals(stack.getStack().getProcessor(z + 1).getf(5, 4), (float) real(image.plane(0, z, 0), 5, 4));
        }
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nothing-here.tif");
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(missing));
        assertEquals(missing, e.file());
        assertEquals("Cannot read " + missing + ": file not found", e.getMessage());
    }

    @Test
    void folderIsRefused() {
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void textAndUnknownFormatsAreUnsupported() throws IOException {
        Path readme = Files.writeString(dir.resolve("README.txt"), "images for the test\n");
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(readme));
        assertTrue(e.getMessage().startsWith("Cannot read " + readme + ": unsupported format"), e.getMessage());

        Path data = Files.write(dir.resolve("weights.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        e = assertThrows(ImageReadException.class, () -> reader.read(data));
        assertTrue(e.getMessage().contains("unsupported format"), e.getMessage());

        Path empty = Files.createFile(dir.resolve("empty.png"));
        e = assertThrows(ImageReadException.class, () -> reader.read(empty));
        assertTrue(e.getMessage().endsWith("empty file (0 bytes)"), e.getMessage());
    }

    @Test
    void corruptFilesSayWhy() throws IOException {
        byte[] png = Files.readAllBytes(TestImages.TEST_DATA.resolve("mri/BrainT1Slice.png"));
        Path cutPng = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(png, 3000));
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(cutPng));
        assertTrue(e.getMessage().contains("cut.png") && e.getMessage().contains("corrupt or unsupported PNG file")
                && e.getMessage().contains("Error reading PNG image data"), e.getMessage());

        byte[] dcm = Files.readAllBytes(TestImages.TEST_DATA.resolve("dicom/CT_small.dcm"));
        Path cutDcm = Files.write(dir.resolve("cut.dcm"), java.util.Arrays.copyOf(dcm, 30000));
        e = assertThrows(ImageReadException.class, () -> reader.read(cutDcm));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("39068")
                && e.getMessage().contains("30000 bytes"), e.getMessage());

        Path headerOnly = Files.write(dir.resolve("header.dcm"), java.util.Arrays.copyOf(dcm, 1000));
        e = assertThrows(ImageReadException.class, () -> reader.read(headerOnly));
        assertTrue(e.getMessage().contains("corrupt or unsupported DICOM file"), e.getMessage());

        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        noise[0] = 'I';
        noise[1] = 'I';
        noise[2] = 42;
        noise[3] = 0;
        Path badTiff = Files.write(dir.resolve("noise.tif"), noise);
        e = assertThrows(ImageReadException.class, () -> reader.read(badTiff));
        assertEquals("Cannot read " + badTiff + ": corrupt or unsupported TIFF file: ImageJ1 could not decode it",
                e.getMessage());

        Path badPng = Files.write(dir.resolve("noise.png"), java.util.Arrays.copyOfRange(noise, 4, 4096));
        e = assertThrows(ImageReadException.class, () -> reader.read(badPng));
        assertEquals("Cannot read " + badPng + ": corrupt or mislabelled: the name ends in .png but the content"
                + " matches no image format ImageJ1 reads", e.getMessage());
    }

    @Test
    void truncatedTiffStackIsCaught() throws IOException {
        ImagePlus stack = TestImages.random(ImagePlus.GRAY16, 16, 16, 1, 10, 1, 3);
        Path tif = dir.resolve("stack.tif");
        assertTrue(new FileSaver(stack).saveAsTiffStack(tif.toString()));
        byte[] bytes = Files.readAllBytes(tif);
        Path cut = Files.write(dir.resolve("cut.tif"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(cut));
        assertTrue(e.getMessage().contains("cut.tif"), e.getMessage());
    }

    private static double real(RandomAccessibleInterval<?> data, long... position) {
        return ((RealType<?>) data.getAt(position)).getRealDouble();
    }

    static JsonObject reference(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(TestImages.TEST_DATA.resolve("reference/dicom_reference.json"))) {
            for (var e : JsonParser.parseReader(in).getAsJsonObject().getAsJsonArray("images")) {
                if (e.getAsJsonObject().get("file").getAsString().equals(file)) {
                    return e.getAsJsonObject();
                }
            }
        }
        throw new AssertionError("no reference for " + file);
    }
}
