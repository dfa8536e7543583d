package io.github.fijigan.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each test breaks a good bundle in one way and checks the whole message: file, field, problem. */
class BadBundleTest {

    @TempDir
    Path dir;

    private NDManager manager;
    private Path good;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        good = dir.resolve("good.zip");
        TestModels.writeGood(good);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private String readFails(Path zip) {
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundles.read(zip, manager).close());
        return e.getMessage();
    }

    private String manifestFails(Path zip) {
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundles.readManifest(zip));
        assertEquals(e.getMessage(), readFails(zip), "read and readManifest agree on manifest problems");
        return e.getMessage();
    }

    private Path edited(String name, java.util.function.Consumer<JsonObject> edit) throws IOException {
        Path bad = dir.resolve(name);
        TestModels.editManifest(good, bad, edit);
        return bad;
    }

    private static JsonObject network(JsonObject json, String name) {
        return json.getAsJsonObject("networks").getAsJsonObject(name);
    }

    @Test
    void missingFile() {
        Path zip = dir.resolve("nope.zip");
        assertEquals("nope.zip: file not found: " + zip.toAbsolutePath(), manifestFails(zip));
    }

    @Test
    void folder() throws IOException {
        Path zip = Files.createDirectory(dir.resolve("models.zip"));
        assertEquals("models.zip: is a folder, not a model file (a model is a .zip file)", manifestFails(zip));
    }

    @Test
    void pngRenamedToZip() throws IOException {
        Path zip = dir.resolve("image.zip");
        Files.copy(Path.of("test-data/synthetic/shapes/square/square_016.png"), zip);
        assertEquals("image.zip: not a zip archive: it looks like a PNG image", manifestFails(zip));
    }

    @Test
    void emptyFile() throws IOException {
        Path zip = Files.createFile(dir.resolve("empty.zip"));
        assertEquals("empty.zip: empty file, not a zip archive", manifestFails(zip));
    }

    @Test
    void truncatedZip() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path zip = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals("cut.zip: damaged or truncated zip archive (zip END header not found); write or copy it again", manifestFails(zip));
    }

    @Test
    void missingManifest() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        entries.remove("model.json");
        Path zip = dir.resolve("bare.zip");
        TestModels.writeZip(zip, entries);
        assertEquals("bare.zip: model.json: missing: this zip is not a Fiji GAN model bundle (it holds networks/G_AB.ndlist, "
                + "networks/G_BA.ndlist, state/optimizer_G.ndlist)", manifestFails(zip));
    }

    @Test
    void manifestNotJson() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        entries.put("model.json", "{\n  \"format\": \"fiji-gan-model\",\n  \"kind\" \"cyclegan\"\n}".getBytes(StandardCharsets.UTF_8));
        Path zip = dir.resolve("syntax.zip");
        TestModels.writeZip(zip, entries);
        assertEquals("syntax.zip: model.json: not valid JSON: Expected ':' at line 3 column 11 path $.kind", manifestFails(zip));
    }

    @Test
    void duplicateJsonKey() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        entries.put("model.json", "{\"format\": \"fiji-gan-model\",\n\"format\": \"other\"}".getBytes(StandardCharsets.UTF_8));
        Path zip = dir.resolve("twice.zip");
        TestModels.writeZip(zip, entries);
        assertEquals("twice.zip: model.json: not valid JSON: key 'format' appears twice at line 2 column 9 path $.format", manifestFails(zip));
    }

    @Test
    void wrongFormat() throws IOException {
        Path zip = edited("keras.zip", json -> json.addProperty("format", "keras-h5"));
        assertEquals("keras.zip: model.json: format: expected 'fiji-gan-model', got 'keras-h5': not a Fiji GAN model", manifestFails(zip));
    }

    @Test
    void newerFormatVersionIsRefusedBeforeItsFieldsAreChecked() throws IOException {
        Path zip = edited("future.zip", json -> {
            json.addProperty("format_version", 2);
            json.addProperty("kind", "diffusion");
        });
        assertEquals("future.zip: model.json: format_version: this model was written by a newer Fiji GAN (format version 2; "
                + "this Fiji GAN reads up to 1); update Fiji GAN to open it", manifestFails(zip));
    }

    @Test
    void unknownKind() throws IOException {
        Path zip = edited("kind.zip", json -> json.addProperty("kind", "stylegan3"));
        assertEquals("kind.zip: model.json: kind: unknown model kind 'stylegan3'; expected one of dcgan, wgangp, sngan, acgan, "
                + "pix2pix, cyclegan, denoise, colorizer, torchscript", manifestFails(zip));
    }

    @Test
    void noNetworks() throws IOException {
        Path zip = edited("empty-nets.zip", json -> json.add("networks", new JsonObject()));
        assertEquals("empty-nets.zip: model.json: networks: no networks; a model needs at least one", manifestFails(zip));
    }

    @Test
    void parameterFileMissingFromZip() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        entries.remove("networks/G_BA.ndlist");
        Path zip = dir.resolve("t1t2.zip");
        TestModels.writeZip(zip, entries);
        assertEquals("t1t2.zip: model.json: networks.G_BA.parameters: entry 'networks/G_BA.ndlist' is missing from the zip",
                manifestFails(zip));
    }

    @Test
    void checksumMismatch() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        byte[] params = entries.get("networks/G_AB.ndlist");
        String stated = TestModels.manifestJson(entries).getAsJsonObject("networks").getAsJsonObject("G_AB").get("sha256").getAsString();
        params[params.length - 1] ^= 1; // one bit of the last weight
        Path zip = dir.resolve("t1t2.zip");
        TestModels.writeZip(zip, entries);
        String actual = TestModels.sha256(params);
        assertEquals("t1t2.zip: networks/G_AB.ndlist (networks.G_AB.sha256): checksum mismatch: model.json says "
                + stated.substring(0, 8) + "…" + stated.substring(56) + ", the entry hashes to " + actual.substring(0, 8) + "…"
                + actual.substring(56) + "; the file is damaged or was changed after it was written", readFails(zip));
        ModelBundles.readManifest(zip); // the manifest alone is fine
    }

    @Test
    void parameterFileNotDecodable() throws IOException {
        byte[] garbage = "this is not an NDList".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = TestModels.entries(good);
        entries.put("networks/G_AB.ndlist", garbage);
        JsonObject json = TestModels.manifestJson(entries);
        network(json, "G_AB").addProperty("sha256", TestModels.sha256(garbage));
        entries.put("model.json", json.toString().getBytes(StandardCharsets.UTF_8));
        Path zip = dir.resolve("t1t2.zip");
        TestModels.writeZip(zip, entries);
        assertEquals("t1t2.zip: networks/G_AB.ndlist (networks.G_AB): not a decodable DJL NDList file (Malformed data)", readFails(zip));
    }

    @Test
    void storedShapeDiffersFromParameterShapes() throws IOException {
        JsonArray wider = new JsonArray();
        for (int d : new int[] {4, 1, 5, 5}) {
            wider.add(d);
        }
        Path zip = edited("t1t2.zip", json -> network(json, "G_AB").getAsJsonObject("parameter_shapes").add("01Conv2d_weight", wider));
        assertEquals("t1t2.zip: networks/G_AB.ndlist (networks.G_AB.parameter_shapes.01Conv2d_weight): stored array has shape "
                + "[4, 1, 3, 3], model.json says [4, 1, 5, 5]", readFails(zip));
    }

    @Test
    void storedParameterNamesDifferFromParameterShapes() throws IOException {
        Path renamed = edited("renamed.zip", json -> {
            JsonObject shapes = network(json, "G_BA").getAsJsonObject("parameter_shapes");
            shapes.add("01Conv2d_b", shapes.remove("01Conv2d_bias"));
        });
        assertEquals("renamed.zip: networks/G_BA.ndlist (networks.G_BA.parameter_shapes): holds parameter '01Conv2d_bias' that "
                + "model.json does not list", readFails(renamed));
        Path extra = edited("extra.zip", json -> {
            JsonArray one = new JsonArray();
            one.add(1);
            network(json, "G_BA").getAsJsonObject("parameter_shapes").add("05Conv2d_weight", one);
        });
        assertEquals("extra.zip: networks/G_BA.ndlist (networks.G_BA.parameter_shapes): parameter '05Conv2d_weight' listed in "
                + "model.json is not in the file", readFails(extra));
    }

    @Test
    void malformedParameterShape() throws IOException {
        Path zip = edited("t1t2.zip", json -> network(json, "G_AB").getAsJsonObject("parameter_shapes")
                .getAsJsonArray("01Conv2d_weight").set(3, new com.google.gson.JsonPrimitive(1.5)));
        assertEquals("t1t2.zip: model.json: networks.G_AB.parameter_shapes.01Conv2d_weight[3]: must be an integer >= 0, got 1.5",
                manifestFails(zip));
    }

    @Test
    void domainChannelsNotPositive() throws IOException {
        Path zip = edited("t1t2.zip", json -> json.getAsJsonObject("domains").getAsJsonObject("A").addProperty("channels", 0));
        assertEquals("t1t2.zip: model.json: domains.A.channels: must be an integer >= 1, got 0", manifestFails(zip));
    }

    @Test
    void domainNormalisationInvalid() throws IOException {
        Path zip = edited("t1t2.zip", json -> json.getAsJsonObject("domains").getAsJsonObject("B").getAsJsonObject("normalization")
                .addProperty("high", -5));
        assertEquals("t1t2.zip: model.json: domains.B.normalization.high: must be greater than low (12.5), got -5.0", manifestFails(zip));
        Path method = edited("method.zip", json -> json.getAsJsonObject("domains").getAsJsonObject("A").getAsJsonObject("normalization")
                .addProperty("method", "zscore"));
        assertTrue(manifestFails(method).startsWith("method.zip: model.json: domains.A.normalization.method: unknown normalisation "
                + "method 'zscore'; expected one of "), manifestFails(method));
    }

    @Test
    void tileMultipleBelowOne() throws IOException {
        Path zip = edited("t1t2.zip", json -> json.addProperty("tile_multiple", 0));
        assertEquals("t1t2.zip: model.json: tile_multiple: must be an integer >= 1, got 0", manifestFails(zip));
    }

    @Test
    void wrongTypesNameTheField() throws IOException {
        Path zip = edited("t1t2.zip", json -> network(json, "G_BA").addProperty("in_channels", "one"));
        assertEquals("t1t2.zip: model.json: networks.G_BA.in_channels: must be an integer >= 1, got the string \"one\"", manifestFails(zip));
        Path role = edited("role.zip", json -> network(json, "G_BA").addProperty("role", "critic"));
        assertEquals("role.zip: model.json: networks.G_BA.role: unknown role 'critic'; expected generator, discriminator or other",
                manifestFails(role));
        Path date = edited("date.zip", json -> json.getAsJsonObject("training").addProperty("date", "yesterday"));
        assertEquals("date.zip: model.json: training.date: not an ISO-8601 date and time with offset (e.g. 2025-03-01T14:05:00Z), "
                + "got 'yesterday'", manifestFails(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "/abs", "C:\\x", "networks\\G_AB.ndlist", "a/../../b"})
    void entriesEscapingTheFolderAreRejectedBeforeAnythingIsRead(String name) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model.json", "not even JSON".getBytes(StandardCharsets.UTF_8)); // would fail if it were read
        entries.put(name, new byte[] {1});
        Path zip = dir.resolve("evil.zip");
        TestModels.writeZip(zip, entries);
        String message = manifestFails(zip);
        assertTrue(message.startsWith("evil.zip: unsafe zip entry: entry name '" + name + "' escapes the bundle folder ("), message);
        assertTrue(message.endsWith("; nothing was read"), message);
    }

    @Test
    void harmlessForeignEntriesAreIgnoredButOddNamesAreNot() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        entries.put("__MACOSX/._model.json", new byte[] {0});
        entries.put("networks/", new byte[0]);
        Path zip = dir.resolve("rezipped.zip");
        TestModels.writeZip(zip, entries);
        try (ModelBundle bundle = ModelBundles.read(zip, manager)) {
            assertEquals(2, bundle.manifest().networks().size());
        }
        entries.put("notes/read me.txt", new byte[] {1});
        TestModels.writeZip(zip, entries);
        assertEquals("rezipped.zip: unsafe zip entry: entry name 'notes/read me.txt' is not a plain relative path (letters, digits, "
                + "'_', '.' and '-' per segment); nothing was read", manifestFails(zip));
    }

    @Test
    void duplicateEntries() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        byte[] manifest = entries.get("model.json");
        entries.put("zzzzz.json", manifest); // same length as model.json, renamed below
        Path zip = dir.resolve("dup.zip");
        TestModels.writeZip(zip, entries);
        Files.write(zip, replaceAll(Files.readAllBytes(zip), "zzzzz.json", "model.json"));
        assertEquals("dup.zip: zip entry 'model.json' appears twice; nothing was read", manifestFails(zip));
    }

    @Test
    void hugeManifestIsCappedNotLoaded() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        byte[] manifest = entries.get("model.json");
        byte[] padded = new byte[BundleReader.MANIFEST_LIMIT + manifest.length];
        Arrays.fill(padded, (byte) ' '); // valid JSON whitespace: only the size cap can stop it
        System.arraycopy(manifest, 0, padded, padded.length - manifest.length, manifest.length);
        entries.put("model.json", padded);
        Path zip = dir.resolve("bomb.zip");
        TestModels.writeZip(zip, entries);
        assertTrue(Files.size(zip) < 1 << 20, "the zip itself is small");
        assertEquals("bomb.zip: model.json: larger than 16 MiB; refusing to read it", manifestFails(zip));
    }

    @Test
    void parameterFileLargerThanItsShapesAllowIsNotDecoded() throws IOException {
        NDArray big = manager.zeros(new Shape(1 << 16));
        big.setName("01Conv2d_weight");
        byte[] bytes = TestModels.encode(new NDList(big));
        Map<String, byte[]> entries = TestModels.entries(good);
        entries.put("networks/G_AB.ndlist", bytes);
        JsonObject json = TestModels.manifestJson(entries);
        network(json, "G_AB").addProperty("sha256", TestModels.sha256(bytes));
        entries.put("model.json", json.toString().getBytes(StandardCharsets.UTF_8));
        Path zip = dir.resolve("t1t2.zip");
        TestModels.writeZip(zip, entries);
        assertEquals("t1t2.zip: networks/G_AB.ndlist (networks.G_AB): larger than its parameter_shapes allow (more than "
                + EntryDecoder.sizeLimit(ModelBundles.readManifest(zip).networks().get("G_AB")) + " bytes); refusing to read it",
                readFails(zip));
    }

    @Test
    void unsafeEntryNamedInManifest() throws IOException {
        Path zip = edited("t1t2.zip", json -> network(json, "G_AB").addProperty("parameters", "../G_AB.ndlist"));
        assertEquals("t1t2.zip: model.json: networks.G_AB.parameters: entry name '../G_AB.ndlist' escapes the bundle folder "
                + "('..' segment)", manifestFails(zip));
    }

    @Test
    void noArraysLeakWhenAReadFailsHalfway() throws IOException {
        Map<String, byte[]> entries = TestModels.entries(good);
        entries.get("networks/G_BA.ndlist")[40] ^= 1; // G_AB decodes, then G_BA fails its checksum
        Path zip = dir.resolve("half.zip");
        TestModels.writeZip(zip, entries);
        int before = manager.getManagedArrays().size();
        readFails(zip);
        assertEquals(before, manager.getManagedArrays().size());
    }

    private static byte[] replaceAll(byte[] data, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + f.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, data, i, t.length);
            }
        }
        return data;
    }
}
