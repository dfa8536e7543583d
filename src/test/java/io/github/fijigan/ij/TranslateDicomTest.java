package io.github.fijigan.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.util.Pair;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.infer.BlockNetwork;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.infer.Translator;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;

/**
 * A real CT read through ImageJ1 and translated with a network that returns its input: the result
 * is still in Hounsfield units, stored the same way, through tiles, normalisation and back.
 */
class TranslateDicomTest {

    @Test
    void aCtTranslatedByAnIdentityNetworkStaysInHounsfieldUnits() throws IOException {
        CalibratedImage<?> ct = new ImageJReader().read(Path.of("test-data/dicom/CT_small.dcm"));
        assertInstanceOf(UnsignedShortType.class, ct.data().getType());
        ValueCalibration hu = ct.valueCalibration();
        assertEquals("HU", hu.unit());
        // The CT spans -896..1167 HU; a window of -1024..3071 HU holds it without clipping.
        DomainSpec window = new DomainSpec(1, new IntensityMap("window", -1024, 3071, true, Double.NaN, Double.NaN), "HU");
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock block = new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray a = p.getValue().getArray();
                a.set(new float[] {p.getValue().getType() == Parameter.Type.WEIGHT ? 1f : 0f});
            }
            BlockNetwork identity = new BlockNetwork(block, manager, 1, 1, 4);
            TranslateOptions tiles = TranslateOptions.DEFAULTS.withTileSize(48).withOverlap(16);
            CalibratedImage<?> same = new Translator(identity, window, window, tiles).translate(ct).image();
            assertInstanceOf(UnsignedShortType.class, same.data().getType());
            assertEquals(hu, same.valueCalibration());
            assertEquals(ct.spatialCalibration(), same.spatialCalibration());
            assertArrayEquals(PlaneReader.read(ct.data(), LinearMap.IDENTITY), PlaneReader.read(same.data(), LinearMap.IDENTITY), 1f);
            CalibratedImage<?> floats = new Translator(identity, window, window, tiles.withOutputType(TranslateOptions.OutputType.FLOAT32))
                    .translate(ct).image();
            assertInstanceOf(FloatType.class, floats.data().getType());
            assertEquals(new ValueCalibration(1, 0, "HU"), floats.valueCalibration());
            float[] inHu = PlaneReader.read(ct.data(), LinearMap.of(hu.slope(), hu.intercept()));
            float[] outHu = PlaneReader.read(floats.data(), LinearMap.IDENTITY);
            double largest = 0;
            for (int i = 0; i < inHu.length; i++) largest = Math.max(largest, Math.abs(inHu[i] - outHu[i]));
            assertEquals(0, largest, 1e-3, "HU through normalisation, 4x4 tiles and back");
            assertEquals(List.of(128L, 128L), List.of(ct.data().dimension(0), ct.data().dimension(1)));
        }
    }
}
