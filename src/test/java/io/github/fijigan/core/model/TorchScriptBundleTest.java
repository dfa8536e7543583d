package io.github.fijigan.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A generator exported from PyTorch, wrapped into a bundle and run here, against PyTorch's own output. */
class TorchScriptBundleTest {

    @TempDir
    Path dir;

    /**
     * Measured (DJL 0.35.1, libtorch 2.7.1, CPU) against torch 1.13 (Debian): max abs difference
     * 6.4e-7 for tiny_resnet (outputs in [-0.83, 0.81]) and 5.9e-7 for tiny_resnet_rgb (in [-0.81, 0.93]).
     */
    @ParameterizedTest
    @ValueSource(strings = {"tiny_resnet", "tiny_resnet_rgb"})
    void generatorFromBundleGivesPyTorchsOutput(String name) {
        TorchScriptFixture f = TorchScriptFixture.load(name);
        Path zip = dir.resolve(name + ".zip");
        TorchScriptBundles.wrap(f.pt(), f.spec(), zip);
        float[] expected = f.output();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            PtSymbolBlock g = TorchScriptBundles.loadGenerator(zip, manager, Device.cpu());
            NDArray x = manager.create(f.input(), f.inputShape());
            NDArray y = g.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            assertEquals(f.outputShape(), y.getShape());
            float[] actual = y.toFloatArray();
            double maxAbs = 0;
            double spread = 0;
            for (int i = 0; i < expected.length; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(actual[i] - expected[i]));
                spread = Math.max(spread, Math.abs(expected[i]));
            }
            System.out.printf("%s: max |ours - PyTorch| = %.3g over %d values (PyTorch's max |y| %.3f)%n", name, maxAbs,
                    expected.length, spread);
            assertTrue(maxAbs <= 1e-4, name + ": max abs difference " + maxAbs);
            assertTrue(spread > 0.3, "the reference output is not trivial");
            assertFalse(y.hasGradient(), "inference output carries no gradient");
        }
    }

    @Test
    void roundTripKeepsEveryField() throws IOException {
        TorchScriptFixture f = TorchScriptFixture.load("tiny_resnet_rgb");
        JsonObject config = new JsonObject();
        config.addProperty("exported_with", "torch.jit.trace");
        JsonObject data = new JsonObject();
        data.addProperty("A", "rgb tiles");
        TorchScriptSpec spec = new TorchScriptSpec(new DomainSpec(3, TorchScriptFixture.ctWindow(), "HU"),
                new DomainSpec(3, TorchScriptFixture.percentile(), "a.u."), 2,
                new TrainingProvenance(config, OptionalInt.of(7), data, "PyTorch 1.13", "cpu", java.util.Optional.empty()));
        Path zip = dir.resolve("rgb.zip");
        ModelManifest written = TorchScriptBundles.wrap(f.pt(), spec, zip);
        byte[] pt = Files.readAllBytes(f.pt());

        ModelManifest read = ModelBundles.readManifest(zip);
        assertEquals(written, read);
        assertEquals(spec, TorchScriptSpec.from(read));
        assertEquals(ModelKind.TORCHSCRIPT, read.kind());
        assertEquals(2, read.tileMultiple());
        NetworkSpec g = read.networks().get("generator");
        assertEquals(new NetworkSpec("torchscript", new JsonObject(), 3, 3, NetworkRole.GENERATOR, "networks/generator.pt", Map.of(),
                TestModels.sha256(pt)), g);
        assertTrue(g.isTorchScript());
        assertEquals("A->B", read.extras().get("direction").getAsString());
        assertEquals(spec.source(), read.domains().get("A"));
        assertEquals(spec.target(), read.domains().get("B"));

        Map<String, byte[]> entries = TestModels.entries(zip);
        assertEquals(java.util.List.of("networks/generator.pt", "model.json"), java.util.List.copyOf(entries.keySet()));
        assertArrayEquals(pt, entries.get("networks/generator.pt"), "the .pt is stored unchanged");
        JsonObject json = TestModels.manifestJson(entries);
        assertFalse(json.getAsJsonObject("networks").getAsJsonObject("generator").has("parameter_shapes"));

        // Reading the whole bundle and writing it again gives the same bytes.
        Path again = dir.resolve("again.zip");
        try (NDManager manager = NDManager.newBaseManager(); ModelBundle bundle = ModelBundles.read(zip, manager);
                InputStream module = bundle.torchScript("generator")) {
            assertArrayEquals(pt, module.readAllBytes());
            assertEquals(read, bundle.manifest());
            ModelBundles.write(again, bundle);
        }
        assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(again));
        TorchScriptBundles.wrap(f.pt(), spec, again);
        assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(again), "wrapping twice gives the same bytes");

        String described = read.describe();
        assertTrue(described.contains("generator: generator, torchscript, 3 -> 3 channels, TorchScript module networks/generator.pt"),
                described);
        assertTrue(described.contains("Direction: A->B"), described);
        assertFalse(described.contains("newer version"), described);
    }

    @Test
    void directionIsFollowedWhenItIsNotAToB() throws IOException {
        TorchScriptFixture f = TorchScriptFixture.load("tiny_resnet");
        Path zip = dir.resolve("ab.zip");
        TorchScriptBundles.wrap(f.pt(), f.spec(), zip);
        Path ba = dir.resolve("ba.zip");
        TestModels.editManifest(zip, ba, json -> {
            JsonObject domains = json.getAsJsonObject("domains");
            JsonObject a = domains.remove("A").getAsJsonObject();
            domains.add("A", domains.remove("B"));
            domains.add("B", a);
            json.addProperty("direction", "B->A");
        });
        TorchScriptSpec spec = TorchScriptSpec.from(ModelBundles.readManifest(ba));
        assertEquals(f.spec(), spec, "source is domain B, target domain A");
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchScriptBundles.loadGenerator(ba, manager, Device.cpu());
        }
    }

    @Test
    void closingTheManagerFreesTheModule() {
        TorchScriptFixture f = TorchScriptFixture.load("tiny_resnet");
        Path zip = dir.resolve("g.zip");
        TorchScriptBundles.wrap(f.pt(), f.spec(), zip);
        PtSymbolBlock g;
        try (NDManager manager = NDManager.newBaseManager()) {
            g = TorchScriptBundles.loadGenerator(zip, manager, Device.cpu());
            assertTrue(g.getHandle() != 0);
            assertEquals(java.util.List.of(), manager.getManagedArrays(), "the probe's and the bundle's arrays are closed");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, g::getHandle);
        assertEquals("PyTorch model handle has been released!", e.getMessage());

        try (NDManager manager = NDManager.newBaseManager()) {
            PtSymbolBlock h = TorchScriptBundles.loadGenerator(zip, manager, Device.cpu());
            h.close();
            assertThrows(IllegalStateException.class, h::getHandle);
        }
    }
}
