package io.github.fijigan.core.engine;

import ai.djl.Device;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link EngineStarter#start(EngineOptions)} found and set: the facts a user or a bug report
 * needs to know which PyTorch runs, from where, on which device.
 *
 * @param engineName DJL's engine name, {@code PyTorch}
 * @param engineVersion the libtorch version, e.g. {@code 2.7.1}
 * @param djlVersion the DJL version, e.g. {@code 0.35.1}
 * @param libraryPath the folder the native libtorch was loaded from
 * @param flavor the native build: {@code cpu}, or a CUDA build such as {@code cu128}
 * @param gpuCount GPUs the engine can use
 * @param devices every device the engine can use
 * @param device the device selected from the options
 * @param intraOpThreads intra-op threads as PyTorch reports them after setting
 * @param interOpThreads inter-op threads as PyTorch reports them after setting
 * @param offline whether DJL is kept from downloading anything
 * @param warnings settings that could not be applied, in words; empty when all went as asked
 */
public record EngineInfo(
        String engineName,
        String engineVersion,
        String djlVersion,
        String libraryPath,
        String flavor,
        int gpuCount,
        List<Device> devices,
        Device device,
        int intraOpThreads,
        int interOpThreads,
        boolean offline,
        List<String> warnings) {

    /** Copies the lists so the record stays immutable. */
    public EngineInfo {
        Objects.requireNonNull(engineName, "engineName");
        Objects.requireNonNull(device, "device");
        devices = List.copyOf(devices);
        warnings = List.copyOf(warnings);
    }

    /**
     * @return several lines, one fact each, for logs, {@code fiji-gan info} and bug reports
     */
    public String describe() {
        String deviceList = devices.stream().map(Device::toString).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder(400)
                .append("Engine:          ").append(engineName).append(' ').append(engineVersion)
                .append(" (").append(flavor).append(" build)\n")
                .append("DJL:             ").append(djlVersion).append('\n')
                .append("Native library:  ").append(libraryPath).append('\n')
                .append("GPUs:            ").append(gpuCount).append('\n')
                .append("Devices:         ").append(deviceList).append('\n')
                .append("Selected device: ").append(device).append('\n')
                .append("Threads:         ").append(intraOpThreads).append(" intra-op, ")
                .append(interOpThreads).append(" inter-op\n")
                .append("Offline:         ").append(offline ? "yes (no downloads)" : "no")
                .append('\n');
        for (String warning : warnings) {
            text.append("Warning:         ").append(warning).append('\n');
        }
        return text.toString();
    }
}
