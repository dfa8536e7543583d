package io.github.fijigan.core.job;

import ai.djl.pytorch.jni.JniUtils;
import io.github.fijigan.core.engine.DeviceSpec;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;

/**
 * Readies the thread a job runs on for DJL. PyTorch's grad mode (whether operations are recorded
 * for backpropagation) belongs to each thread, on by default, and DJL turns it off only on the
 * thread that loads the engine. A job may run anywhere (a Fiji command runs on a SciJava worker
 * thread), and with grad mode on there, every inference would record a graph it never uses; so a
 * job turns it off on its own thread first, as DJL's training code expects (a
 * {@code GradientCollector} turns it on for its step and back to what it was afterwards).
 *
 * <pre>{@code
 * public Result run(ProgressListener progress, CancellationToken cancel) {
 *     JobThread.prepare();
 *     ...
 * }
 * }</pre>
 */
public final class JobThread {

    private JobThread() {
    }

    /**
     * Loads the engine if needed and turns grad mode off on the calling thread.
     *
     * @throws io.github.fijigan.core.engine.EngineStartException when the native library cannot load
     */
    public static void prepare() {
        EngineStarter.start(EngineOptions.defaults().withDevice(DeviceSpec.cpu()));
        JniUtils.setGradMode(false);
    }
}
