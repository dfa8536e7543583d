package io.github.fijigan.core.nn;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Seeded test data and plain-Java reference arithmetic on flat row-major arrays. */
final class Arrays4 {

    private Arrays4() {}

    /** @return {@code size} standard normal values from {@code seed} */
    static double[] normal(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    static double[] normal(long seed, Shape shape) {
        return normal(seed, Math.toIntExact(shape.size()));
    }

    static NDArray float64(NDManager manager, double[] values, Shape shape) {
        return manager.create(values, shape);
    }

    static NDArray float32(NDManager manager, double[] values, Shape shape) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return manager.create(f, shape);
    }

    static double[] doubles(NDArray array) {
        return array.getDataType() == DataType.FLOAT64 ? array.toDoubleArray()
                : toDouble(array.toType(DataType.FLOAT32, false).toFloatArray());
    }

    static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " and " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /**
     * PyTorch's definition, pixel by pixel: {@code y[n,o,i*s-p+ky, j*s-p+kx] += x[n,c,i,j] * w[c,o,ky,kx]}.
     *
     * @return {@code (n, out, outH, outW)} flattened
     */
    static double[] convTranspose(double[] x, int n, int in, int h, int w, double[] weight, int out, int k, double[] bias,
            int s, int p) {
        return convTranspose(x, n, in, h, w, weight, out, k, bias, s, p, 0);
    }

    /** The same with PyTorch's {@code output_padding}: {@code op} more output rows and columns at the high end. */
    static double[] convTranspose(double[] x, int n, int in, int h, int w, double[] weight, int out, int k, double[] bias,
            int s, int p, int op) {
        int oh = (h - 1) * s - 2 * p + k + op;
        int ow = (w - 1) * s - 2 * p + k + op;
        double[] y = new double[n * out * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int yy = 0; yy < oh; yy++) {
                    for (int xx = 0; xx < ow; xx++) {
                        y[((b * out + o) * oh + yy) * ow + xx] = bias == null ? 0 : bias[o];
                    }
                }
                for (int c = 0; c < in; c++) {
                    for (int i = 0; i < h; i++) {
                        for (int j = 0; j < w; j++) {
                            double v = x[((b * in + c) * h + i) * w + j];
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int yy = i * s - p + ky;
                                    int xx = j * s - p + kx;
                                    if (yy >= 0 && yy < oh && xx >= 0 && xx < ow) {
                                        y[((b * out + o) * oh + yy) * ow + xx] += v * weight[((c * out + o) * k + ky) * k + kx];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }
}
