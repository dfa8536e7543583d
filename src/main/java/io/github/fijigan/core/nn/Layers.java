package io.github.fijigan.core.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;

/** Parameters, convolutions and input checks shared by the layers, so that every layer words a bad input the same way. */
final class Layers {

    private Layers() {}

    /** @return a trainable weight named {@code weight} of the given shape, as the convolutions name theirs */
    static Parameter weight(Shape shape) {
        return Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).optShape(shape).build();
    }

    /** @return a trainable bias named {@code bias} with one value per output channel */
    static Parameter bias(long channels) {
        return Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).optShape(new Shape(channels)).build();
    }

    /** @return DJL's square convolution to {@code out} channels (the input channels come from the input shape) */
    static Conv2d conv2d(int out, int kernel, int stride, int padding, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding)).setFilters(out).optBias(bias).build();
    }

    /**
     * @throws IllegalArgumentException unless {@code shape} is {@code (N, channels, H, W)}
     */
    static void checkChannels(String layer, Shape shape, long channels) {
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(layer + " expects an input (N, C, H, W), got shape " + shape);
        }
        if (shape.get(1) != channels) {
            throw new IllegalArgumentException(layer + " expects " + channels + " input channels, got " + shape.get(1)
                    + " (input shape " + shape + ")");
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code shape} is {@code (N, C, H, W)}
     */
    static void checkImage(String layer, Shape shape) {
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(layer + " expects an input (N, C, H, W), got shape " + shape);
        }
    }
}
