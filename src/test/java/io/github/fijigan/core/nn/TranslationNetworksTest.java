package io.github.fijigan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.initializer.Initializer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * pix2pix/CycleGAN's networks by name: trainable parameter counts against the published ones and
 * against counts derived by hand, input shapes, size multiples and refusals. Networks are built and
 * initialised only (no forward pass), so even the big ones are quick.
 */
class TranslationNetworksTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private long generator(String architecture, String options, int in, int out) {
        return count(NetworkSpec.of(architecture, json(options), in, out, NetworkRole.GENERATOR));
    }

    private long discriminator(String architecture, String options, int in) {
        return count(NetworkSpec.of(architecture, json(options), in, 1, NetworkRole.DISCRIMINATOR));
    }

    private long count(NetworkSpec spec) {
        try (NDManager sub = manager.newSubManager()) {
            Block block = NetworkFactory.build(spec);
            // Zeros: only the shapes matter here, and DJL's default random initialisation of 54 M numbers takes seconds.
            block.setInitializer(Initializer.ZEROS, p -> true);
            block.initialize(sub, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 1));
            return NetworkFactory.trainableParameterCount(block);
        }
    }

    /**
     * The counts pix2pix/CycleGAN print for their default networks (3 to 3 channels, ngf = ndf = 64):
     * resnet_9blocks with instance norm 11,378,179 (CycleGAN's G), basic with instance norm 2,764,737
     * (CycleGAN's D), unet_256 with batch norm 54,413,955 (pix2pix's G; with instance norm it would
     * be 54,409,603, see the hand counts).
     */
    @Test
    void publishedCounts() {
        assertEquals(11_378_179, generator("resnet_9blocks", "{}", 3, 3));
        assertEquals(2_764_737, discriminator("basic", "{}", 3));
        assertEquals(54_413_955, generator("unet_256", "{\"norm\": \"batch\"}", 3, 3));
    }

    /**
     * ResNet, instance norm, by layer: 7×7 3→64 + bias 9,472; 3×3 64→128 73,856; 128→256 295,168; a
     * residual block 2·(256·256·9 + 256) = 1,180,160; up 256→128 295,040; 128→64 73,792; 7×7 64→3 +
     * bias 9,411.
     */
    @Test
    void resnetHandCounts() {
        long block = 2 * (256 * 256 * 9 + 256);
        assertEquals(1_180_160, block);
        assertEquals(9_472 + 73_856 + 295_168 + 9 * block + 295_040 + 73_792 + 9_411, 11_378_179);
        assertEquals(11_378_179 - 3 * block, generator("resnet_6blocks", "{}", 3, 3));
        // One channel in: the first 7×7 convolution has 64·49 weights instead of 3·64·49 (−6,272); one out: 64·49 + 1 (−6,274).
        assertEquals(11_378_179 - 6_272, generator("resnet_9blocks", "{}", 1, 3));
        assertEquals(11_378_179 - 6_274, generator("resnet_9blocks", "{}", 3, 1));
        assertEquals(11_378_179 - 6_272 - 6_274, generator("resnet_9blocks", "{}", 1, 1));
        // Batch norm: the 5,248 biases of the convolutions before a norm (64 + 128 + 256 + 18·256 + 128 + 64) go,
        // gamma and beta for the same channels come (2·5,248).
        assertEquals(11_378_179 - 5_248 + 2 * 5_248, generator("resnet_9blocks", "{\"norm\": \"batch\"}", 3, 3));
        // No norm: the biases stay and there is nothing else to learn.
        assertEquals(11_378_179, generator("resnet_9blocks", "{\"norm\": \"none\"}", 3, 3));
        // Nearest ×2 + 3×3 convolution: the same 9 taps per channel pair as the 3×3 transposed convolution.
        assertEquals(11_378_179, generator("resnet_9blocks", "{\"upsample\": \"nearest\"}", 3, 3));
        // Dropout has no parameters; ngf 32 divides every width by 2: (3·32·49 + 32) + (32·64·9 + 64) + (64·128·9 + 128)
        // + 9·2·(128·128·9 + 128) + (128·64·9 + 64) + (64·32·9 + 32) + (32·3·49 + 3).
        long ngf32 = (3 * 32 * 49 + 32) + (32 * 64 * 9 + 64) + (64 * 128 * 9 + 128) + 9 * 2 * (128 * 128 * 9 + 128) + (128 * 64 * 9 + 64)
                + (64 * 32 * 9 + 32) + (32 * 3 * 49 + 3);
        assertEquals(2_850_563, ngf32);
        assertEquals(ngf32, generator("resnet_9blocks", "{\"ngf\": 32, \"use_dropout\": true}", 3, 3));
    }

    /**
     * U-Net, batch norm, by level (down conv without bias + its norm, up-sampling + its norm): level
     * 0 3·64·16 and 128·3·16 + 3 (always a bias) = 9,219; level 1 64·128·16 + 256 + 256·64·16 + 128
     * = 393,600; level 2 128·256·16 + 512 + 512·128·16 + 256 = 1,573,632; level 3 6,292,992; each
     * 512-512 level 512·512·16 + 1,024 + 1,024·512·16 + 1,024 = 12,584,960 (three in unet_256, two in
     * unet_128); the innermost 512·512·16 twice + 1,024 = 8,389,632.
     */
    @Test
    void unetHandCounts() {
        long middle = 512 * 512 * 16 + 1_024 + 1_024 * 512 * 16 + 1_024;
        assertEquals(12_584_960, middle);
        long outer = 3 * 64 * 16 + 128 * 3 * 16 + 3;
        assertEquals(outer + 393_600 + 1_573_632 + 6_292_992 + 3 * middle + 8_389_632, 54_413_955);
        assertEquals(54_413_955 - middle, generator("unet_128", "{\"norm\": \"batch\"}", 3, 3));
        // Instance norm (the default): a bias per convolution before a norm instead of gamma and beta per norm channel:
        // down biases 64 + 128 + 256 + 5·512 = 3,008 and up biases 64 + 128 + 256 + 4·512 = 2,496 come, batch norm's
        // 2·(128 + 256 + 4·512 + 64 + 128 + 256 + 4·512) = 9,856 go (no norm after level 0's and the innermost down conv).
        assertEquals(54_413_955 + 3_008 + 2_496 - 9_856, generator("unet_256", "{}", 3, 3));
        assertEquals(54_409_603, generator("unet_256", "{\"use_dropout\": false}", 3, 3));
        // unet_128 with instance norm: one 512-512 level less, 512·512·16 + 512 + 1,024·512·16 + 512.
        assertEquals(54_409_603 - (512 * 512 * 16 + 512 + 1_024 * 512 * 16 + 512), generator("unet_128", "{}", 3, 3));
        // One channel in: the first down convolution 64·16 instead of 3·64·16; three out: unchanged.
        assertEquals(54_413_955 - 2 * 64 * 16, generator("unet_256", "{\"norm\": \"batch\"}", 1, 3));
        // One channel out: the last up-sampling 128·1·16 + 1 instead of 128·3·16 + 3.
        assertEquals(54_413_955 - 2 * 128 * 16 - 2, generator("unet_256", "{\"norm\": \"batch\"}", 3, 1));
        // Nearest ×2 + 3×3: every up-sampling has 9 taps per channel pair instead of 16. The up-sampling weights are
        // 128·3 + 256·64 + 512·128 + 1,024·256 + 3·1,024·512 + 512·512 = 2,179,456 pairs.
        long pairs = 128 * 3 + 256 * 64 + 512 * 128 + 1_024 * 256 + 3 * 1_024 * 512 + 512 * 512;
        assertEquals(2_179_456, pairs);
        assertEquals(54_413_955 - 7 * pairs, generator("unet_256", "{\"norm\": \"batch\", \"upsample\": \"nearest\"}", 3, 3));
    }

    /**
     * PatchGAN with instance norm, 4×4 convolutions all with bias: 3→64 3,136; 64→128 131,200;
     * 128→256 524,544; stride-1 256→512 2,097,664; 512→1 8,193.
     */
    @Test
    void discriminatorHandCounts() {
        assertEquals(3_136 + 131_200 + 524_544 + 2_097_664 + 8_193, 2_764_737);
        assertEquals(2_764_737, discriminator("n_layers", "{}", 3));
        assertEquals(2_764_737, discriminator("n_layers", "{\"n_layers\": 3}", 3));
        // n_layers 2: 3,136 + 131,200, then stride 1 128→256 524,544, then 256→1 4,097.
        assertEquals(3_136 + 131_200 + 524_544 + 4_097, discriminator("n_layers", "{\"n_layers\": 2}", 3));
        // n_layers 4: basic's first three, 256→512 stride 2 2,097,664, stride 1 512→512 (channels capped at 8·ndf) 4,194,816, 512→1.
        assertEquals(3_136 + 131_200 + 524_544 + 2_097_664 + 4_194_816 + 8_193, discriminator("n_layers", "{\"n_layers\": 4}", 3));
        // Batch norm: 128 + 256 + 512 biases go, 2·(128 + 256 + 512) come; the first and last convolutions keep theirs.
        assertEquals(2_764_737 + 896, discriminator("basic", "{\"norm\": \"batch\"}", 3));
        // pix2pix's conditional D on 1→1 images sees 2 channels: 2·64·16 instead of 3·64·16.
        assertEquals(2_764_737 - 1_024, discriminator("basic", "{}", 2));
        // Pixel, instance: 1×1 3→64 + bias 256; 64→128 + bias 8,320; 128→1 + bias 129.
        assertEquals(256 + 8_320 + 129, discriminator("pixel", "{}", 3));
        // Pixel, batch: the last two convolutions lose their biases (−129), BN adds 256.
        assertEquals(256 + 8_192 + 256 + 128, discriminator("pixel", "{\"norm\": \"batch\"}", 3));
        assertEquals(128 + 8_320 + 129, discriminator("pixel", "{}", 1));
    }

    @Test
    void inputShapesSizeMultiplesAndMinimums() {
        NetworkSpec resnet = NetworkSpec.of("resnet_6blocks", null, 1, 3, NetworkRole.GENERATOR);
        assertArrayEquals(new Shape[] {new Shape(2, 1, 256, 256)}, NetworkFactory.inputShapes(resnet, 2));
        assertArrayEquals(new Shape[] {new Shape(2, 1, 36, 36)}, NetworkFactory.inputShapes(resnet, 2, 36));
        assertEquals(4, NetworkFactory.sizeMultiple(resnet));
        assertEquals(8, NetworkFactory.minimumSize(resnet));
        NetworkSpec unet128 = NetworkSpec.of("unet_128", null, 3, 3, NetworkRole.GENERATOR);
        NetworkSpec unet256 = NetworkSpec.of("unet_256", null, 3, 3, NetworkRole.GENERATOR);
        assertEquals(128, NetworkFactory.sizeMultiple(unet128));
        assertEquals(256, NetworkFactory.sizeMultiple(unet256));
        assertArrayEquals(new Shape[] {new Shape(1, 3, 256, 256)}, NetworkFactory.inputShapes(unet128, 1));
        assertArrayEquals(new Shape[] {new Shape(1, 3, 512, 512)}, NetworkFactory.inputShapes(unet256, 1, 512));
        NetworkSpec basic = NetworkSpec.of("basic", null, 6, 1, NetworkRole.DISCRIMINATOR);
        assertEquals(1, NetworkFactory.sizeMultiple(basic));
        assertEquals(24, NetworkFactory.minimumSize(basic));
        assertArrayEquals(new Shape[] {new Shape(4, 6, 70, 70)}, NetworkFactory.inputShapes(basic, 4, 70));
        NetworkSpec deep = NetworkSpec.of("n_layers", json("{\"n_layers\": 7}"), 1, 1, NetworkRole.DISCRIMINATOR);
        assertEquals(384, NetworkFactory.minimumSize(deep));
        assertArrayEquals(new Shape[] {new Shape(1, 1, 384, 384)}, NetworkFactory.inputShapes(deep, 1), "the default grows to the minimum");
        NetworkSpec pixel = NetworkSpec.of("pixel", null, 1, 1, NetworkRole.DISCRIMINATOR);
        assertEquals(1, NetworkFactory.minimumSize(pixel));
        assertArrayEquals(new Shape[] {new Shape(1, 1, 5, 5)}, NetworkFactory.inputShapes(pixel, 1, 5));

        assertMessage(() -> NetworkFactory.inputShapes(resnet, 1, 34), "resnet_6blocks generator", "multiple of 4", "at least 8", "got 34");
        assertMessage(() -> NetworkFactory.inputShapes(resnet, 1, 4), "got 4");
        assertMessage(() -> NetworkFactory.inputShapes(unet256, 1, 128), "multiple of 256", "got 128");
        assertMessage(() -> NetworkFactory.inputShapes(basic, 1, 23), "at least 24", "got 23");
    }

    @Test
    void refusesWrongRolesChannelsAndOptions() {
        assertMessage(() -> NetworkFactory.build("resnet_9blocks", NetworkRole.DISCRIMINATOR, null, 3, 1),
                "resnet_9blocks has no discriminator network; roles: generator");
        assertMessage(() -> NetworkFactory.build("basic", NetworkRole.GENERATOR, null, 3, 3), "basic has no generator network");
        assertMessage(() -> NetworkFactory.inputShapes(NetworkSpec.of("pixel", null, 3, 3, NetworkRole.GENERATOR), 1),
                "pixel has no generator network");
        assertMessage(() -> NetworkFactory.build("pixel", NetworkRole.DISCRIMINATOR, null, 3, 2), "out_channels must be 1", "got 2");
        assertMessage(() -> NetworkFactory.build("unet_128", NetworkRole.GENERATOR, null, 0, 3), "channels must be at least 1");
        assertMessage(() -> NetworkFactory.build("unet_128", NetworkRole.GENERATOR, json("{\"norm\": \"layer\"}"), 3, 3),
                "unet_128 generator: option 'norm'", "instance, batch, none");
        assertMessage(() -> NetworkFactory.build("resnet_6blocks", NetworkRole.GENERATOR, json("{\"upsample\": \"bilinear\"}"), 3, 3),
                "option 'upsample'", "convtranspose, nearest");
        assertMessage(() -> NetworkFactory.build("resnet_6blocks", NetworkRole.GENERATOR, json("{\"use_dropout\": 1}"), 3, 3),
                "option 'use_dropout'", "true or false");
        assertMessage(() -> NetworkFactory.build("resnet_6blocks", NetworkRole.GENERATOR, json("{\"ndf\": 8}"), 3, 3),
                "unknown option 'ndf'", "ngf, norm, use_dropout, upsample");
        assertMessage(() -> NetworkFactory.build("basic", NetworkRole.DISCRIMINATOR, json("{\"n_layers\": 4}"), 3, 1),
                "basic discriminator: unknown option 'n_layers'");
        assertMessage(() -> NetworkFactory.build("n_layers", NetworkRole.DISCRIMINATOR, json("{\"n_layers\": 0}"), 3, 1),
                "option 'n_layers'", "at least 1");
        assertMessage(() -> NetworkFactory.build("n_layers", NetworkRole.DISCRIMINATOR, json("{\"n_layers\": 21}"), 3, 1),
                "option 'n_layers'", "at most 20");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }
}
