package io.github.fijigan.core.engine;

import java.util.Objects;

/**
 * How to start the engine: which device, and how many threads PyTorch may use.
 *
 * <p>A thread count of 0 keeps PyTorch's own choice (usually one intra-op thread per core).
 *
 * <pre>{@code
 * EngineOptions options = EngineOptions.defaults()
 *         .withDevice(DeviceSpec.parse("gpu:0"))
 *         .withIntraOpThreads(4);
 * }</pre>
 *
 * @param device the device asked for
 * @param intraOpThreads threads inside one operation (e.g. a convolution); 0 = engine default
 * @param interOpThreads threads running independent operations at once; 0 = engine default
 */
public record EngineOptions(DeviceSpec device, int intraOpThreads, int interOpThreads) {

    /**
     * @throws NullPointerException if {@code device} is null
     * @throws IllegalArgumentException if a thread count is negative
     */
    public EngineOptions {
        Objects.requireNonNull(device, "device");
        requireNotNegative("intraOpThreads", intraOpThreads);
        requireNotNegative("interOpThreads", interOpThreads);
    }

    /** @return device {@code auto}, engine-default thread counts */
    public static EngineOptions defaults() {
        return new EngineOptions(DeviceSpec.auto(), 0, 0);
    }

    /**
     * @param newDevice the device asked for
     * @return a copy with that device
     */
    public EngineOptions withDevice(DeviceSpec newDevice) {
        return new EngineOptions(newDevice, intraOpThreads, interOpThreads);
    }

    /**
     * @param threads intra-op threads, 0 = engine default
     * @return a copy with that count
     */
    public EngineOptions withIntraOpThreads(int threads) {
        return new EngineOptions(device, threads, interOpThreads);
    }

    /**
     * @param threads inter-op threads, 0 = engine default
     * @return a copy with that count
     */
    public EngineOptions withInterOpThreads(int threads) {
        return new EngineOptions(device, intraOpThreads, threads);
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    name + " must be 0 (engine default) or more, got " + value);
        }
    }
}
