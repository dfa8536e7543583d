package io.github.fijigan.core.nn;

import static io.github.fijigan.core.nn.TranslationNetworksTest.assertMessage;
import static io.github.fijigan.core.nn.TranslationNetworksTest.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.BlockParameters;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** pix2pix/CycleGAN's networks at tiny widths: output shapes, receptive fields, skip connections, training forward and backward. */
class TranslationForwardTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Block build(NetworkSpec spec, Shape input, long seed) {
        Block block = NetworkFactory.build(spec);
        block.initialize(manager, DataType.FLOAT32, input);
        WeightInit.apply(block, "normal", seed);
        return block;
    }

    private static NetworkSpec generator(String architecture, String options, int in, int out) {
        return NetworkSpec.of(architecture, json(options), in, out, NetworkRole.GENERATOR);
    }

    private static NetworkSpec discriminator(String architecture, String options, int in) {
        return NetworkSpec.of(architecture, json(options), in, 1, NetworkRole.DISCRIMINATOR);
    }

    private NDArray forward(Block block, NDArray x, boolean training) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow();
    }

    private NDArray random(long seed, Shape shape) {
        return Arrays4.float32(manager, Arrays4.normal(seed, shape), shape);
    }

    @Test
    void outputShapesOnNonSquareImages() {
        NetworkSpec resnet = generator("resnet_6blocks", "{\"ngf\": 2}", 1, 3);
        Shape in = new Shape(2, 1, 36, 44);
        Block g = build(resnet, in, 1);
        NDArray y = forward(g, random(2, in), false);
        assertEquals(new Shape(2, 3, 36, 44), y.getShape());
        assertEquals(y.getShape(), g.getOutputShapes(new Shape[] {in})[0]);
        try (NDArray max = y.abs().max()) {
            assertTrue(max.getFloat() <= 1, "tanh output");
        }
        assertMessage(() -> g.getOutputShapes(new Shape[] {new Shape(1, 1, 36, 42)}), "multiples of 4", "36x42");

        Shape wide = new Shape(1, 3, 128, 256);
        Block unet = build(generator("unet_128", "{\"ngf\": 1}", 3, 1), wide, 3);
        assertEquals(new Shape(1, 1, 128, 256), forward(unet, random(4, wide), false).getShape());
        assertMessage(() -> unet.getOutputShapes(new Shape[] {new Shape(1, 3, 128, 192)}), "multiples of 128", "128x192");

        // The 70×70 PatchGAN on 256×256 gives pix2pix's 30×30 map: 256 → 128 → 64 → 32 → 31 → 30.
        Shape square = new Shape(1, 3, 256, 256);
        Block basic = build(discriminator("basic", "{\"ndf\": 2}", 3), square, 5);
        assertEquals(new Shape(1, 1, 30, 30), forward(basic, random(6, square), false).getShape());
        Shape oblong = new Shape(2, 3, 96, 130);
        assertEquals(new Shape(2, 1, 10, 14), forward(basic, random(7, oblong), false).getShape());
        assertEquals(new Shape(2, 1, 10, 14), basic.getOutputShapes(new Shape[] {oblong})[0]);
        Shape small = new Shape(1, 3, 5, 7);
        Block pixel = build(discriminator("pixel", "{\"ndf\": 2}", 3), small, 8);
        assertEquals(new Shape(1, 1, 5, 7), forward(pixel, random(9, small), false).getShape());
    }

    /**
     * Each logit of a PatchGAN depends on exactly a {@code 9·2^L - 2} square of the input (70×70 for
     * basic, 34×34 for 2 layers), the part inside the image at the borders. The batch holds one copy
     * of the image per output pixel and the loss sums pixel b of copy b, so one backward pass gives
     * every pixel's input gradient. No norm: instance norm would tie every logit to the whole image.
     */
    @ParameterizedTest
    @MethodSource("patchGans")
    void everyLogitSeesExactlyItsWindow(String architecture, String options, int layers, int size) {
        int field = PatchDiscriminator.receptiveField(layers);
        int out = (int) PatchDiscriminator.outputSize(size, layers);
        Shape one = new Shape(1, 1, size, size);
        Block d = build(discriminator(architecture, options, 1), one, 11);
        WeightInit.apply(d, "normal", 1.0, 11);
        int pixels = out * out;
        float[] copies = new float[pixels * size * size];
        double[] image = Arrays4.normal(12, size * size);
        for (int i = 0; i < copies.length; i++) {
            copies[i] = (float) image[i % (size * size)];
        }
        float[] gradient;
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(copies, new Shape(pixels, 1, size, size));
            x.setRequiresGradient(true);
            float[] pick = new float[pixels * pixels];
            for (int b = 0; b < pixels; b++) {
                pick[b * pixels + b] = 1;
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = d.forward(new ParameterStore(step, false), new NDList(x), false).singletonOrThrow();
                assertEquals(new Shape(pixels, 1, out, out), y.getShape());
                collector.backward(y.mul(step.create(pick, new Shape(pixels, 1, out, out))).sum());
            }
            gradient = x.getGradient().toFloatArray();
        }
        int interior = 0;
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < out; j++) {
                int b = i * out + j;
                // Window of logit (i, j): rows 2^L·i − 3·2^L + 1 onwards (each stride-1 conv shifts it by −1, each
                // stride-2 one maps a start r to 2r − 1).
                int top = (i << layers) - 3 * (1 << layers) + 1;
                int left = (j << layers) - 3 * (1 << layers) + 1;
                int nonZero = 0;
                for (int r = 0; r < size; r++) {
                    for (int c = 0; c < size; c++) {
                        boolean inside = r >= top && r < top + field && c >= left && c < left + field;
                        boolean depends = gradient[(b * size + r) * size + c] != 0;
                        assertEquals(inside, depends, "logit (" + i + ", " + j + ") and input (" + r + ", " + c + ")");
                        nonZero += depends ? 1 : 0;
                    }
                }
                if (top >= 0 && left >= 0 && top + field <= size && left + field <= size) {
                    assertEquals(field * field, nonZero);
                    interior++;
                }
            }
        }
        assertTrue(interior >= 4, "some logits have their whole window inside the image: " + interior);
    }

    static Stream<Arguments> patchGans() {
        return Stream.of(Arguments.of("basic", "{\"ndf\": 2, \"norm\": \"none\"}", 3, 96),
                Arguments.of("n_layers", "{\"ndf\": 2, \"norm\": \"none\", \"n_layers\": 2}", 2, 48));
    }

    /**
     * The outermost skip connection: with the up-sampling weights that read the inner decoder's
     * channels set to 0, the U-Net is {@code tanh(convT(relu(conv(x))))} through level 0's skip alone,
     * the skip being the first {@code ngf} channels of the concatenation (as pix2pix's {@code
     * torch.cat([x, model(x)], 1)}).
     */
    @Test
    void unetOutermostSkipCarriesTheFirstEncoderOutput() {
        int ngf = 2;
        Shape in = new Shape(2, 1, 128, 128);
        UnetGenerator unet = (UnetGenerator) build(generator("unet_128", "{\"ngf\": 2, \"norm\": \"none\"}", 1, 1), in, 21);
        WeightInit.apply(unet, "normal", 0.3, 21);
        Parameter downWeight = unet.getParameters().get("01down0_01Conv2d_weight");
        Parameter downBias = unet.getParameters().get("01down0_01Conv2d_bias");
        Parameter upWeight = unet.getParameters().get("08up0_02ConvTranspose2d_weight");
        Parameter upBias = unet.getParameters().get("08up0_02ConvTranspose2d_bias");
        assertEquals(new Shape(2 * ngf, 1, 4, 4), upWeight.getArray().getShape(), "up-sampling from skip + inner channels");
        NDArray x = random(22, in);
        NDArray full = forward(unet, x, false);
        upWeight.getArray().set(new NDIndex("{}:", ngf), 0);
        NDArray skipOnly = forward(unet, x, false);
        NDArray encoded = ai.djl.nn.convolutional.Conv2d.conv2d(x, downWeight.getArray(), downBias.getArray(), new Shape(2, 2),
                new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
        NDArray expected;
        try (NDArray skipWeight = upWeight.getArray().get(new NDIndex(":{}", ngf))) {
            expected = ConvTranspose2d.convTranspose2d(Activation.relu(encoded), skipWeight, upBias.getArray(), 2, 1).tanh();
        }
        assertEquals(0, Arrays4.maxAbsDiff(Arrays4.doubles(expected), Arrays4.doubles(skipOnly)), 1e-6);
        assertTrue(Arrays4.maxAbsDiff(Arrays4.doubles(full), Arrays4.doubles(skipOnly)) > 1e-3, "the inner path mattered before");
    }

    /** Tiny variants of every pix2pix/CycleGAN network: one training forward and backward reaches every trainable parameter. */
    static Stream<Arguments> tinyNetworks() {
        return Stream.of(
                Arguments.of(generator("resnet_6blocks", "{\"ngf\": 2}", 1, 3), 16),
                Arguments.of(generator("resnet_9blocks", "{\"ngf\": 2, \"norm\": \"batch\", \"use_dropout\": true}", 3, 3), 12),
                Arguments.of(generator("resnet_6blocks", "{\"ngf\": 2, \"norm\": \"none\", \"upsample\": \"nearest\"}", 3, 1), 8),
                Arguments.of(generator("unet_128", "{\"ngf\": 2}", 1, 1), 128),
                Arguments.of(generator("unet_128", "{\"ngf\": 2, \"norm\": \"batch\", \"upsample\": \"nearest\"}", 3, 1), 128),
                Arguments.of(generator("unet_256", "{\"ngf\": 1, \"norm\": \"none\", \"use_dropout\": false}", 1, 3), 256),
                Arguments.of(discriminator("basic", "{\"ndf\": 2}", 2), 32),
                Arguments.of(discriminator("basic", "{\"ndf\": 2, \"norm\": \"batch\"}", 1), 24),
                Arguments.of(discriminator("n_layers", "{\"ndf\": 2, \"n_layers\": 1, \"norm\": \"none\"}", 3), 8),
                Arguments.of(discriminator("pixel", "{\"ndf\": 2}", 3), 4),
                Arguments.of(discriminator("pixel", "{\"ndf\": 2, \"norm\": \"batch\"}", 1), 3));
    }

    @ParameterizedTest
    @MethodSource("tinyNetworks")
    void trainingForwardAndBackwardReachEveryParameter(NetworkSpec spec, int size) {
        Shape[] inputs = NetworkFactory.inputShapes(spec, 2, size);
        Block net = build(spec, inputs[0], 31);
        Dropout.seedAll(net, 32);
        try (NDManager step = manager.newSubManager()) {
            NDArray x = Arrays4.float32(step, Arrays4.normal(33, inputs[0]), inputs[0]);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = net.forward(new ParameterStore(step, false), new NDList(x), true).singletonOrThrow();
                collector.backward(y.square().sum());
            }
            assertArrayEquals(net.getOutputShapes(inputs), new Shape[] {y.getShape()}, "getOutputShapes agrees with forward");
            if (spec.role() == NetworkRole.GENERATOR) {
                assertEquals(new Shape(2, spec.outChannels(), size, size), y.getShape());
            }
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    try (NDArray g = p.getValue().getArray().getGradient(); NDArray total = g.abs().sum()) {
                        assertTrue(total.getFloat() > 0, p.getKey() + " got no gradient");
                    }
                }
            }
        }
    }

    /** unet_256 has the layers of unet_128, one level more: not worth its 256×256 input twice more. */
    static Stream<Arguments> tinyNetworksBut256() {
        return tinyNetworks().filter(a -> !((NetworkSpec) a.get()[0]).architecture().equals("unet_256"));
    }

    /** A step's temporaries belong to the step's manager: none may pile up in the manager that holds the parameters. */
    @ParameterizedTest
    @MethodSource("tinyNetworksBut256")
    void stepsLeaveTheModelManagerAlone(NetworkSpec spec, int size) {
        Shape[] inputs = NetworkFactory.inputShapes(spec, 2, size);
        try (NDManager model = manager.newSubManager()) {
            Block net = NetworkFactory.build(spec);
            net.initialize(model, DataType.FLOAT32, inputs);
            int before = model.getManagedArrays().size();
            for (int i = 0; i < 2; i++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.ones(inputs[0]);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(net.forward(new ParameterStore(step, false), new NDList(x), true).head().sum());
                    }
                    net.forward(new ParameterStore(step, false), new NDList(x), false);
                }
            }
            assertEquals(before, model.getManagedArrays().size(), "arrays left in the model manager");
        }
    }

    /** Parameters (batch-norm running statistics included) saved from one network and loaded into a fresh one give its outputs. */
    @ParameterizedTest
    @MethodSource("savedNetworks")
    void parametersSaveAndLoad(NetworkSpec spec, int size) {
        Shape in = NetworkFactory.inputShapes(spec, 2, size)[0];
        Block trained = build(spec, in, 51);
        NDArray x = random(52, in);
        forward(trained, x, true); // moves batch norm's running statistics away from their start
        Block fresh = build(spec, in, 53);
        try (NDList saved = BlockParameters.parametersOf(trained, manager)) {
            BlockParameters.load(fresh, saved, "G");
        }
        assertArrayEquals(forward(trained, x, false).toFloatArray(), forward(fresh, x, false).toFloatArray());
    }

    static Stream<Arguments> savedNetworks() {
        return Stream.of(Arguments.of(generator("resnet_6blocks", "{\"ngf\": 2, \"norm\": \"batch\"}", 1, 1), 8),
                Arguments.of(generator("unet_128", "{\"ngf\": 1, \"norm\": \"batch\"}", 1, 1), 128),
                Arguments.of(discriminator("basic", "{\"ndf\": 2, \"norm\": \"batch\"}", 2), 24));
    }

    /** Instance norm has no running statistics: without dropout, training and inference compute the same. */
    @Test
    void withoutDropoutTrainingEqualsInference() {
        Shape in = new Shape(1, 1, 128, 128);
        JsonObject options = json("{\"ngf\": 2, \"use_dropout\": false}");
        Block unet = build(NetworkSpec.of("unet_128", options, 1, 1, NetworkRole.GENERATOR), in, 41);
        NDArray x = random(42, in);
        assertEquals(0, Arrays4.maxAbsDiff(Arrays4.doubles(forward(unet, x, true)), Arrays4.doubles(forward(unet, x, false))), 1e-6);
        Block dropped = build(generator("unet_128", "{\"ngf\": 2}", 1, 1), in, 41);
        assertTrue(Arrays4.maxAbsDiff(Arrays4.doubles(forward(dropped, x, true)), Arrays4.doubles(forward(dropped, x, false))) > 1e-4,
                "dropout changes the training output");
    }
}
