package io.github.fijigan.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.github.fijigan.core.normalize.IntensityMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleRoundTripTest {

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void networkOutputsAreBitIdenticalAfterSaveAndLoad() {
        SequentialBlock g = TestModels.trained(manager, 11);
        NDArray runningMean = g.getParameters().get("02BatchNorm_runningMean").getArray();
        assertFalse(runningMean.eq(0).all().getBoolean(), "the training pass must have moved the running mean");
        NDArray input = manager.arange(0f, 128f).reshape(TestModels.INPUT).div(37f).sin();
        float[] expected = TestModels.predict(g, input);

        Path zip = dir.resolve("t1t2.zip");
        ModelManifest written;
        try (ModelBundle bundle = ModelBundle.of(TestModels.manifest(), Map.of(
                "G_AB", BlockParameters.parametersOf(g, manager),
                "G_BA", BlockParameters.parametersOf(TestModels.trained(manager, 12), manager)), Map.of())) {
            written = ModelBundles.write(zip, bundle);
            assertEquals(bundle.manifest(), written.withoutChecksums());
        }

        SequentialBlock loaded = TestModels.fresh(manager, 99);
        assertFalse(Arrays2.same(expected, TestModels.predict(loaded, input)), "a fresh block must differ before loading");
        try (ModelBundle bundle = ModelBundles.read(zip, manager)) {
            assertEquals(written, bundle.manifest());
            assertEquals(Path.of("t1t2.zip").toString(), bundle.source().orElseThrow());
            bundle.loadInto("G_AB", loaded);
        }
        float[] actual = TestModels.predict(loaded, input);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "output " + i);
        }
    }

    @Test
    void manifestRoundTripsWithEveryPartIncludingNormalisationPerDomain() {
        Path zip = dir.resolve("full.zip");
        ModelManifest written = TestModels.writeGood(zip);
        ModelManifest read = ModelBundles.readManifest(zip);

        assertEquals(written, read);
        assertEquals(TestModels.windowMap(), read.domains().get("A").normalization());
        IntensityMap b = read.domains().get("B").normalization();
        assertEquals(TestModels.percentileMap(), b);
        assertEquals(99.8, b.highPercentile());
        assertEquals("HU", read.domains().get("A").valueUnit());
        assertEquals(List.of("normal", "lesion"), read.classes());
        assertEquals(16, read.latentSize().getAsInt());
        assertEquals(4, read.tileMultiple());
        assertEquals("2025-03-01T14:05Z", read.training().date().orElseThrow().toString());
        assertEquals("written by a later 1.x", read.extras().getAsJsonObject("x_future").get("note").getAsString());
        assertEquals(new Shape(4, 1, 3, 3), read.networks().get("G_AB").parameterShapes().get("01Conv2d_weight"));
        assertEquals(4 * 9 + 4 + 4 * 4 + 4 * 9 + 1, read.networks().get("G_AB").parameterCount());
        assertEquals(64, read.networks().get("G_AB").sha256().length());
        assertEquals("state/optimizer_G.ndlist", read.state().get("optimizer_G").file());
        // The JSON form itself round-trips too, extras included.
        assertEquals(written.toJson(), ModelManifest.fromJson(written.toJson(), "x.zip").toJson());
    }

    @Test
    void stateAndParametersComeBackWithNamesAndValues() {
        Path zip = dir.resolve("checkpoint.zip");
        TestModels.writeGood(zip);
        try (ModelBundle bundle = ModelBundles.read(zip, manager)) {
            NDList state = bundle.state().get("optimizer_G");
            assertEquals("G_AB/01Conv2d_weight/m", state.head().getName());
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, state.head().toFloatArray());
            assertEquals(List.of("01Conv2d_weight", "01Conv2d_bias", "02BatchNorm_gamma", "02BatchNorm_beta",
                    "02BatchNorm_runningMean", "02BatchNorm_runningVar", "04Conv2d_weight", "04Conv2d_bias"),
                    bundle.parameters("G_BA").stream().map(NDArray::getName).toList());
        }
    }

    @Test
    void writingTheSameBundleTwiceGivesTheSameBytes() throws Exception {
        Path first = dir.resolve("a.zip");
        Path second = dir.resolve("b.zip");
        try (ModelBundle bundle = TestModels.bundle(manager)) {
            ModelBundles.write(first, bundle);
            Thread.sleep(1100); // a second later: entry times must not follow the clock
            ModelBundles.write(second, bundle);
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals(List.of("networks/G_AB.ndlist", "networks/G_BA.ndlist", "state/optimizer_G.ndlist", "model.json"),
                List.copyOf(TestModels.entries(first).keySet()));
    }

    @Test
    void closingTheBundleReleasesEveryArrayItRead() {
        Path zip = dir.resolve("m.zip");
        TestModels.writeGood(zip);
        NDArray parameter;
        NDArray state;
        try (ModelBundle bundle = ModelBundles.read(zip, manager)) {
            parameter = bundle.parameters("G_AB").head();
            state = bundle.state().get("optimizer_G").head();
            assertFalse(parameter.isReleased());
        }
        assertTrue(parameter.isReleased());
        assertTrue(state.isReleased());
    }

    @Test
    void loadRefusesAMismatchedBlockAndNamesEveryProblem() {
        SequentialBlock small = TestModels.trained(manager, 11);
        SequentialBlock wide = new SequentialBlock()
                .add(ai.djl.nn.convolutional.Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(4).build());
        wide.initialize(manager, DataType.FLOAT32, TestModels.INPUT);
        float[] before = wide.getParameters().get("01Conv2d_weight").getArray().toFloatArray();
        try (NDList params = BlockParameters.parametersOf(small, manager)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockParameters.load(wide, params, "G_AB"));
            assertEquals("network G_AB: parameter '01Conv2d_weight' expects shape [4, 1, 5, 5], found [4, 1, 3, 3]; "
                    + "unexpected parameter '02BatchNorm_gamma' [4] (the block has no such parameter); "
                    + "unexpected parameter '02BatchNorm_beta' [4] (the block has no such parameter); "
                    + "unexpected parameter '02BatchNorm_runningMean' [4] (the block has no such parameter); "
                    + "unexpected parameter '02BatchNorm_runningVar' [4] (the block has no such parameter); "
                    + "unexpected parameter '04Conv2d_weight' [1, 4, 3, 3] (the block has no such parameter); "
                    + "unexpected parameter '04Conv2d_bias' [1] (the block has no such parameter)", e.getMessage());
            params.remove("01Conv2d_bias").close();
            e = assertThrows(IllegalArgumentException.class, () -> BlockParameters.load(TestModels.fresh(manager, 3), params, "D"));
            assertEquals("network D: missing parameter '01Conv2d_bias' (expected shape [4])", e.getMessage());
        }
        assertArrayEquals(before, wide.getParameters().get("01Conv2d_weight").getArray().toFloatArray(), "a failed load changes nothing");
    }

    @Test
    void loadIntoNamesTheBundleFileAndNetwork() {
        Path zip = dir.resolve("t1t2.zip");
        TestModels.writeGood(zip);
        SequentialBlock other = new SequentialBlock()
                .add(ai.djl.nn.convolutional.Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build());
        other.initialize(manager, DataType.FLOAT32, TestModels.INPUT);
        try (ModelBundle bundle = ModelBundles.read(zip, manager)) {
            ModelBundleException e = assertThrows(ModelBundleException.class, () -> bundle.loadInto("G_AB", other));
            assertTrue(e.getMessage().startsWith("t1t2.zip: networks.G_AB: the stored parameters do not fit the network built from "
                    + "'tiny_test': network G_AB: parameter '01Conv2d_weight' expects shape [2, 1, 3, 3], found [4, 1, 3, 3]"), e.getMessage());
        }
    }

    @Test
    void aBundleRefusesParametersThatDisagreeWithTheManifest() {
        ModelManifest withShapes;
        try (ModelBundle bundle = TestModels.bundle(manager)) {
            withShapes = bundle.manifest();
        }
        NDArray unnamed = manager.zeros(new Shape(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBundle.of(withShapes,
                Map.of("G_AB", new NDList(unnamed), "G_BA", new NDList()), Map.of()));
        assertTrue(e.getMessage().startsWith("network G_AB: an array has no name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelBundle.of(withShapes, Map.of("G_AB", new NDList()), Map.of()));
        assertEquals("parameters are for networks [G_AB] but the manifest has [G_AB, G_BA]", e.getMessage());
        assertNotEquals(TestModels.manifest(), withShapes, "of() fills in parameter_shapes");
    }

    /** Bitwise float array comparison. */
    static final class Arrays2 {
        static boolean same(float[] a, float[] b) {
            if (a.length != b.length) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
