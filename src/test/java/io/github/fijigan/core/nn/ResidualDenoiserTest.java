package io.github.fijigan.core.nn;

import static io.github.fijigan.core.nn.TranslationNetworksTest.assertMessage;
import static io.github.fijigan.core.nn.TranslationNetworksTest.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dncnn denoiser: shapes in 2D and 2.5D, the residual skip from the centre slice, its receptive field, its size and options. */
class ResidualDenoiserTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Block build(String options, int in, int out, Shape input) {
        Block block = NetworkFactory.build(NetworkSpec.of("dncnn", json(options), in, out, NetworkRole.GENERATOR));
        block.initialize(manager, DataType.FLOAT32, input);
        WeightInit.apply(block, "kaiming", 7);
        return block;
    }

    private NDArray forward(Block block, NDArray x) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
    }

    private NDArray random(long seed, Shape shape) {
        return Arrays4.float32(manager, Arrays4.normal(seed, shape), shape);
    }

    @Test
    void outputIsTheCentreSliceMinusTheBodysNoiseEstimate() {
        // 5 slices of an RGB volume: 15 channels in, the centre slice's 3 out, on a non-square image.
        Shape in = new Shape(2, 15, 13, 21);
        Block g = build("{\"ngf\": 4, \"layers\": 3}", 15, 3, in);
        NDArray x = random(1, in);
        NDArray y = forward(g, x);
        assertEquals(new Shape(2, 3, 13, 21), y.getShape());
        assertEquals(y.getShape(), g.getOutputShapes(new Shape[] {in})[0]);
        assertEquals(5, ((ResidualDenoiser) g).slices());
        NDArray noise = g.getChildren().get(0).getValue().forward(new ParameterStore(manager, false), new NDList(x), false)
                .singletonOrThrow();
        assertEquals(new Shape(2, 3, 13, 21), noise.getShape());
        assertTrue(noise.abs().max().getFloat() > 0.1f, "the body estimates something");
        NDArray centre = x.get(new NDIndex(":, 6:9"));
        assertArrayEquals(centre.sub(noise).toFloatArray(), y.toFloatArray(), 0f);
    }

    @Test
    void eachOutputPixelSeesTwiceTheLayersPlusOnePixels() {
        int layers = 3;
        Shape in = new Shape(1, 1, 24, 24);
        Block g = build("{\"ngf\": 4, \"layers\": " + layers + "}", 1, 1, in);
        assertEquals(7, ((ResidualDenoiser) g).receptiveField());
        float[] base = floats(Arrays4.normal(3, in));
        float[] changed = base.clone();
        changed[12 * 24 + 12] += 5;
        float[] y0 = forward(g, manager.create(base, in)).toFloatArray();
        float[] y1 = forward(g, manager.create(changed, in)).toFloatArray();
        int inside = 0;
        for (int r = 0; r < 24; r++) {
            for (int c = 0; c < 24; c++) {
                boolean differs = y0[r * 24 + c] != y1[r * 24 + c];
                boolean near = Math.abs(r - 12) <= layers && Math.abs(c - 12) <= layers;
                assertTrue(near || !differs, "pixel (" + r + ", " + c + ") changed, outside the receptive field");
                inside += differs ? 1 : 0;
            }
        }
        assertTrue(inside > 20, "the change reaches most of the 7x7 window, got " + inside + " pixels");
    }

    private static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    @Test
    void aTinyDenoiserHasAFewThousandParameters() {
        Block g = build("{\"ngf\": 16, \"layers\": 4}", 1, 1, new Shape(1, 1, 8, 8));
        // 1->16 (144 + 16), two 16->16 (2304 + 16 each), 16->1 (144 + 1)
        assertEquals(160 + 2 * 2320 + 145, NetworkFactory.trainableParameterCount(g));
        Block batch = build("{\"ngf\": 16, \"layers\": 4, \"norm\": \"batch\"}", 3, 1, new Shape(1, 3, 8, 8));
        // with batch norm the hidden convolutions lose their bias and each norm adds gamma and beta
        assertEquals(448 + 2 * (2304 + 32) + 145, NetworkFactory.trainableParameterCount(batch));
    }

    @Test
    void badChannelsLayersAndOptionsAreRefusedByName() {
        assertMessage(() -> NetworkFactory.build("dncnn", NetworkRole.GENERATOR, json("{}"), 2, 1), "in_channels (2)",
                "odd number of slices");
        assertMessage(() -> NetworkFactory.build("dncnn", NetworkRole.GENERATOR, json("{}"), 4, 3), "in_channels (4)");
        assertMessage(() -> NetworkFactory.build("dncnn", NetworkRole.GENERATOR, json("{\"layers\": 1}"), 1, 1), "option 'layers'",
                "at least 2");
        assertMessage(() -> NetworkFactory.build("dncnn", NetworkRole.GENERATOR, json("{\"depth\": 4}"), 1, 1), "unknown option 'depth'");
        assertMessage(() -> NetworkFactory.build("dncnn", NetworkRole.DISCRIMINATOR, json("{}"), 1, 1), "dncnn has no discriminator");
        Block g = build("{\"ngf\": 2, \"layers\": 2}", 3, 1, new Shape(1, 3, 8, 8));
        assertMessage(() -> forward(g, random(1, new Shape(1, 1, 8, 8))), "dncnn generator expects 3 input channels, got 1");
    }
}
