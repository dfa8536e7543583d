package io.github.fijigan.core.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.normalize.IntensitySample;
import io.github.fijigan.core.normalize.WindowNormalizer;

/**
 * One generator made by {@code test-data/torchscript/make_tiny_generator.py}: its {@code .pt}, and
 * the input and output PyTorch computed with it, as written there (raw little-endian float32).
 *
 * @param name e.g. {@code tiny_resnet}
 * @param meta the {@code NAME.json} the script wrote
 */
record TorchScriptFixture(String name, JsonObject meta) {

    static final Path FOLDER = Path.of("test-data", "torchscript");

    static TorchScriptFixture load(String name) {
        try {
            return new TorchScriptFixture(name, JsonParser.parseString(Files.readString(FOLDER.resolve(name + ".json"))).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path pt() {
        return FOLDER.resolve(meta.get("module").getAsString());
    }

    int inChannels() {
        return meta.get("in_channels").getAsInt();
    }

    int outChannels() {
        return meta.get("out_channels").getAsInt();
    }

    int tileMultiple() {
        return meta.get("tile_multiple").getAsInt();
    }

    Shape inputShape() {
        return shape("input");
    }

    Shape outputShape() {
        return shape("output");
    }

    float[] input() {
        return floats("input");
    }

    float[] output() {
        return floats("output");
    }

    /** A spec that fits the module: a CT window in, a percentile map out. */
    TorchScriptSpec spec() {
        return TorchScriptSpec.of(new DomainSpec(inChannels(), ctWindow(), "HU"), new DomainSpec(outChannels(), percentile(), ""),
                tileMultiple());
    }

    static IntensityMap ctWindow() {
        return new WindowNormalizer(-1000, 1000, true).fit(new IntensitySample());
    }

    static IntensityMap percentile() {
        return new IntensityMap("percentile", 12.5, 980.25, true, 1, 99.8);
    }

    private Shape shape(String which) {
        JsonArray dims = meta.getAsJsonObject(which).getAsJsonArray("shape");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).getAsLong();
        }
        return new Shape(shape);
    }

    private float[] floats(String which) {
        JsonObject m = meta.getAsJsonObject(which);
        if (!"float32".equals(m.get("dtype").getAsString()) || !"little".equals(m.get("byte_order").getAsString())) {
            throw new IllegalStateException(name + ": expected little-endian float32, the JSON says " + m);
        }
        try {
            byte[] bytes = Files.readAllBytes(FOLDER.resolve(m.get("file").getAsString()));
            long expected = shape(which).size() * Float.BYTES;
            if (bytes.length != expected) {
                throw new IllegalStateException(name + " " + which + ": " + bytes.length + " bytes, the shape needs " + expected);
            }
            float[] values = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
