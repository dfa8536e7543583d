package io.github.fijigan.core.engine;

import ai.djl.Device;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device a user asked for, before the engine is known: {@code auto}, {@code cpu},
 * {@code gpu} (the first GPU) or {@code gpu:N}.
 *
 * <p>Parsing is separate from resolving because the text comes from dialogs, macros and command
 * lines long before DJL has counted the GPUs; {@link #resolve(int)} then turns it into a DJL
 * {@link Device} or explains why it cannot.
 *
 * <pre>{@code
 * DeviceSpec spec = DeviceSpec.parse("gpu:1");
 * Device device = spec.resolve(engine.getGpuCount());
 * }</pre>
 */
public final class DeviceSpec {

    /** What kind of device was asked for. */
    public enum Kind {
        /** The first GPU if there is one, else the CPU. */
        AUTO,
        /** The CPU. */
        CPU,
        /** One GPU, by index. */
        GPU
    }

    /** The forms {@link #parse(String)} accepts, for messages. */
    public static final String ACCEPTED_FORMS = "auto, cpu, gpu or gpu:N (N = 0, 1, … the GPU index)";

    private static final Pattern GPU_INDEX = Pattern.compile("gpu:(\\d{1,9})");
    private static final DeviceSpec AUTO = new DeviceSpec(Kind.AUTO, -1);
    private static final DeviceSpec CPU = new DeviceSpec(Kind.CPU, -1);

    private final Kind kind;
    private final int gpuIndex;

    private DeviceSpec(Kind kind, int gpuIndex) {
        this.kind = kind;
        this.gpuIndex = gpuIndex;
    }

    /** @return the first GPU when DJL sees one, else the CPU */
    public static DeviceSpec auto() {
        return AUTO;
    }

    /** @return the CPU */
    public static DeviceSpec cpu() {
        return CPU;
    }

    /**
     * @param index GPU index, 0 for the first
     * @return that GPU
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public static DeviceSpec gpu(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("GPU index must be 0 or more, got " + index);
        }
        return new DeviceSpec(Kind.GPU, index);
    }

    /**
     * Reads a device as users write it; case and surrounding blanks do not matter.
     *
     * @param text {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} with N ≥ 0
     * @return the device asked for
     * @throws IllegalArgumentException naming the value and the accepted forms, for anything else
     */
    public static DeviceSpec parse(String text) {
        if (text == null) {
            throw refused("null");
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "auto":
                return AUTO;
            case "cpu":
                return CPU;
            case "gpu":
                return gpu(0);
            default:
                Matcher m = GPU_INDEX.matcher(value);
                if (m.matches()) {
                    return gpu(Integer.parseInt(m.group(1)));
                }
                throw refused('"' + text + '"');
        }
    }

    private static IllegalArgumentException refused(String shown) {
        return new IllegalArgumentException(
                "Unknown device " + shown + ": use " + ACCEPTED_FORMS);
    }

    /** @return what kind of device was asked for */
    public Kind kind() {
        return kind;
    }

    /** @return the GPU index for {@link Kind#GPU}, empty otherwise */
    public OptionalInt gpuIndex() {
        return kind == Kind.GPU ? OptionalInt.of(gpuIndex) : OptionalInt.empty();
    }

    /**
     * Picks the DJL device on a machine where DJL sees {@code gpuCount} GPUs.
     *
     * @param gpuCount GPUs the engine can use (0 for a CPU build of PyTorch)
     * @return the device to compute on
     * @throws IllegalArgumentException if a GPU index at or past {@code gpuCount} was asked for
     */
    public Device resolve(int gpuCount) {
        if (gpuCount < 0) {
            throw new IllegalArgumentException("GPU count must be 0 or more, got " + gpuCount);
        }
        switch (kind) {
            case AUTO:
                return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
            case CPU:
                return Device.cpu();
            default:
                if (gpuIndex >= gpuCount) {
                    throw new IllegalArgumentException(this + " requested but DJL sees "
                            + gpuCount + " GPU(s)" + (gpuCount > 0
                                    ? "; valid indices are 0 to " + (gpuCount - 1)
                                    : "; this is a CPU-only PyTorch build or no CUDA driver is"
                                            + " present")
                            + ". Use auto or cpu instead.");
                }
                return Device.gpu(gpuIndex);
        }
    }

    /** @return the canonical text form, which {@link #parse(String)} reads back */
    @Override
    public String toString() {
        return kind == Kind.GPU ? "gpu:" + gpuIndex : kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceSpec && ((DeviceSpec) o).kind == kind
                && ((DeviceSpec) o).gpuIndex == gpuIndex;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, gpuIndex);
    }
}
