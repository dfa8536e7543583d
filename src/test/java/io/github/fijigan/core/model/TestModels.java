package io.github.fijigan.core.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.normalize.IntensitySample;
import io.github.fijigan.core.normalize.PercentileNormalizer;
import io.github.fijigan.core.normalize.WindowNormalizer;

/** A small real network, a complete manifest, and tools to take a good bundle apart and break it. */
final class TestModels {

    static final Shape INPUT = new Shape(2, 1, 8, 8);

    private TestModels() {}

    /** Conv 1→4 3×3, BatchNorm, LeakyReLU, Conv 4→1 3×3: small, but with running statistics. */
    static SequentialBlock block() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4).build())
                .add(BatchNorm.builder().build())
                .add(Activation.leakyReluBlock(0.2f))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(1).build());
    }

    /**
     * @return a block initialised from {@code seed}, after one training-mode pass so its BatchNorm
     *     running statistics are no longer the initial 0 and 1
     */
    static SequentialBlock trained(NDManager manager, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        SequentialBlock b = block();
        b.initialize(manager, DataType.FLOAT32, INPUT);
        try (NDManager step = manager.newSubManager()) {
            NDArray batch = step.randomNormal(2, 3, INPUT, DataType.FLOAT32);
            b.forward(new ParameterStore(step, false), new NDList(batch), true);
        }
        return b;
    }

    /** @return a fresh block with the same architecture, initialised from another seed */
    static SequentialBlock fresh(NDManager manager, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        SequentialBlock b = block();
        b.initialize(manager, DataType.FLOAT32, INPUT);
        return b;
    }

    /** @return the block's inference output on {@code input}, as floats */
    static float[] predict(SequentialBlock block, NDArray input) {
        try (NDManager step = input.getManager().newSubManager()) {
            return block.forward(new ParameterStore(step, false), new NDList(input), false).head().toFloatArray();
        }
    }

    static IntensityMap windowMap() {
        return new WindowNormalizer(-1000, 1000, true).fit(new IntensitySample());
    }

    static IntensityMap percentileMap() {
        return new IntensityMap(PercentileNormalizer.METHOD, 12.5, 980.25, true, 1, 99.8);
    }

    /** A cyclegan manifest with every optional part filled in. */
    static ModelManifest manifest() {
        JsonObject options = new JsonObject();
        options.addProperty("filters", 4);
        options.addProperty("slope", 0.2);
        JsonObject config = new JsonObject();
        config.addProperty("lr", 0.0002);
        config.addProperty("loss", "lsgan");
        JsonObject data = new JsonObject();
        data.addProperty("A", "ct/ (12 images)");
        JsonObject future = new JsonObject();
        future.addProperty("note", "written by a later 1.x");
        return ModelManifest.builder(ModelKind.CYCLEGAN)
                .network("G_AB", NetworkSpec.of("tiny_test", options, 1, 1, NetworkRole.GENERATOR))
                .network("G_BA", NetworkSpec.of("tiny_test", options, 1, 1, NetworkRole.GENERATOR))
                .domain("A", new DomainSpec(1, windowMap(), "HU"))
                .domain("B", new DomainSpec(1, percentileMap(), ""))
                .tileMultiple(4)
                .latentSize(16)
                .classes(List.of("normal", "lesion"))
                .training(new TrainingProvenance(config, OptionalInt.of(3), data, "PyTorch 2.7.1", "cpu",
                        java.util.Optional.of(OffsetDateTime.of(2025, 3, 1, 14, 5, 0, 0, ZoneOffset.UTC))))
                .extra("x_future", future)
                .build();
    }

    /** @return a bundle of two trained networks and one state list; the caller closes it */
    static ModelBundle bundle(NDManager manager) {
        Map<String, NDList> params = new LinkedHashMap<>();
        params.put("G_AB", BlockParameters.parametersOf(trained(manager, 11), manager));
        params.put("G_BA", BlockParameters.parametersOf(trained(manager, 12), manager));
        NDArray moment = manager.arange(0f, 6f).reshape(2, 3);
        moment.setName("G_AB/01Conv2d_weight/m");
        return ModelBundle.of(manifest(), params, Map.of("optimizer_G", new NDList(moment)));
    }

    /** Writes a good bundle to {@code zip}. */
    static ModelManifest writeGood(Path zip) {
        try (NDManager manager = NDManager.newBaseManager(); ModelBundle bundle = bundle(manager)) {
            return ModelBundles.write(zip, bundle);
        }
    }

    /** @return every entry of a zip, in order */
    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    static void writeZip(Path zip, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    static JsonObject manifestJson(Map<String, byte[]> entries) {
        return JsonParser.parseString(new String(entries.get("model.json"), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Copies a good bundle to {@code bad} with its model.json edited. */
    static void editManifest(Path good, Path bad, Consumer<JsonObject> edit) throws IOException {
        Map<String, byte[]> entries = entries(good);
        JsonObject json = manifestJson(entries);
        edit.accept(json);
        entries.put("model.json", json.toString().getBytes(StandardCharsets.UTF_8));
        writeZip(bad, entries);
    }

    static String sha256(byte[] bytes) {
        return Checksums.hex(Checksums.sha256().digest(bytes));
    }

    static byte[] encode(NDList list) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.encode(out, NDList.Encoding.ND_LIST);
        return out.toByteArray();
    }
}
