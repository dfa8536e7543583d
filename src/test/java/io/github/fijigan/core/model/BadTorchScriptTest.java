package io.github.fijigan.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong files and wrong manifests for TorchScript models: each refused with the file, the place and the problem. */
class BadTorchScriptTest {

    private static final TorchScriptFixture GRAY = TorchScriptFixture.load("tiny_resnet");

    @TempDir
    Path dir;

    private NDManager manager;
    private Path good;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        good = dir.resolve("good.zip");
        TorchScriptBundles.wrap(GRAY.pt(), GRAY.spec(), good);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private String wrapFails(Path pt, TorchScriptSpec spec) {
        Path zip = dir.resolve("out.zip");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> TorchScriptBundles.wrap(pt, spec, zip));
        assertFalse(Files.exists(zip), "nothing written");
        return e.getMessage();
    }

    private String loadFails(Path zip) {
        return assertThrows(ModelBundleException.class, () -> TorchScriptBundles.loadGenerator(zip, manager, Device.cpu())).getMessage();
    }

    private Path withBytes(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path edited(String name, Consumer<JsonObject> edit) throws IOException {
        Path bad = dir.resolve(name);
        TestModels.editManifest(good, bad, edit);
        return bad;
    }

    private static JsonObject generator(JsonObject json) {
        return json.getAsJsonObject("networks").getAsJsonObject("generator");
    }

    @Test
    void pngIsNotAModule() throws IOException {
        Path png = Files.copy(Path.of("test-data/synthetic/shapes/square/square_016.png"), dir.resolve("g.pt"));
        assertEquals("g.pt: not a zip archive, so not a TorchScript module (it starts with bytes 89 50 4e 47 0d 0a 1a 0a)",
                wrapFails(png, GRAY.spec()));
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("g.pt: empty file, not a TorchScript module", wrapFails(withBytes("g.pt", new byte[0]), GRAY.spec()));
    }

    @Test
    void stateDictIsNotAModule() {
        assertEquals("tiny_resnet_state_dict.pt: a PyTorch file saved with torch.save (weights or a pickled model), not a TorchScript "
                + "module; export the generator with torch.jit.trace or torch.jit.script and save it with torch.jit.save",
                wrapFails(TorchScriptFixture.FOLDER.resolve("tiny_resnet_state_dict.pt"), GRAY.spec()));
    }

    @Test
    void legacyPickleIsNotAModule() throws IOException {
        byte[] pickle = {(byte) 0x80, 2, (byte) 0x8a, 10, 'l', (byte) 0xfc, (byte) 0x9c, 'F', (byte) 0xf9, ' ', 'j', (byte) 0xa8, 'P', 0x19};
        assertEquals("g.pth: a Python pickle (torch.save in PyTorch's legacy format), not a TorchScript module; export the generator "
                + "with torch.jit.trace or torch.jit.script and save it with torch.jit.save",
                wrapFails(withBytes("g.pth", pickle), GRAY.spec()));
    }

    @Test
    void aBundleIsNotAModule() {
        assertEquals("good.zip: a zip archive but not a TorchScript module (it holds networks/generator.pt, model.json)",
                wrapFails(good, GRAY.spec()));
    }

    @Test
    void truncatedModule() throws IOException {
        byte[] pt = Files.readAllBytes(GRAY.pt());
        for (int length : new int[] {pt.length / 2, pt.length - 1, 40}) {
            Path cut = withBytes("cut.pt", Arrays.copyOf(pt, length));
            assertEquals("cut.pt: damaged or truncated zip archive (its directory at the end is missing or inconsistent); copy or "
                    + "export it again", wrapFails(cut, GRAY.spec()), "cut at " + length);
        }
    }

    /** libtorch does not check an archive's CRC-32s: without this check the changed weight would load silently. */
    @Test
    void changedWeightByte() throws IOException {
        byte[] pt = Files.readAllBytes(GRAY.pt());
        pt[64 + 100] ^= 0x10; // inside tiny_resnet/data/0, the first conv's weights, stored at offset 64
        assertEquals("g.pt: damaged: entry tiny_resnet/data/0 does not match its CRC-32 or size (the file was changed or cut after "
                + "it was saved); copy or export it again", wrapFails(withBytes("g.pt", pt), GRAY.spec()));
    }

    @Test
    void missingFileAndFolder() throws IOException {
        Path none = dir.resolve("none.pt");
        assertEquals("none.pt: file not found: " + none.toAbsolutePath(), wrapFails(none, GRAY.spec()));
        Path folder = Files.createDirectory(dir.resolve("g.pt"));
        assertEquals("g.pt: is a folder, not a TorchScript file", wrapFails(folder, GRAY.spec()));
    }

    @Test
    void moduleThatDoesNotTakeTheSpecsChannels() {
        TorchScriptSpec rgbIn = TorchScriptSpec.of(new DomainSpec(3, TorchScriptFixture.ctWindow(), "HU"), GRAY.spec().target(), 2);
        String message = wrapFails(GRAY.pt(), rgbIn);
        assertTrue(message.startsWith("tiny_resnet.pt: the module does not run on a 1x3x32x32 image (in_channels 3, tile_multiple 2 "
                + "in model.json): RuntimeError: "), message);
        assertTrue(message.contains("to have 1 channels, but got 3 channels instead"), message);
        assertFalse(message.contains("\n"), "one line, not libtorch's trace: " + message);
    }

    @Test
    void moduleThatGivesOtherChannels() {
        TorchScriptSpec rgbOut = TorchScriptSpec.of(GRAY.spec().source(), new DomainSpec(3, TorchScriptFixture.percentile(), ""), 2);
        assertEquals("tiny_resnet.pt: the module gives 1 channels, model.json's out_channels says 3 (output 1x1x32x32 for input "
                + "1x1x32x32)", wrapFails(GRAY.pt(), rgbOut));
    }

    @Test
    void tileMultipleTheModuleDoesNotKeep() {
        // 33 -> stride-2 conv -> 17 -> transposed conv -> 34: the size is not kept.
        TorchScriptSpec odd = TorchScriptSpec.of(GRAY.spec().source(), GRAY.spec().target(), 3);
        assertEquals("tiny_resnet.pt: the module turns a 1x1x33x33 input into 1x1x34x34, not 1x1x33x33; a translation generator keeps "
                + "the image size", wrapFails(GRAY.pt(), odd));
    }

    @Test
    void bundleWhoseManifestNoLongerFitsTheModule() throws IOException {
        Path bad = edited("bad.zip", json -> {
            generator(json).addProperty("out_channels", 3);
            json.getAsJsonObject("domains").getAsJsonObject("B").addProperty("channels", 3);
        });
        assertEquals("bad.zip: networks/generator.pt (networks.generator): the module gives 1 channels, model.json's out_channels "
                + "says 3 (output 1x1x32x32 for input 1x1x32x32)", loadFails(bad));
        assertEquals(java.util.List.of(), manager.getManagedArrays(), "nothing left behind");
    }

    @Test
    void changedModuleFailsItsChecksum() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        byte[] pt = entries.get("networks/generator.pt");
        pt[pt.length / 2] ^= 1;
        Path bad = dir.resolve("bad.zip");
        TestModels.writeZip(bad, entries);
        String message = loadFails(bad);
        assertTrue(message.startsWith("bad.zip: networks/generator.pt (networks.generator.sha256): checksum mismatch: model.json says "),
                message);
        assertTrue(message.endsWith("; the file is damaged or was changed after it was written"), message);
    }

    @Test
    void truncatedModuleInABundleWithAMatchingChecksum() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        byte[] cut = Arrays.copyOf(entries.get("networks/generator.pt"), 30000);
        entries.put("networks/generator.pt", cut);
        Path bad = dir.resolve("bad.zip");
        TestModels.writeZip(bad, entries);
        TestModels.editManifest(bad, bad, json -> generator(json).addProperty("sha256", TestModels.sha256(cut)));
        assertEquals("bad.zip: networks/generator.pt (networks.generator): damaged or truncated zip archive (its directory at the end "
                + "is missing or inconsistent); copy or export it again", loadFails(bad));
    }

    @Test
    void notATorchScriptBundle() throws IOException {
        Path cyclegan = dir.resolve("cyclegan.zip");
        TestModels.writeGood(cyclegan);
        assertEquals("cyclegan.zip: model.json: kind: is cyclegan, not torchscript: this model's generator is built by Fiji GAN, "
                + "not loaded from TorchScript", loadFails(cyclegan));
    }

    @Test
    void manifestRules() throws IOException {
        assertEquals("d1.zip: model.json: direction: missing; kind torchscript needs the domains its generator maps from and to, "
                + "e.g. \"A->B\"", loadFails(edited("d1.zip", json -> json.remove("direction"))));
        assertEquals("d2.zip: model.json: direction: must be two domain names joined by '->', e.g. \"A->B\", got 'A to B'",
                loadFails(edited("d2.zip", json -> json.addProperty("direction", "A to B"))));
        assertEquals("d3.zip: model.json: direction: names domain 'C', which is not in domains [A, B]",
                loadFails(edited("d3.zip", json -> json.addProperty("direction", "A->C"))));
        assertEquals("d4.zip: model.json: direction: must be a string such as \"A->B\", got the number 1",
                loadFails(edited("d4.zip", json -> json.addProperty("direction", 1))));
        assertEquals("c1.zip: model.json: networks.generator.in_channels: is 3 but domain A, the direction's source, has 1 channel",
                loadFails(edited("c1.zip", json -> generator(json).addProperty("in_channels", 3))));
        assertEquals("c2.zip: model.json: networks.generator.out_channels: is 1 but domain A, the direction's target, has 3 channels",
                loadFails(edited("c2.zip", json -> {
                    json.getAsJsonObject("domains").getAsJsonObject("A").addProperty("channels", 3);
                    json.addProperty("direction", "B->A");
                })));
        assertEquals("s1.zip: model.json: networks.generator.parameter_shapes: a TorchScript network keeps its parameters inside its "
                + ".pt file and has no parameter_shapes", loadFails(edited("s1.zip", json -> {
                    JsonObject shapes = new JsonObject();
                    JsonArray dims = new JsonArray();
                    dims.add(4);
                    shapes.add("conv_weight", dims);
                    generator(json).add("parameter_shapes", shapes);
                })));
        assertEquals("n1.zip: model.json: networks: kind torchscript needs a network named 'generator', found [G_AB]",
                loadFails(edited("n1.zip", json -> json.getAsJsonObject("networks").add("G_AB",
                        json.getAsJsonObject("networks").remove("generator")))));
        assertEquals("r1.zip: model.json: networks.generator.role: must be generator, got other",
                loadFails(edited("r1.zip", json -> generator(json).addProperty("role", "other"))));
        assertEquals("a1.zip: model.json: networks.generator.architecture: kind torchscript holds TorchScript modules only, got "
                + "'resnet_9blocks'; a network built by Fiji GAN needs architecture torchscript or another kind",
                loadFails(edited("a1.zip", json -> {
                    generator(json).addProperty("architecture", "resnet_9blocks");
                    generator(json).add("parameter_shapes", new JsonObject());
                })));
        assertEquals("k1.zip: model.json: networks.generator.architecture: a TorchScript network belongs in a model of kind "
                + "torchscript, not pix2pix", loadFails(edited("k1.zip", json -> json.addProperty("kind", "pix2pix"))));
    }

    @Test
    void torchScriptEntryMustBeAPtFile() throws IOException {
        Path bad = dir.resolve("e1.zip");
        Map<String, byte[]> entries = TestModels.entries(good);
        entries.put("networks/generator.bin", entries.remove("networks/generator.pt"));
        TestModels.writeZip(bad, entries);
        TestModels.editManifest(bad, bad, json -> generator(json).addProperty("parameters", "networks/generator.bin"));
        assertEquals("e1.zip: model.json: networks.generator.parameters: a TorchScript network is stored as a .pt file, got entry "
                + "'networks/generator.bin'", loadFails(bad));
    }

    @Test
    void bundleInMemoryRefusesTheWrongKindOfContent() throws IOException {
        ModelManifest torchscript = GRAY.spec().toManifest();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelBundle.of(torchscript, Map.of("generator", new NDList()), Map.of()));
        assertEquals("a model of kind torchscript holds TorchScript modules, not parameter lists; make it with "
                + "ModelBundle.ofTorchScript", e.getMessage());
        byte[] stateDict = Files.readAllBytes(TorchScriptFixture.FOLDER.resolve("tiny_resnet_state_dict.pt"));
        e = assertThrows(IllegalArgumentException.class, () -> ModelBundle.ofTorchScript(torchscript, Map.of("generator", stateDict)));
        assertTrue(e.getMessage().startsWith("network generator: a PyTorch file saved with torch.save"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelBundle.ofTorchScript(TestModels.manifest(), Map.of()));
        assertEquals("TorchScript modules make a model of kind torchscript, not cyclegan", e.getMessage());
        try (ModelBundle bundle = ModelBundles.read(good, manager)) {
            e = assertThrows(IllegalArgumentException.class, () -> bundle.parameters("generator"));
            assertEquals("network 'generator' is a TorchScript module, which holds its own parameters; load it with "
                    + "TorchScriptBundles.loadGenerator", e.getMessage());
        }
    }
}
