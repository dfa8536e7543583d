package io.github.fijigan.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.normalize.IntensitySample;
import io.github.fijigan.core.normalize.Normalizer;
import io.github.fijigan.core.tensor.ImageTensors;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole data path of issue 2 on a real CT: DICOM file → stored values with HU calibration →
 * normalised tensor → back to HU and to the stored type, checked against pydicom's values
 * (test-data/reference/dicom_reference.json).
 */
class DicomTensorRoundTripTest {

    private static final Path CT = Path.of("test-data/dicom/CT_small.dcm");

    @SuppressWarnings("unchecked")
    private static CalibratedImage<UnsignedShortType> readCt() throws IOException {
        return (CalibratedImage<UnsignedShortType>) new ImageJReader().read(CT);
    }

    private static JsonObject reference() throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(Path.of("test-data/reference/dicom_reference.json"))).getAsJsonObject();
        for (JsonElement image : root.getAsJsonArray("images")) {
            if (image.getAsJsonObject().get("file").getAsString().equals("dicom/CT_small.dcm")) {
                return image.getAsJsonObject();
            }
        }
        throw new AssertionError("CT_small.dcm missing from the reference values");
    }

    @Test
    void readsHounsfieldUnitsAsPydicomComputesThem() throws IOException {
        CalibratedImage<UnsignedShortType> ct = readCt();
        JsonObject ref = reference();
        ValueCalibration hu = ct.valueCalibration();
        assertEquals("HU", hu.unit());
        assertEquals(ref.get("rescale_slope").getAsDouble(), hu.slope(), 1e-12);
        RandomAccess<UnsignedShortType> ra = ct.data().randomAccess();
        for (JsonElement e : ref.getAsJsonArray("samples")) {
            JsonObject s = e.getAsJsonObject();
            double value = hu.toPhysical(ra.setPositionAndGet(s.get("x").getAsLong(), s.get("y").getAsLong()).get());
            assertEquals(s.get("rescaled").getAsDouble(), value, 0, "HU at " + s);
        }
        IntensitySample sample = new IntensitySample().add(ct);
        assertEquals(ref.get("rescaled_min").getAsDouble(), sample.min(), 0);
        assertEquals(ref.get("rescaled_max").getAsDouble(), sample.max(), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minmax", "window:-1000,1000", "percentile:0,100"})
    void survivesNormaliseAndDenormaliseWithinAThousandthOfAHounsfieldUnit(String recipe) throws IOException {
        CalibratedImage<UnsignedShortType> ct = readCt();
        ValueCalibration hu = ct.valueCalibration();
        // Unclipped maps, so every value can come back; the CT spans -896..1167 HU.
        IntensityMap map = Normalizer.parse(recipe).fit(new IntensitySample().add(ct));
        if (map.clip()) {
            map = new IntensityMap(map.method(), map.low() - 500, map.high() + 500, false, map.lowPercentile(), map.highPercentile());
        }
        RandomAccessibleInterval<UnsignedShortType> plane = ct.plane(0, 0, 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = ImageTensors.fromPlane(manager, plane, map.toNetwork(hu));
            float lo = x.min().getFloat(), hi = x.max().getFloat();
            assertTrue(lo >= -1.5f && hi <= 1.5f, "normalised range " + lo + ".." + hi);

            Img<FloatType> inHu = ImageTensors.toFloatImage(x, 0, map.fromNetwork());
            Cursor<UnsignedShortType> stored = Views.flatIterable(plane).cursor();
            Cursor<FloatType> back = Views.flatIterable(inHu).cursor();
            double worst = 0;
            while (stored.hasNext()) {
                worst = Math.max(worst, Math.abs(hu.toPhysical(stored.next().get()) - back.next().get()));
            }
            assertTrue(worst < 1e-3, recipe + ": worst error " + worst + " HU");

            // And back to the file's own stored values, exactly.
            Img<UnsignedShortType> restored = ImageTensors.toImage(x, 0, new UnsignedShortType(), map.fromNetwork(hu));
            Cursor<UnsignedShortType> a = Views.flatIterable(plane).cursor(), b = restored.cursor();
            while (a.hasNext()) assertEquals(a.next().get(), b.next().get());
        }
    }
}
