package io.github.fijigan.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;

class TiffWriterTest {

    @TempDir
    Path dir;

    private final ImageJReader reader = new ImageJReader();

    /** type, c, z, t; calibration chosen so TIFF's resolution rationals cannot hold it exactly. */
    @ParameterizedTest(name = "type {0}, c={1} z={2} t={3}")
    @CsvSource({"0,1,1,1", "1,1,1,1", "2,1,1,1", "4,1,1,1", "0,1,4,1", "1,2,3,2", "2,2,3,2", "4,1,3,2"})
    void roundTripKeepsPixelsAndCalibrationExactly(int type, int c, int z, int t) throws IOException {
        ImagePlus imp = TestImages.random(type, 11, 7, c, z, t, 100 + type);
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = 0.661468;
        cal.pixelHeight = 0.123456789012345;
        cal.pixelDepth = 1.3;
        cal.setUnit("mm");
        cal.xOrigin = 12.5;
        cal.yOrigin = -3.25;
        cal.zOrigin = 7;
        cal.frameInterval = 0.1;
        cal.setTimeUnit("s");
        if (type == ImagePlus.GRAY8 || type == ImagePlus.GRAY16) {
            cal.setFunction(Calibration.STRAIGHT_LINE, new double[] {-1024.123456789, 0.661468123}, "HU");
        }
        imp.setCalibration(cal);
        CalibratedImage<?> original = ImagePlusBridge.toCalibratedImage(imp);

        Path file = dir.resolve("round trip " + type + ".tif");
        TiffWriter.write(original, file);
        CalibratedImage<?> read = reader.read(file);

        assertEquals(original.axes(), read.axes());
        assertEquals(original.spatialCalibration(), read.spatialCalibration());
        assertEquals(original.valueCalibration(), read.valueCalibration());
        assertEquals(original.data().getType().getClass(), read.data().getType().getClass());
        ImagePlus back = ImagePlusBridge.toImagePlus(read);
        for (int i = 1; i <= imp.getStackSize(); i++) {
            Object expected = imp.getStack().getPixels(i);
            Object actual = back.getStack().getPixels(i);
            switch (type) {
                case ImagePlus.GRAY8 -> assertArrayEquals((byte[]) expected, (byte[]) actual);
                case ImagePlus.GRAY16 -> assertArrayEquals((short[]) expected, (short[]) actual);
                case ImagePlus.GRAY32 -> assertArrayEquals((float[]) expected, (float[]) actual);
                default -> assertArrayEquals((int[]) expected, (int[]) actual);
            }
        }
        assertEquals(List.of(file), listing());
    }

    @Test
    void ctRoundTripKeepsHounsfieldUnitsAndSliceThickness() throws IOException {
        CalibratedImage<?> ct = reader.read(TestImages.TEST_DATA.resolve("dicom/CT_small.dcm"));
        Path file = dir.resolve("ct.tif");
        TiffWriter.write(ct, file);
        CalibratedImage<?> read = reader.read(file);
        assertEquals(ct.spatialCalibration(), read.spatialCalibration());
        assertEquals(5.0, read.spatialCalibration().pixelDepth());
        assertEquals(new ValueCalibration(1, -33792, "HU"), read.valueCalibration());
        assertEquals(904.0, read.valueCalibration().toPhysical(
                ((net.imglib2.type.numeric.RealType<?>) read.data().getAt(64, 64)).getRealDouble()));
    }

    @Test
    void overwritesAnExistingFile() throws IOException {
        Path file = dir.resolve("out.tif");
        Files.writeString(file, "old content");
        TiffWriter.write(ImagePlusBridge.toCalibratedImage(TestImages.random(ImagePlus.GRAY8, 3, 3, 1, 1, 1, 1)), file);
        assertEquals(3, reader.read(file).data().dimension(0));
        assertEquals(List.of(file), listing());
    }

    @Test
    void leavesTheImagePlusAsItWas() throws IOException {
        ImagePlus imp = TestImages.random(ImagePlus.GRAY16, 3, 3, 1, 2, 1, 1);
        imp.setTitle("keep me");
        TiffWriter.write(imp, dir.resolve("saved.tif"));
        assertEquals("keep me", imp.getTitle());
        assertEquals(null, imp.getProp(ExactCalibration.PIXEL_WIDTH));
    }

    @Test
    void parentThatIsAFileFailsWithoutLeavingAnything() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
        Path file = notAFolder.resolve("out.tif");
        IOException e = assertThrows(IOException.class, () -> TiffWriter.write(
                ImagePlusBridge.toCalibratedImage(TestImages.random(ImagePlus.GRAY8, 3, 3, 1, 1, 1, 1)), file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a folder"), e.getMessage());
        assertEquals(List.of(notAFolder), listing());
    }

    @Test
    void failureWhileWritingLeavesNoFileAndNoTemporary() throws IOException {
        ImagePlus imp = new ImagePlus("broken", new BrokenStack(64, 64, 6));
        Path file = dir.resolve("broken.tif");
        IOException e = assertThrows(IOException.class, () -> TiffWriter.write(imp, file));
        assertTrue(e.getMessage().startsWith("Cannot write " + file), e.getMessage());
        assertEquals(List.of(), listing());

        // An existing target survives a failed overwrite untouched.
        Files.writeString(file, "previous version");
        assertThrows(IOException.class, () -> TiffWriter.write(imp, file));
        assertEquals("previous version", Files.readString(file));
        assertEquals(List.of(file), listing());
    }

    @Test
    void targetThatIsAFolderFailsAndCleansUp() throws IOException {
        Path target = Files.createDirectory(dir.resolve("a folder.tif"));
        Files.writeString(target.resolve("inside.txt"), "keep");
        IOException e = assertThrows(IOException.class, () -> TiffWriter.write(
                ImagePlusBridge.toCalibratedImage(TestImages.random(ImagePlus.GRAY8, 3, 3, 1, 1, 1, 1)), target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertEquals(List.of(target), listing());
        assertTrue(Files.exists(target.resolve("inside.txt")));
    }

    @Test
    void writesAPlainCalibratedImage() throws IOException {
        var img = net.imglib2.img.array.ArrayImgs.unsignedShorts(new short[] {1, 2, 3, 4, 5, 6}, 3, 2);
        CalibratedImage<?> image = new CalibratedImage<>(img, List.of(io.github.fijigan.core.image.Axis.X,
                io.github.fijigan.core.image.Axis.Y), SpatialCalibration.of(0.25, 0.25, 2, "µm"),
                new ValueCalibration(2, 100, "counts"), "plain");
        Path file = dir.resolve("plain.tif");
        TiffWriter.write(image, file);
        CalibratedImage<?> read = reader.read(file);
        assertEquals(image.spatialCalibration(), read.spatialCalibration());
        assertEquals(image.valueCalibration(), read.valueCalibration());
        assertFalse(Files.isDirectory(file));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** A 16-bit stack whose pixel arrays break ImageJ's TIFF encoder after the first plane is written. */
    private static final class BrokenStack extends ImageStack {

        BrokenStack(int width, int height, int size) {
            super(width, height);
            for (int i = 0; i < size; i++) {
                addSlice(null, new short[width * height]);
            }
        }

        @Override
        public Object[] getImageArray() {
            Object[] planes = super.getImageArray().clone();
            planes[1] = new float[1];
            return planes;
        }
    }
}
