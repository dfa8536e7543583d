package io.github.fijigan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConvTranspose2dTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** kernel, stride, padding, output padding, height, width: DCGAN's layers, "full" and odd geometries, 1×1 inputs. */
    static Stream<Arguments> geometries() {
        return Stream.of(
                Arguments.of(4, 2, 1, 0, 3, 5),
                Arguments.of(4, 1, 0, 0, 1, 1),
                Arguments.of(4, 1, 0, 0, 2, 3),
                Arguments.of(3, 1, 1, 0, 4, 4),
                Arguments.of(3, 2, 0, 0, 2, 3),
                Arguments.of(3, 2, 1, 0, 3, 3),
                Arguments.of(5, 2, 2, 0, 3, 4),
                Arguments.of(5, 3, 1, 0, 2, 2),
                Arguments.of(3, 3, 0, 0, 2, 2),
                Arguments.of(4, 4, 0, 0, 2, 1),
                Arguments.of(2, 2, 0, 0, 3, 3),
                Arguments.of(1, 1, 0, 0, 3, 2),
                Arguments.of(6, 2, 2, 0, 3, 3),
                Arguments.of(7, 3, 3, 0, 2, 2),
                Arguments.of(4, 2, 1, 0, 1, 1),
                Arguments.of(3, 1, 1, 0, 1, 1),
                Arguments.of(4, 2, 1, 0, 1, 3),
                // Output padding: CycleGAN's kernel 3, stride 2, padding 1, output padding 1 (on 1×1 too), more than the padding, stride 3.
                Arguments.of(3, 2, 1, 1, 3, 4),
                Arguments.of(3, 2, 1, 1, 1, 1),
                Arguments.of(4, 2, 0, 1, 2, 3),
                Arguments.of(3, 2, 0, 1, 1, 2),
                Arguments.of(5, 3, 1, 2, 2, 3));
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void matchesThePixelByPixelDefinition(int k, int s, int p, int op, int h, int w) {
        int n = 2, in = 3, out = 2;
        double[] x = Arrays4.normal(1, n * in * h * w);
        double[] weight = Arrays4.normal(2, in * out * k * k);
        double[] bias = Arrays4.normal(3, out);
        double[] expected = Arrays4.convTranspose(x, n, in, h, w, weight, out, k, bias, s, p, op);
        try (NDManager step = manager.newSubManager()) {
            NDArray y = ConvTranspose2d.convTranspose2d(Arrays4.float64(step, x, new Shape(n, in, h, w)),
                    Arrays4.float64(step, weight, new Shape(in, out, k, k)), Arrays4.float64(step, bias, new Shape(out)), s, p, op);
            int oh = (h - 1) * s - 2 * p + k + op, ow = (w - 1) * s - 2 * p + k + op;
            assertEquals(new Shape(n, out, oh, ow), y.getShape());
            assertEquals(0, Arrays4.maxAbsDiff(expected, y.toDoubleArray()), 1e-12);
        }
    }

    /** {@code convT_W} with weight {@code W (in, out, k, k)} is the adjoint of {@code conv2d} with the same {@code W} read as (out_conv = in, in_conv = out, k, k). */
    @ParameterizedTest
    @MethodSource("geometries")
    void isTheAdjointOfConvolution(int k, int s, int p, int op, int h, int w) {
        int n = 2, in = 3, out = 4;
        int oh = (h - 1) * s - 2 * p + k + op, ow = (w - 1) * s - 2 * p + k + op;
        try (NDManager step = manager.newSubManager()) {
            NDArray x = Arrays4.float64(step, Arrays4.normal(11, n * in * h * w), new Shape(n, in, h, w));
            NDArray z = Arrays4.float64(step, Arrays4.normal(12, n * out * oh * ow), new Shape(n, out, oh, ow));
            NDArray weight = Arrays4.float64(step, Arrays4.normal(13, in * out * k * k), new Shape(in, out, k, k));
            NDArray forward = ConvTranspose2d.convTranspose2d(x, weight, null, s, p, op);
            NDArray back = Conv2d.conv2d(z, weight, null, new Shape(s, s), new Shape(p, p), new Shape(1, 1), 1).head();
            assertEquals(x.getShape(), back.getShape(), "conv of the output size gives the input size back");
            double left = forward.mul(z).sum().getDouble();
            double right = x.mul(back).sum().getDouble();
            assertEquals(right, left, 1e-12 * Math.max(1, Math.abs(right)));
        }
    }

    /** x = [[1, 2], [3, 4]], W = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], stride 2: four copies of W scaled by x, overlap-added. */
    @Test
    void handComputedStride2Kernel3() {
        double[] x = {1, 2, 3, 4};
        double[] w = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        // Row 2, column 2 gets 9 (from 1·W) + 14 (2·W) + 9 (3·W) + 4 (4·W) = 36.
        double[] full = {
            1, 2, 5, 4, 6,
            4, 5, 14, 10, 12,
            10, 14, 36, 24, 30,
            12, 15, 34, 20, 24,
            21, 24, 55, 32, 36};
        double[] cropped = {5, 14, 10, 14, 36, 24, 15, 34, 20};
        NDArray xs = Arrays4.float64(manager, x, new Shape(1, 1, 2, 2));
        NDArray ws = Arrays4.float64(manager, w, new Shape(1, 1, 3, 3));
        assertArrayEquals(full, ConvTranspose2d.convTranspose2d(xs, ws, null, 2, 0).toDoubleArray(), 1e-12);
        assertArrayEquals(cropped, ConvTranspose2d.convTranspose2d(xs, ws, null, 2, 1).toDoubleArray(), 1e-12);
    }

    /** A 1×1 input of 2 with W = 1..16 (4×4), stride 2, padding 1: 2·W[1:3, 1:3] plus the bias 0.5. */
    @Test
    void handComputedSinglePixelKernel4() {
        double[] w = new double[16];
        for (int i = 0; i < 16; i++) {
            w[i] = i + 1;
        }
        NDArray y = ConvTranspose2d.convTranspose2d(Arrays4.float64(manager, new double[] {2}, new Shape(1, 1, 1, 1)),
                Arrays4.float64(manager, w, new Shape(1, 1, 4, 4)), Arrays4.float64(manager, new double[] {0.5}, new Shape(1)), 2, 1);
        assertArrayEquals(new double[] {12.5, 14.5, 20.5, 22.5}, y.toDoubleArray(), 1e-12);
    }

    @Test
    void blockHasPyTorchsParametersAndShapes() {
        ConvTranspose2d up = new ConvTranspose2d(6, 5, 4, 2, 1, true);
        up.initialize(manager, DataType.FLOAT32, new Shape(2, 6, 3, 7));
        assertEquals(new Shape(6, 5, 4, 4), up.getParameters().get("weight").getArray().getShape());
        assertEquals(new Shape(5), up.getParameters().get("bias").getArray().getShape());
        assertEquals(6 * 5 * 16 + 5, up.getParameters().values().stream().mapToLong(q -> q.getShape().size()).sum());
        assertEquals(new Shape(2, 5, 6, 14), up.getOutputShapes(new Shape[] {new Shape(2, 6, 3, 7)})[0]);
        assertEquals(new Shape(2, 5, 4, 4), new ConvTranspose2d(6, 5, 4, 1, 0, false)
                .getOutputShapes(new Shape[] {new Shape(2, 6, 1, 1)})[0]);
        assertEquals(1, new ConvTranspose2d(6, 5, 4, 1, 0, false).getParameters().size(), "no bias parameter when bias is off");
        assertEquals(new Shape(2, 5, 6, 14), new ConvTranspose2d(6, 5, 3, 2, 1, 1, true)
                .getOutputShapes(new Shape[] {new Shape(2, 6, 3, 7)})[0], "kernel 3, stride 2, padding 1, output padding 1 doubles");
    }

    /** The phase decomposition does PyTorch's in·out·k²·H·W multiply-adds for the up-sampling layers and 1×1 inputs. */
    @Test
    void multiplyAddsMatchPyTorchs() {
        assertEquals(512L * 256 * 16 * 4 * 4, new ConvTranspose2d(512, 256, 4, 2, 1, false).multiplyAdds(4, 4));
        assertEquals(100L * 512 * 16, new ConvTranspose2d(100, 512, 4, 1, 0, false).multiplyAdds(1, 1));
        assertEquals(8L * 8 * 9 * 5 * 7, new ConvTranspose2d(8, 8, 3, 1, 1, false).multiplyAdds(5, 7));
        // CycleGAN's up-sampling (kernel 3, stride 2, padding 1, output padding 1): phases of 1 and 2 taps, H rows each.
        assertEquals(256L * 128 * 9 * 16 * 16, new ConvTranspose2d(256, 128, 3, 2, 1, 1, true).multiplyAdds(16, 16));
        // A "full" stride-1 convolution on 2×2 pays for the zero border: 5 outputs × 4 taps per axis, not 2 × 4.
        assertEquals(2L * 3 * 20 * 20, new ConvTranspose2d(2, 3, 4, 1, 0, false).multiplyAdds(2, 2));
    }

    /** Gradients of L = Σ convT(x)·z: dL/dW by the definition, dL/dx = conv2d(z, W) (the adjoint), dL/db = Σ z. */
    @ParameterizedTest
    @MethodSource("geometries")
    void gradientsFlowToWeightBiasAndInput(int k, int s, int p, int op, int h, int w) {
        int n = 2, in = 3, out = 2;
        int oh = (h - 1) * s - 2 * p + k + op, ow = (w - 1) * s - 2 * p + k + op;
        double[] xv = Arrays4.normal(21, n * in * h * w);
        double[] zv = Arrays4.normal(22, n * out * oh * ow);
        double[] wv = Arrays4.normal(23, in * out * k * k);
        ConvTranspose2d block = new ConvTranspose2d(in, out, k, s, p, op, true);
        block.initialize(manager, DataType.FLOAT32, new Shape(n, in, h, w));
        Parameter weight = block.getParameters().get("weight");
        weight.getArray().set(Arrays4.float32(manager, wv, weight.getShape()).toFloatArray());
        try (NDManager step = manager.newSubManager()) {
            NDArray x = Arrays4.float32(step, xv, new Shape(n, in, h, w));
            x.setRequiresGradient(true);
            NDArray z = Arrays4.float32(step, zv, new Shape(n, out, oh, ow));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = block.forward(new ParameterStore(step, false), new NDList(x), true).head();
                collector.backward(y.mul(z).sum());
            }
            double[] expectedWeightGrad = new double[wv.length];
            // dL/dW[c,o,ky,kx] = Σ x[b,c,i,j] z[b,o,i*s-p+ky,j*s-p+kx]: the definition with x and z as the two factors.
            for (int c = 0; c < in; c++) {
                for (int o = 0; o < out; o++) {
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            double sum = 0;
                            for (int b = 0; b < n; b++) {
                                for (int i = 0; i < h; i++) {
                                    for (int j = 0; j < w; j++) {
                                        int yy = i * s - p + ky, xx = j * s - p + kx;
                                        if (yy >= 0 && yy < oh && xx >= 0 && xx < ow) {
                                            sum += xv[((b * in + c) * h + i) * w + j] * zv[((b * out + o) * oh + yy) * ow + xx];
                                        }
                                    }
                                }
                            }
                            expectedWeightGrad[((c * out + o) * k + ky) * k + kx] = sum;
                        }
                    }
                }
            }
            try (NDArray g = weight.getArray().getGradient()) {
                assertEquals(0, Arrays4.maxAbsDiff(expectedWeightGrad, Arrays4.doubles(g)), 1e-4);
            }
            try (NDArray g = block.getParameters().get("bias").getArray().getGradient()) {
                double[] expectedBias = new double[out];
                for (int i = 0; i < zv.length; i++) {
                    expectedBias[(i / (oh * ow)) % out] += zv[i];
                }
                assertEquals(0, Arrays4.maxAbsDiff(expectedBias, Arrays4.doubles(g)), 1e-4);
            }
            try (NDArray g = x.getGradient();
                    NDArray adjoint = Conv2d.conv2d(z, weight.getArray(), null, new Shape(s, s), new Shape(p, p), new Shape(1, 1), 1)
                            .head()) {
                assertEquals(0, Arrays4.maxAbsDiff(Arrays4.doubles(adjoint), Arrays4.doubles(g)), 1e-4);
            }
        }
    }

    @Test
    void forwardDoesNotLeakIntoTheParameterManager() {
        ConvTranspose2d block = new ConvTranspose2d(2, 2, 4, 2, 1, true);
        try (NDManager model = manager.newSubManager()) {
            block.initialize(model, DataType.FLOAT32, new Shape(1, 2, 3, 3));
            int before = model.getManagedArrays().size();
            try (NDManager step = manager.newSubManager()) {
                for (Shape shape : new Shape[] {new Shape(1, 2, 3, 3), new Shape(1, 2, 1, 1)}) {
                    NDArray x = step.ones(shape);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(block.forward(new ParameterStore(step, false), new NDList(x), true).head().sum());
                    }
                }
            }
            assertEquals(before, model.getManagedArrays().size(), "temporaries made from the weight are closed");
        }
    }

    @Test
    void refusesWhatItCannotDo() {
        IllegalArgumentException holes = assertThrows(IllegalArgumentException.class, () -> new ConvTranspose2d(1, 1, 2, 3, 0, false));
        assertTrue(holes.getMessage().contains("kernel 2 < stride 3"), holes.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2d(1, 1, 3, 1, 2, false).getOutputShapes(new Shape[] {new Shape(1, 1, 1, 1)}));
        assertTrue(empty.getMessage().contains("gives no output"), empty.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2d(3, 1, 4, 2, 1, false).getOutputShapes(new Shape[] {new Shape(1, 2, 4, 4)}));
        assertTrue(channels.getMessage().contains("expects 3 input channels, got 2"), channels.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConvTranspose2d(1, 1, 3, 1, -1, false));
        IllegalArgumentException outputPadding = assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2d(1, 1, 3, 2, 1, 2, false));
        assertTrue(outputPadding.getMessage().contains("smaller than the stride 2") && outputPadding.getMessage().contains("got 2"),
                outputPadding.getMessage());
    }
}
