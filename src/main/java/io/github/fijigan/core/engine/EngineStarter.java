package io.github.fijigan.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Starts DJL's PyTorch engine explicitly, so that a missing or mismatched native library shows up
 * as one clear error at a known moment rather than deep inside the first tensor operation.
 *
 * <p>Starting keeps DJL offline unless the user decided otherwise (the native library travels as
 * a jar, so there is nothing to download), applies the thread counts, and resolves the device.
 * It may be called more than once; the engine loads only the first time.
 *
 * <pre>{@code
 * EngineInfo info = EngineStarter.start(EngineOptions.defaults().withIntraOpThreads(4));
 * System.out.print(info.describe());
 * try (NDManager manager = NDManager.newBaseManager(info.device(), info.engineName())) {
 *     NDArray ones = manager.ones(new Shape(2, 2));
 * }
 * }</pre>
 */
public final class EngineStarter {

    /** DJL's name for the engine this project uses. */
    public static final String ENGINE_NAME = "PyTorch";

    /** System property DJL reads to stay off the network. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private static final String OFFLINE_ENV = "DJL_OFFLINE";

    private EngineStarter() {}

    /**
     * Loads the engine if needed and applies the options.
     *
     * @param options device and thread counts
     * @return what was loaded and set
     * @throws EngineStartException if the native library cannot be loaded
     * @throws IllegalArgumentException if the device asked for does not exist on this machine
     */
    public static synchronized EngineInfo start(EngineOptions options) {
        Objects.requireNonNull(options, "options");
        keepOfflineUnlessUserChose();
        boolean offline = Utils.isOfflineMode();
        Engine engine = load(offline);

        // Inter-op threads first: PyTorch refuses to change them once parallel work has begun.
        List<String> warnings = new ArrayList<>();
        setInterOpThreads(options.interOpThreads(), warnings);
        if (options.intraOpThreads() > 0) {
            JniUtils.setNumThreads(options.intraOpThreads());
        }

        int gpuCount = engine.getGpuCount();
        Device device = options.device().resolve(gpuCount);
        String libraryPath = LibUtils.getLibtorchPath();
        return new EngineInfo(
                engine.getEngineName(),
                engine.getVersion(),
                Engine.getDjlVersion(),
                libraryPath,
                NativeFlavor.detect(libraryPath),
                gpuCount,
                Arrays.asList(engine.getDevices()),
                device,
                JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(),
                offline,
                warnings);
    }

    /** Respects a choice made either way through the property or DJL's environment variable. */
    private static void keepOfflineUnlessUserChose() {
        if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv(OFFLINE_ENV) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
    }

    private static Engine load(boolean offline) {
        try {
            return Engine.getEngine(ENGINE_NAME);
        } catch (EngineException | LinkageError | IllegalStateException
                | IllegalArgumentException e) {
            // LinkageError covers UnsatisfiedLinkError (bad or missing .so); DJL's LibUtils
            // throws IllegalStateException when the native files cannot be found or extracted;
            // IllegalArgumentException is Engine.getEngine's way of saying the pytorch-engine
            // jar is not on the class path.
            throw EngineStartException.loadFailed(e, offline);
        }
    }

    private static void setInterOpThreads(int requested, List<String> warnings) {
        if (requested == 0 || requested == JniUtils.getNumInteropThreads()) {
            return;
        }
        try {
            JniUtils.setNumInteropThreads(requested);
        } catch (EngineException e) {
            warnings.add("inter-op threads stay at " + JniUtils.getNumInteropThreads()
                    + " (asked for " + requested + "): PyTorch sets them once per process,"
                    + " before any parallel work. Start a new process to change them.");
        }
    }
}
