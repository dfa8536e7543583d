package io.github.fijigan.core.engine;

/**
 * The native build this project is compiled and tested against. Kept in one place so failure
 * messages tell users exactly what to install; {@code EngineStarterTest} fails when the pom's
 * versions move and these do not.
 */
final class NativeRequirements {

    static final String PYTORCH_VERSION = "2.7.1";
    static final String DJL_VERSION = "0.35.1";
    static final String FLAVOR = "cpu";
    static final String CLASSIFIER = "linux-x86_64";

    private NativeRequirements() {}

    /** @return what to install or set, as lines of advice */
    static String installAdvice() {
        return "Fiji GAN needs the " + FLAVOR + " build of PyTorch " + PYTORCH_VERSION
                + " through DJL " + DJL_VERSION + ". Either\n"
                + "  - put pytorch-native-" + FLAVOR + "-" + PYTORCH_VERSION + "-" + CLASSIFIER
                + ".jar and pytorch-jni-" + PYTORCH_VERSION + "-" + DJL_VERSION
                + ".jar on the class path (in Fiji: its jars/ folder;"
                + " on another system use that system's classifier, e.g. osx-aarch64 or"
                + " win-x86_64), or\n"
                + "  - set PYTORCH_LIBRARY_PATH to a folder holding libtorch " + PYTORCH_VERSION
                + " (for a CUDA build also set PYTORCH_FLAVOR, e.g. cu128, and PYTORCH_VERSION="
                + PYTORCH_VERSION + ").";
    }
}
