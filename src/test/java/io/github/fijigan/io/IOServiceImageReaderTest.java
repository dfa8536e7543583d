package io.github.fijigan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.io.IOService;

import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.ImagePlusBridge;
import io.github.fijigan.ij.TiffWriter;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

class IOServiceImageReaderTest {

    private static final Path TEST_DATA = Path.of("test-data");

    @TempDir
    Path dir;

    private Context context;
    private IOService io;
    private final List<String> warnings = new ArrayList<>();
    private ImageReader reader;

    @BeforeEach
    void startContext() {
        context = new Context(IOService.class);
        io = context.service(IOService.class);
        reader = new IOServiceImageReader(io, warnings::add);
    }

    @AfterEach
    void disposeContext() {
        context.dispose();
    }

    @Test
    void tiffOpensThroughTheImageJ1Plugin() throws IOException {
        ij.ImageStack stack = new ij.ImageStack(5, 4);
        for (int i = 0; i < 12; i++) {
            short[] px = new short[20];
            for (int k = 0; k < 20; k++) {
                px[k] = (short) (1000 * i + k);
            }
            stack.addSlice(null, px);
        }
        ImagePlus imp = new ImagePlus("hyper", stack);
        imp.setDimensions(2, 3, 2);
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = 0.3;
        cal.pixelHeight = 0.3;
        cal.setUnit("mm");
        Path file = dir.resolve("hyper.tif");
        TiffWriter.write(imp, file);

        assertInstanceOf(IJ1ImageIOPlugin.class, io.getOpener(file.toString()));
        CalibratedImage<?> image = reader.read(file);
        assertEquals(List.of(Axis.X, Axis.Y, Axis.C, Axis.Z, Axis.T), image.axes());
        // c=1, z=2, t=1 (0-based) is ImageJ plane 1 + 1 + 2 * (2 + 3 * 1) = 12, which holds 1000 * 11 + k.
        assertEquals(11_000 + 3 + 5 * 2, real(image.plane(1, 2, 1).getAt(3, 2)));
        assertEquals(0.3, image.spatialCalibration().pixelWidth());
        assertEquals("mm", image.spatialCalibration().unit());
    }

    @Test
    void pngOpensThroughTheImageJ1Plugin() throws IOException {
        Path png = TEST_DATA.resolve("histology/ihc.png");
        assertInstanceOf(IJ1ImageIOPlugin.class, io.getOpener(png.toString()));
        CalibratedImage<?> viaService = reader.read(png);
        CalibratedImage<?> direct = new ImageJReader().read(png);
        assertEquals(ARGBType.class, viaService.data().getType().getClass());
        assertEquals(512, viaService.size(Axis.X));
        for (long[] p : new long[][] {{0, 0}, {511, 511}, {100, 300}}) {
            assertEquals(((ARGBType) direct.data().getAt(p)).get(), ((ARGBType) viaService.data().getAt(p)).get());
        }
    }

    @Test
    void imglib2ResultsAreReorderedAndCalibratedFromTheirAxes() throws IOException {
        // 2 channels, 3 rows, 4 columns; value = 100 * c + 10 * y + x.
        StringBuilder text = new StringBuilder("2 3 4\n");
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    text.append(100 * c + 10 * y + x).append(' ');
                }
            }
        }
        Path file = Files.writeString(dir.resolve("cells.testraw"), text);
        assertInstanceOf(TestRawIOPlugin.class, io.getOpener(file.toString()));

        CalibratedImage<?> image = reader.read(file);

        assertEquals(List.of(Axis.X, Axis.Y, Axis.C), image.axes());
        assertEquals(UnsignedShortType.class, image.data().getType().getClass());
        assertEquals(4, image.size(Axis.X));
        assertEquals(3, image.size(Axis.Y));
        assertEquals(2, image.size(Axis.C));
        assertEquals(123, real(image.data().getAt(3, 2, 1)));
        assertEquals(10, real(image.data().getAt(0, 1, 0)));
        assertEquals(new SpatialCalibration(0.25, 0.5, 1, "µm", -40, 0, 0, 0, "sec"), image.spatialCalibration());
        assertEquals(List.of(), warnings);
    }

    @Test
    void unknownFormatSaysNoPluginCouldReadIt() throws IOException {
        Path file = Files.write(dir.resolve("scan.xyz"), new byte[] {1, 2, 3});
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(file));
        assertEquals("Cannot read " + file + ": no format plugin could read scan.xyz", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void pluginFailuresKeepTheirReason() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.tif"), "not a tiff at all");
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read " + file + ": corrupt or mislabelled"), e.getMessage());

        Path missing = dir.resolve("missing.png");
        e = assertThrows(ImageReadException.class, () -> reader.read(missing));
        assertEquals("Cannot read " + missing + ": file not found", e.getMessage());
    }

    @Test
    void nonImageResultsAreRefusedNamingTheClass() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.testtext"), "hello");
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(file));
        assertEquals("Cannot read " + file + ": the format plugin returned java.lang.String, which is not an image"
                + " (need an ImagePlus or an imglib2 image)", e.getMessage());
    }

    @Test
    void savesTiffThroughTheService() throws IOException {
        ImagePlus imp = ImagePlusBridge.toImagePlus(CalibratedImage.plain(
                net.imglib2.img.array.ArrayImgs.floats(new float[] {1.5f, -2, 3, 4e6f}, 2, 2), "f"));
        Path file = dir.resolve("saved.tiff");
        io.save(imp, file.toString());
        CalibratedImage<?> back = new ImageJReader().read(file);
        assertEquals(4e6f, real(back.data().getAt(1, 1)));
    }

    @Test
    void readersForContexts() throws IOException {
        assertInstanceOf(ImageJReader.class, ImageReaders.forContext(null));
        try (Context logOnly = new Context(org.scijava.log.LogService.class)) {
            assertInstanceOf(ImageJReader.class, ImageReaders.forContext(logOnly));
        }
        ImageReader chosen = ImageReaders.forContext(context);
        CalibratedImage<?> ct = chosen.read(TEST_DATA.resolve("dicom/CT_small.dcm"));
        assertEquals("HU", ct.valueCalibration().unit());
        assertEquals(904.0, ct.valueCalibration().toPhysical(real(ct.data().getAt(64, 64))));
        assertEquals(4, chosen.read(Files.writeString(dir.resolve("a.testraw"), "1 1 4\n1 2 3 4")).size(Axis.X));
    }

    @Test
    void annotationIndexListsThePlugin() throws IOException {
        String index = Files.readString(Path.of("target/classes/META-INF/json/org.scijava.plugin.Plugin"));
        assertTrue(index.contains("{\"class\":\"io.github.fijigan.io.IJ1ImageIOPlugin\",\"values\":{\"priority\":-100.0,"
                + "\"type\":\"org.scijava.io.IOPlugin\"}}"), index);
    }

    private static double real(Object pixel) {
        return ((RealType<?>) pixel).getRealDouble();
    }
}
