package io.github.fijigan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.model.BlockParameters;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkFactoryTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private long count(String architecture, NetworkRole role, String options, int in, int out) {
        NetworkSpec spec = NetworkSpec.of(architecture, json(options), in, out, role);
        Block block = NetworkFactory.build(spec);
        block.initialize(manager, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 1));
        return NetworkFactory.trainableParameterCount(block);
    }

    /**
     * PyTorch's DCGAN example (nz 100, ngf = ndf = 64, 3 channels): generator 3,576,704 and
     * discriminator 2,765,568 trainable parameters (batch-norm gamma and beta counted, running
     * statistics not).
     */
    @Test
    void dcgan64MatchesThePublishedCounts() {
        assertEquals(3_576_704, count("dcgan_64", NetworkRole.GENERATOR, "{}", 100, 3));
        assertEquals(2_765_568, count("dcgan_64", NetworkRole.DISCRIMINATOR, "{}", 3, 1));
    }

    /** Hand counts: k² = 16 per channel pair, batch norm 2 per channel. */
    @Test
    void variantsMatchHandCounts() {
        // One channel: the last generator layer 64·1·16 = 1,024 instead of 3,072; the same for the first D layer.
        assertEquals(3_574_656, count("dcgan_64", NetworkRole.GENERATOR, "{}", 100, 1));
        assertEquals(2_763_520, count("dcgan_64", NetworkRole.DISCRIMINATOR, "{}", 1, 1));
        // 128: 100·1024·16 + 1024·512·16 + 512·256·16 + 256·128·16 + 128·64·16 + 64·3·16 = 12,782,592, BN 2·1,984 = 3,968.
        assertEquals(12_786_560, count("dcgan_128", NetworkRole.GENERATOR, "{}", 100, 3));
        // 3·64·16 + 64·128·16 + 128·256·16 + 256·512·16 + 512·1024·16 + 1024·16 = 11,160,576, BN 2·1,920 = 3,840.
        assertEquals(11_164_416, count("dcgan_128", NetworkRole.DISCRIMINATOR, "{}", 3, 1));
        // AC-GAN, 10 classes: embedding 10·100, first layer from 200 channels (+100·512·16 = 819,200).
        assertEquals(3_576_704 + 819_200 + 1_000, count("dcgan_64", NetworkRole.GENERATOR, "{\"classes\": 10}", 100, 3));
        // AC-GAN discriminator: a class head 512·10·16 = 81,920.
        assertEquals(2_765_568 + 81_920, count("dcgan_64", NetworkRole.DISCRIMINATOR, "{\"classes\": 10}", 3, 1));
        // SN-GAN: no batch norm (−1,792), a bias on every conv (64 + 128 + 256 + 512 + 1 = 961), u and v not counted.
        assertEquals(2_765_568 - 1_792 + 961, count("dcgan_64", NetworkRole.DISCRIMINATOR, "{\"spectral_norm\": true}", 3, 1));
        // Minibatch std: the head sees 513 channels, 16 more weights.
        assertEquals(2_765_568 + 16, count("dcgan_64", NetworkRole.DISCRIMINATOR, "{\"minibatch_std\": true}", 3, 1));
        // Nearest + 3×3: 819,200 + (512·256 + 256·128 + 128·64 + 64·3)·9 = 2,369,216, BN 1,920.
        assertEquals(2_371_136, count("dcgan_64", NetworkRole.GENERATOR, "{\"upsample\": \"nearest\"}", 100, 3));
        // Instance norm (no affine): BN gone (−1,920), a bias per conv output channel (512 + 256 + 128 + 64 + 3 = 963).
        assertEquals(3_576_704 - 1_920 + 963, count("dcgan_64", NetworkRole.GENERATOR, "{\"norm\": \"instance\"}", 100, 3));
        // Layer norm over (C, H, W): 2·(128·16·16 + 256·8·8 + 512·4·4) = 114,688 instead of BN's 1,792.
        assertEquals(2_765_568 - 1_792 + 114_688, count("dcgan_64", NetworkRole.DISCRIMINATOR, "{\"norm\": \"layer\"}", 3, 1));
    }

    /** Every DCGAN size, role and option at tiny widths: output shapes, then one backward pass reaching every trainable parameter. */
    static Stream<Arguments> tinyNetworks() {
        List<String> generators = List.of("{}", "{\"upsample\": \"nearest\", \"norm\": \"instance\"}", "{\"norm\": \"none\"}",
                "{\"classes\": 3, \"embed_dim\": 5}");
        List<String> discriminators = List.of("{}", "{\"spectral_norm\": true}", "{\"norm\": \"instance\", \"minibatch_std\": true}",
                "{\"norm\": \"layer\"}", "{\"classes\": 3, \"spectral_norm\": true, \"norm\": \"batch\"}");
        Stream.Builder<Arguments> all = Stream.builder();
        for (String architecture : List.of("dcgan_32", "dcgan_64", "dcgan_128")) {
            generators.forEach(o -> all.add(Arguments.of(architecture, NetworkRole.GENERATOR, o)));
            discriminators.forEach(o -> all.add(Arguments.of(architecture, NetworkRole.DISCRIMINATOR, o)));
        }
        return all.build();
    }

    /** The same layers at every size: the smallest one is enough where only the layers matter. */
    static Stream<Arguments> smallestNetworks() {
        return tinyNetworks().filter(a -> a.get()[0].equals("dcgan_32"));
    }

    @ParameterizedTest
    @MethodSource("tinyNetworks")
    void tinyNetworksRunForwardAndBackward(String architecture, NetworkRole role, String optionText) {
        JsonObject options = json(optionText);
        options.addProperty(role == NetworkRole.GENERATOR ? "ngf" : "ndf", 4);
        boolean generator = role == NetworkRole.GENERATOR;
        NetworkSpec spec = NetworkSpec.of(architecture, options, generator ? 8 : 2, generator ? 2 : 1, role);
        int size = Integer.parseInt(architecture.substring("dcgan_".length()));
        int classes = options.has("classes") ? options.get("classes").getAsInt() : 0;
        Block net = NetworkFactory.build(spec);
        Shape[] inputs = NetworkFactory.inputShapes(spec, 2);
        net.initialize(manager, DataType.FLOAT32, inputs);
        WeightInit.apply(net, "normal", 1);
        try (NDManager step = manager.newSubManager()) {
            NDList input = new NDList(Arrays4.float32(step, Arrays4.normal(2, inputs[0]), inputs[0]));
            if (inputs.length > 1) {
                input.add(step.create(new int[] {2, 0}));
            }
            NDList output;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                output = net.forward(new ParameterStore(step, false), input, true);
                NDArray loss = output.head().square().sum();
                for (int i = 1; i < output.size(); i++) {
                    loss = loss.add(output.get(i).sum());
                }
                collector.backward(loss);
            }
            if (generator) {
                assertArrayEquals(new Shape[] {new Shape(2, 2, size, size)}, output.getShapes());
                try (NDArray max = output.head().abs().max()) {
                    assertTrue(max.getFloat() <= 1, "tanh output in [-1, 1]");
                }
            } else if (classes > 0) {
                assertArrayEquals(new Shape[] {new Shape(2), new Shape(2, classes)}, output.getShapes());
            } else {
                assertArrayEquals(new Shape[] {new Shape(2)}, output.getShapes());
            }
            assertArrayEquals(output.getShapes(), net.getOutputShapes(inputs), "getOutputShapes agrees with forward");
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    try (NDArray g = p.getValue().getArray().getGradient(); NDArray total = g.abs().sum()) {
                        assertTrue(total.getFloat() > 0, p.getKey() + " got no gradient");
                    }
                }
            }
        }
    }

    /** A training step's temporaries belong to the step: none may pile up in the manager that holds the parameters. */
    @ParameterizedTest
    @MethodSource("smallestNetworks")
    void trainingStepsLeaveTheModelManagerAlone(String architecture, NetworkRole role, String optionText) {
        JsonObject options = json(optionText);
        options.addProperty(role == NetworkRole.GENERATOR ? "ngf" : "ndf", 2);
        boolean generator = role == NetworkRole.GENERATOR;
        NetworkSpec spec = NetworkSpec.of(architecture, options, generator ? 4 : 1, 1, role);
        try (NDManager model = manager.newSubManager()) {
            Block net = NetworkFactory.build(spec);
            Shape[] inputs = NetworkFactory.inputShapes(spec, 2);
            net.initialize(model, DataType.FLOAT32, inputs);
            int before = model.getManagedArrays().size();
            for (int step = 0; step < 2; step++) {
                try (NDManager stepManager = manager.newSubManager()) {
                    NDList input = new NDList(stepManager.ones(inputs[0]));
                    if (inputs.length > 1) {
                        input.add(stepManager.create(new int[] {1, 0}));
                    }
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(net.forward(new ParameterStore(stepManager, false), input, true).head().sum());
                    }
                    net.forward(new ParameterStore(stepManager, false), input, false);
                }
            }
            assertEquals(before, model.getManagedArrays().size(), "arrays left in the model manager");
        }
    }

    @Test
    void conditionalGeneratorUsesTheLabel() {
        NetworkSpec spec = NetworkSpec.of("dcgan_32", json("{\"ngf\": 4, \"classes\": 3, \"norm\": \"none\"}"), 8, 1,
                NetworkRole.GENERATOR);
        Block g = NetworkFactory.build(spec);
        g.initialize(manager, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 2));
        WeightInit.apply(g, "normal", 0.2, 3);
        NDArray noise = manager.zeros(new Shape(2, 8, 1, 1)).add(Arrays4.float32(manager, Arrays4.normal(4, 8), new Shape(1, 8, 1, 1)));
        ParameterStore store = new ParameterStore(manager, false);
        NDArray y = g.forward(store, new NDList(noise, manager.create(new float[] {0, 2})), false).head();
        float[] first = y.get(0).toFloatArray();
        float[] second = y.get(1).toFloatArray();
        assertTrue(Arrays4.maxAbsDiff(Arrays4.toDouble(first), Arrays4.toDouble(second)) > 1e-4, "same noise, other class, other image");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> g.forward(store, new NDList(noise, manager.create(new float[] {0, 3})), false));
        assertTrue(bad.getMessage().contains("class label 3.0") && bad.getMessage().contains("[0, 3)"), bad.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> g.forward(store, new NDList(noise, manager.create(new float[] {0, 1.5f})), false));
        assertTrue(fraction.getMessage().contains("1.5"), fraction.getMessage());
    }

    @Test
    void inputShapesForEveryRole() {
        NetworkSpec g = NetworkSpec.of("dcgan_64", json("{}"), 100, 3, NetworkRole.GENERATOR);
        assertArrayEquals(new Shape[] {new Shape(16, 100, 1, 1)}, NetworkFactory.inputShapes(g, 16));
        NetworkSpec conditional = NetworkSpec.of("dcgan_64", json("{\"classes\": 4}"), 100, 3, NetworkRole.GENERATOR);
        assertArrayEquals(new Shape[] {new Shape(16, 100, 1, 1), new Shape(16)}, NetworkFactory.inputShapes(conditional, 16));
        NetworkSpec d = NetworkSpec.of("dcgan_128", json("{}"), 1, 1, NetworkRole.DISCRIMINATOR);
        assertArrayEquals(new Shape[] {new Shape(4, 1, 128, 128)}, NetworkFactory.inputShapes(d, 4));
        assertEquals(List.of("dcgan_32", "dcgan_64", "dcgan_128", "resnet_6blocks", "resnet_9blocks", "unet_128", "unet_256", "basic",
                "n_layers", "pixel", "dncnn"), NetworkFactory.architectures());
        assertArrayEquals(new Shape[] {new Shape(4, 1, 128, 128)}, NetworkFactory.inputShapes(d, 4, 128));
        assertEquals(128, NetworkFactory.sizeMultiple(d));
        assertEquals(128, NetworkFactory.minimumSize(d));
        assertMessage(() -> NetworkFactory.inputShapes(d, 4, 256), "dcgan_128 discriminator works on 128x128 images only, got size 256");
        assertMessage(() -> NetworkFactory.inputShapes(g, 0), "batch must be at least 1, got 0");
    }

    /** Spectral norm's u and v are parameters: they travel through BlockParameters (checkpoints) with the rest. */
    @Test
    void spectralNormVectorsTravelWithTheParameters() {
        NetworkSpec spec = NetworkSpec.of("dcgan_32", json("{\"ndf\": 4, \"spectral_norm\": true}"), 1, 1, NetworkRole.DISCRIMINATOR);
        Block trained = NetworkFactory.build(spec);
        trained.initialize(manager, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 2));
        trained.forward(new ParameterStore(manager, false), new NDList(manager.ones(new Shape(2, 1, 32, 32))), true);
        Block fresh = NetworkFactory.build(spec);
        fresh.initialize(manager, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 2));
        String u = "01body_01SpectralNorm_u";
        assertTrue(Arrays4.maxAbsDiff(Arrays4.toDouble(trained.getParameters().get(u).getArray().toFloatArray()),
                Arrays4.toDouble(fresh.getParameters().get(u).getArray().toFloatArray())) > 1e-3, "the training forward moved u");
        try (NDList saved = BlockParameters.parametersOf(trained, manager)) {
            assertTrue(saved.stream().anyMatch(a -> a.getName().equals(u)));
            BlockParameters.load(fresh, saved, "D");
        }
        assertArrayEquals(trained.getParameters().get(u).getArray().toFloatArray(), fresh.getParameters().get(u).getArray().toFloatArray());
    }

    @Test
    void refusesUnknownArchitecturesRolesAndOptions() {
        assertMessage(() -> NetworkFactory.build("resnet_42", NetworkRole.GENERATOR, null, 1, 1),
                "unknown network architecture 'resnet_42'", "dcgan_32, dcgan_64, dcgan_128, resnet_6blocks", "n_layers, pixel");
        assertMessage(() -> NetworkFactory.build("dcgan_64", NetworkRole.OTHER, null, 1, 1), "no other network");
        assertMessage(() -> NetworkFactory.build("dcgan_64", NetworkRole.DISCRIMINATOR, null, 3, 2), "out_channels must be 1");
        assertMessage(() -> NetworkFactory.build("dcgan_64", NetworkRole.GENERATOR, json("{\"ngf\": 0}"), 100, 3),
                "option 'ngf'", "at least 1");
        assertMessage(() -> NetworkFactory.build("dcgan_64", NetworkRole.GENERATOR, json("{\"ngf\": 6.5}"), 100, 3), "option 'ngf'");
        assertMessage(() -> NetworkFactory.build("dcgan_64", NetworkRole.GENERATOR, json("{\"norm\": \"layer\"}"), 100, 3),
                "option 'norm'", "batch, instance, none");
        assertMessage(() -> NetworkFactory.build("dcgan_64", NetworkRole.DISCRIMINATOR, json("{\"spectral_norm\": \"yes\"}"), 3, 1),
                "option 'spectral_norm'", "true or false");
        assertMessage(() -> NetworkFactory.build("dcgan_64", NetworkRole.DISCRIMINATOR, json("{\"ngf\": 8}"), 3, 1),
                "unknown option 'ngf'", "ndf");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }
}
