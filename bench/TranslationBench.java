import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.BlockNetwork;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.infer.Translator;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.nn.NetworkFactory;
import io.github.fijigan.core.train.GanModels;
import io.github.fijigan.core.train.Network;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.core.train.TrainingStep;
import io.github.fijigan.core.train.TranslationGan;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Translation benchmarks (bench/run.sh translation | tiled SIZE):
 * <ul>
 *   <li>one CycleGAN training iteration (resnet_9blocks + basic PatchGAN, batch 1, lsgan, pool 50,
 *       identity loss) at 128² and 256², 1 and 3 channels; one pix2pix iteration (unet_256 + basic
 *       PatchGAN, batch 1) at 256²: median of RUNS after WARMUP;
 *   <li>{@code tiled SIZE}: tiled inference of resnet_9blocks (1→1, random weights) on a SIZE² 16-bit
 *       image, tiles of 512 with 32 overlap, 4 tiles per batch: seconds, pixels/s and the process's
 *       peak resident memory (VmHWM); run in its own JVM so the peak is this size's.
 * </ul>
 */
public class TranslationBench {

    static final int WARMUP = Integer.getInteger("warmup", 2), RUNS = Integer.getInteger("runs", 5);

    public static void main(String[] args) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        EngineInfo engine = EngineStarter.start(EngineOptions.defaults().withIntraOpThreads(cores));
        if (args.length == 2 && args[0].equals("tiled")) {
            tiled(Integer.parseInt(args[1]), engine);
            return;
        }
        System.out.printf(Locale.ROOT, "Translation training iteration, batch 1, median of %d after %d warm-up; %s%n", RUNS, WARMUP,
                engine.describe().replace('\n', ' '));
        System.out.printf(Locale.ROOT, "%-44s %10s%n", "case", "ms/iter");
        for (int size : new int[] {128, 256}) {
            for (int channels : new int[] {1, 3}) {
                iteration(ModelKind.CYCLEGAN, "resnet_9blocks", size, channels, engine);
            }
        }
        iteration(ModelKind.PIX2PIX, "unet_256", 256, 3, engine);
    }

    static void iteration(ModelKind kind, String generator, int size, int channels, EngineInfo engine) {
        TrainConfig config = TrainConfig.defaults(kind).with("generator", generator).with("crop_size", size).with("load_size", size);
        try (NDManager manager = NDManager.newBaseManager(engine.device())) {
            TranslationGan model = GanModels.createTranslation(config, channels, channels, manager);
            SplittableRandom random = new SplittableRandom(1);
            float[] a = noise(channels * size * size, random);
            float[] b = noise(channels * size * size, random);
            double[] ms = new double[RUNS];
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long t0 = System.nanoTime();
                try (NDScope scope = new NDScope(); NDManager step = manager.newSubManager()) {
                    scope.suppressNotUsedWarning();
                    Shape shape = new Shape(1, channels, size, size);
                    model.setInput(new ImageBatch(step.create(a, shape), null, step.create(b, shape)));
                    model.optimizeParameters(new TrainingStep(1, 0, i, i));
                    model.setInput(null);
                }
                if (i >= WARMUP) {
                    ms[i - WARMUP] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-44s %10.0f%n", kind.id() + " " + generator + " " + size + "² " + channels + "ch", ms[RUNS / 2]);
        }
    }

    static void tiled(int size, EngineInfo engine) throws IOException {
        NetworkSpec spec = NetworkSpec.of("resnet_9blocks", null, 1, 1, NetworkRole.GENERATOR);
        try (NDManager manager = NDManager.newBaseManager(engine.device())) {
            Network g = Network.create("generator", spec, manager, "normal", 0.02, 1, NetworkFactory.inputShapes(spec, 1, 256));
            BlockNetwork network = new BlockNetwork(g.block(), manager, 1, 1, NetworkFactory.sizeMultiple(spec));
            ArrayImg<UnsignedShortType, ShortArray> image = ArrayImgs.unsignedShorts(size, size);
            SplittableRandom random = new SplittableRandom(2);
            short[] data = image.update(null).getCurrentStorageArray();
            for (int i = 0; i < data.length; i++) {
                data[i] = (short) random.nextInt(65536);
            }
            IntensityMap map = new IntensityMap("minmax", 0, 65535, true, 0, 0);
            DomainSpec domain = new DomainSpec(1, map, "");
            Translator translator = new Translator(network, domain, domain, TranslateOptions.DEFAULTS.withDevice(engine.device()));
            long t0 = System.nanoTime();
            translator.translate(CalibratedImage.plain(image, "bench"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "tiled resnet_9blocks %d² 16-bit: %.1f s, %.2f Mpixel/s, peak RSS %d MiB; %s%n", size, seconds,
                    (double) size * size / seconds / 1e6, peakRssMiB(), engine.describe().replace('\n', ' '));
        }
    }

    static float[] noise(int n, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }

    static long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
