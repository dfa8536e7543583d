import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.engine.EngineInfo;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.train.GanModels;
import io.github.fijigan.core.train.SynthesisGan;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.core.train.TrainingStep;

/**
 * One training iteration of DCGAN-64 (nz=100, ngf=ndf=64, batch 64): generator forward, discriminator
 * step on real and fake, generator step through the discriminator, both Adam updates. Median of
 * RUNS iterations after WARMUP, on the engine's default device with intra-op threads = cores.
 * Run with bench/run.sh gan.
 */
public class GanIterationBench {

    static final int WARMUP = Integer.getInteger("warmup", 3), RUNS = Integer.getInteger("runs", 7);
    static final int BATCH = Integer.getInteger("batch", 64);

    public static void main(String[] args) {
        int cores = Runtime.getRuntime().availableProcessors();
        EngineInfo engine = EngineStarter.start(EngineOptions.defaults().withIntraOpThreads(cores));
        System.out.printf(Locale.ROOT, "DCGAN-64 training iteration, batch %d, median of %d after %d warm-up; %s%n", BATCH, RUNS,
                WARMUP, engine.describe().replace('\n', ' '));
        System.out.printf(Locale.ROOT, "%-34s %10s %12s%n", "case", "ms/iter", "images/s");
        for (String kind : new String[] {"dcgan", "wgangp", "sngan"}) {
            for (int channels : new int[] {1, 3}) {
                if (!kind.equals("dcgan") && channels == 1) {
                    continue;
                }
                run(kind, channels, engine);
            }
        }
    }

    static void run(String kind, int channels, EngineInfo engine) {
        TrainConfig config = TrainConfig.defaults(ModelKind.fromId(kind).orElseThrow()).with("image_size", 64).with("n_critic", 1);
        try (NDManager manager = NDManager.newBaseManager(engine.device())) {
            SynthesisGan model = GanModels.create(config, channels, 0, manager);
            SplittableRandom random = new SplittableRandom(1);
            float[] pixels = new float[BATCH * channels * 64 * 64];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) (2 * random.nextDouble() - 1);
            }
            double[] ms = new double[RUNS];
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long t0 = System.nanoTime();
                try (NDScope scope = new NDScope(); NDManager step = manager.newSubManager()) {
                    scope.suppressNotUsedWarning();
                    NDArray images = step.create(pixels, new Shape(BATCH, channels, 64, 64));
                    model.setInput(new ImageBatch(images, null));
                    model.optimizeParameters(new TrainingStep(1, 0, i, i));
                    model.currentLosses(); // waits for the step, like the trainer does
                }
                if (i >= WARMUP) {
                    ms[i - WARMUP] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(ms);
            double median = ms[RUNS / 2];
            System.out.printf(Locale.ROOT, "%-34s %10.1f %12.1f%n", kind + ", " + channels + " channel(s)", median,
                    BATCH / (median / 1000));
        }
    }
}
