package io.github.fijigan.core.nn;

/**
 * How a transposed convolution along one axis splits into {@code stride} ordinary convolutions,
 * one per output phase (output index modulo the stride). Pure arithmetic, no arrays.
 *
 * <p>PyTorch's transposed convolution along one axis is {@code y[o] = sum x[i] w[k]} over {@code
 * o = i*s - p + k}. With {@code m = o + p = q*s + r}, the taps that reach {@code o} are {@code k =
 * r + s*t} and the inputs {@code i = q - t}: for a fixed remainder {@code r} this is an ordinary
 * correlation of {@code x} with the taps {@code r, r+s, ...} taken in reverse order. Output offset
 * {@code a} (output indices {@code a, a+s, a+2s, ...}) has remainder {@code (a + p) mod s} and
 * starts at {@code q0 = (a + p) div s}.
 */
final class PhasePlan {

    final int inSize;
    final int kernel;
    final int stride;
    final int padding;
    /** Extra outputs at the high end, as PyTorch's {@code output_padding}; smaller than the stride. */
    final int outputPadding;
    /** Output length: {@code (in - 1) * stride - 2 * padding + kernel + outputPadding}. */
    final int outSize;
    /** Outputs each phase computes: {@code ceil(outSize / stride)}; the interleaved result is cropped to {@code outSize}. */
    final int rows;
    /** Zeros added before the input, shared by all phases. */
    final int padLow;
    /** Zeros added after the input, shared by all phases. */
    final int padHigh;
    private final int[] taps;
    private final int[] tapStart;
    private final int[] windowStart;

    PhasePlan(int inSize, int kernel, int stride, int padding) {
        this(inSize, kernel, stride, padding, 0);
    }

    /**
     * With output padding the formula above simply runs on for {@code outputPadding} more outputs:
     * their taps meet real input pixels where there are any and the zero border otherwise, as in
     * PyTorch.
     */
    PhasePlan(int inSize, int kernel, int stride, int padding, int outputPadding) {
        checkGeometry(kernel, stride, padding, outputPadding);
        if (inSize < 1) {
            throw new IllegalArgumentException("transposed convolution input size must be at least 1, got " + inSize);
        }
        this.inSize = inSize;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.outSize = outputSize(inSize, kernel, stride, padding, outputPadding);
        if (outSize < 1) {
            throw new IllegalArgumentException("transposed convolution of size " + inSize + " with kernel " + kernel + ", stride "
                    + stride + ", padding " + padding + ", output padding " + outputPadding + " gives no output (size " + outSize
                    + "); use less padding");
        }
        this.rows = (outSize + stride - 1) / stride;
        taps = new int[stride];
        tapStart = new int[stride];
        int[] q0 = new int[stride];
        int low = 0;
        int high = 0;
        for (int a = 0; a < stride; a++) {
            int r = (a + padding) % stride;
            taps[a] = (kernel - r + stride - 1) / stride;
            // In the flipped kernel, tap r + s*(T-1) comes first; the rest follow every s.
            tapStart[a] = kernel - 1 - r - stride * (taps[a] - 1);
            q0[a] = (a + padding) / stride;
            low = Math.max(low, taps[a] - 1 - q0[a]);
            high = Math.max(high, q0[a] + rows - inSize);
        }
        padLow = low;
        padHigh = high;
        windowStart = new int[stride];
        for (int a = 0; a < stride; a++) {
            windowStart[a] = q0[a] - (taps[a] - 1) + padLow;
        }
    }

    /** @return PyTorch's output size, {@code (in - 1) * stride - 2 * padding + kernel + outputPadding} */
    static int outputSize(long inSize, int kernel, int stride, int padding, int outputPadding) {
        return Math.toIntExact((inSize - 1) * stride - 2L * padding + kernel + outputPadding);
    }

    /**
     * Refuses what the phase decomposition cannot do.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    static void checkGeometry(int kernel, int stride, int padding, int outputPadding) {
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("transposed convolution needs kernel >= 1, stride >= 1 and padding >= 0, got kernel "
                    + kernel + ", stride " + stride + ", padding " + padding);
        }
        if (kernel < stride) {
            throw new IllegalArgumentException("transposed convolution with kernel " + kernel + " < stride " + stride
                    + " is not supported: some output phases would get no kernel tap (the output would have holes)");
        }
        if (outputPadding < 0 || outputPadding >= stride) {
            throw new IllegalArgumentException("transposed convolution output padding must be at least 0 and smaller than the stride "
                    + stride + " (PyTorch's rule), got " + outputPadding);
        }
    }

    /** @return kernel taps of output offset {@code a} (at least 1 because kernel >= stride) */
    int taps(int a) {
        return taps[a];
    }

    /** @return first tap of offset {@code a} in the flipped kernel; the others follow every {@code stride} */
    int tapStart(int a) {
        return tapStart[a];
    }

    /** @return where offset {@code a}'s window starts in the padded input; it is {@code rows + taps(a) - 1} long */
    int windowStart(int a) {
        return windowStart[a];
    }

    /** @return multiply-adds per input and output channel pair along this axis, summed over phases */
    long multiplyAdds() {
        long sum = 0;
        for (int a = 0; a < stride; a++) {
            sum += (long) taps[a] * rows;
        }
        return sum;
    }
}
