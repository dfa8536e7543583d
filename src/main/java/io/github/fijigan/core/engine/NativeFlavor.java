package io.github.fijigan.core.engine;

import ai.djl.util.Platform;
import ai.djl.util.Utils;

import java.nio.file.Path;

/**
 * Works out which native build (cpu, cu128, …) DJL loaded. DJL keeps that in a private field, so
 * this reads it back from where DJL leaves traces: the cache folder it extracted the library
 * into is named {@code <version>-<flavor>-<classifier>}.
 */
final class NativeFlavor {

    private NativeFlavor() {}

    /**
     * @param libtorchPath the folder DJL loaded libtorch from
     * @return the flavor, e.g. {@code cpu} or {@code cu128}
     */
    static String detect(String libtorchPath) {
        Platform platform = Platform.detectPlatform("pytorch");
        Path name = Path.of(libtorchPath).getFileName();
        String fromFolder = name == null ? null
                : fromCacheFolder(name.toString(), platform.getVersion(), platform.getClassifier());
        if (fromFolder != null) {
            return fromFolder;
        }
        // A library found through PYTORCH_LIBRARY_PATH lives in a folder of the user's choosing;
        // DJL then picks its JNI by PYTORCH_FLAVOR.
        String configured = Utils.getEnvOrSystemProperty("PYTORCH_FLAVOR");
        return configured != null ? configured : platform.getFlavor();
    }

    /**
     * @param folderName e.g. {@code 2.7.1-20250812-cpu-linux-x86_64}
     * @param version the platform version, e.g. {@code 2.7.1-20250812}
     * @param classifier e.g. {@code linux-x86_64}
     * @return the flavor between version and classifier, or null if the name is not of that form
     */
    static String fromCacheFolder(String folderName, String version, String classifier) {
        String prefix = version + '-';
        String suffix = '-' + classifier;
        if (folderName.length() > prefix.length() + suffix.length()
                && folderName.startsWith(prefix) && folderName.endsWith(suffix)) {
            return folderName.substring(prefix.length(), folderName.length() - suffix.length());
        }
        return null;
    }
}
