import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import ai.djl.Device;
import io.github.fijigan.core.engine.EngineInfo;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.metrics.Metric;
import io.github.fijigan.core.metrics.MetricImage;
import io.github.fijigan.core.metrics.MetricRegistry;
import io.github.fijigan.core.metrics.benefit.CnnClassifier;
import io.github.fijigan.core.metrics.benefit.LabelledImages;
import io.github.fijigan.core.metrics.synthetic.AutoencoderSpec;
import io.github.fijigan.core.metrics.synthetic.FrechetDistance;
import io.github.fijigan.core.metrics.synthetic.LatentAutoencoder;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Evaluation costs (bench/run.sh evaluation [SIZE]) at the sizes users meet:
 * <ul>
 *   <li>every full-reference metric on one SIZE² gray pair (default 2048², a smooth image and a
 *       noisy copy), median of 3 after 1 warm-up: ms and Mpixel/s;</li>
 *   <li>the synthetic-data evaluation's parts at the chest X-ray study's size: one epoch of the
 *       256² → 16×16×8 autoencoder on 64 images (batch 16), encoding 64 images, and the Fréchet
 *       distance between 300 and 300 latent vectors of 2048 values;</li>
 *   <li>the augmentation-benefit classifier (default options) for one epoch on 200 images of 64²,
 *       and its predictions on them.</li>
 * </ul>
 * Random data: the costs do not depend on the values.
 */
public class EvaluationBench {

    static final int RUNS = Integer.getInteger("runs", 3), WARMUP = Integer.getInteger("warmup", 1);

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int cores = Runtime.getRuntime().availableProcessors();
        EngineInfo engine = EngineStarter.start(EngineOptions.defaults().withIntraOpThreads(cores));
        System.out.printf(Locale.ROOT, "Evaluation, %s %s, %d cores, %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), cores, engine.device());
        metrics(size);
        synthetic(engine.device());
        classifier(engine.device());
    }

    static void metrics(int size) {
        SplittableRandom random = new SplittableRandom(1);
        float[] reference = new float[size * size];
        float[] test = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                reference[i] = (float) (128 + 60 * Math.sin(x / 37.0) * Math.cos(y / 23.0));
                test[i] = (float) Math.min(255, Math.max(0, reference[i] + 8 * random.nextGaussian()));
            }
        }
        MetricImage r = MetricImage.gray(reference, size, size);
        MetricImage t = MetricImage.gray(test, size, size);
        System.out.printf(Locale.ROOT, "%nFull-reference metrics, one %d² gray pair, median of %d after %d warm-up%n", size, RUNS, WARMUP);
        System.out.printf(Locale.ROOT, "%-14s %10s %12s %14s%n", "metric", "ms", "Mpixel/s", "value");
        for (Metric m : MetricRegistry.all()) {
            double[] value = new double[1];
            double ms = median(() -> value[0] = m.compute(r, t, 255));
            System.out.printf(Locale.ROOT, "%-14s %10.0f %12.1f %14.6g%n", m.name(), ms, (double) size * size / ms / 1e3, value[0]);
        }
    }

    static void synthetic(Device device) {
        AutoencoderSpec spec = AutoencoderSpec.of(256, 1);
        float[][] images = randomImages(64, 256 * 256, 2);
        System.out.printf(Locale.ROOT, "%nSynthetic-data evaluation, autoencoder %d → %d×%d×%d (%,d parameters)%n", spec.imageSize(),
                spec.latentSize(), spec.latentSize(), spec.latentChannels(), parameters(spec, device));
        try (LatentAutoencoder ae = LatentAutoencoder.create(spec, device, 1)) {
            LatentAutoencoder.Training one = new LatentAutoencoder.Training(1, 16, 1e-3, 1);
            ae.train(images, one, ProgressListener.NONE, new CancellationToken()); // warm-up
            long t0 = System.nanoTime();
            ae.train(images, one, ProgressListener.NONE, new CancellationToken());
            System.out.printf(Locale.ROOT, "%-48s %10.0f ms%n", "one training epoch, 64 images of 256², batch 16", (System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            ae.encode(images);
            System.out.printf(Locale.ROOT, "%-48s %10.0f ms%n", "encoding 64 images", (System.nanoTime() - t0) / 1e6);
        }
        double[][] real = randomVectors(300, spec.latentDimension(), 3);
        double[][] synthetic = randomVectors(300, spec.latentDimension(), 4);
        double ms = median(() -> FrechetDistance.between(real, synthetic));
        System.out.printf(Locale.ROOT, "%-48s %10.0f ms%n", "Fréchet distance, 300 vs 300 vectors of " + spec.latentDimension(), ms);
    }

    static void classifier(Device device) {
        CnnClassifier.Options options = CnnClassifier.Options.DEFAULT.withEpochs(1);
        int n = 200;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
        }
        LabelledImages data = new LabelledImages(Arrays.asList(randomImages(n, 64 * 64, 5)), labels, List.of("a", "b"), 1, 64);
        try (CnnClassifier cnn = CnnClassifier.create(1, 64, 2, options, 1, device)) {
            cnn.train(data, ProgressListener.NONE, new CancellationToken()); // warm-up
            long t0 = System.nanoTime();
            cnn.train(data, ProgressListener.NONE, new CancellationToken());
            System.out.printf(Locale.ROOT, "%nAugmentation-benefit classifier (width %d, depth %d, %,d parameters)%n", options.width(),
                    options.depth(), cnn.parameterCount());
            System.out.printf(Locale.ROOT, "%-48s %10.0f ms%n", "one epoch, 200 images of 64², batch " + options.batchSize(),
                    (System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            cnn.predict(data);
            System.out.printf(Locale.ROOT, "%-48s %10.0f ms%n", "predicting 200 images", (System.nanoTime() - t0) / 1e6);
        }
    }

    static long parameters(AutoencoderSpec spec, Device device) {
        try (LatentAutoencoder ae = LatentAutoencoder.create(spec, device, 0)) {
            return ae.parameterCount();
        }
    }

    static float[][] randomImages(int n, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] images = new float[n][length];
        for (float[] image : images) {
            for (int i = 0; i < length; i++) {
                image[i] = (float) (2 * random.nextDouble() - 1);
            }
        }
        return images;
    }

    static double[][] randomVectors(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] v = new double[n][d];
        for (double[] row : v) {
            for (int i = 0; i < d; i++) {
                row[i] = random.nextGaussian();
            }
        }
        return v;
    }

    static double median(Supplier<?> run) {
        for (int i = 0; i < WARMUP; i++) {
            run.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
