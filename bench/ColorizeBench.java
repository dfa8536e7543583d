import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.engine.EngineInfo;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.BlockNetwork;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.nn.NetworkFactory;
import io.github.fijigan.core.stain.Colorizer;
import io.github.fijigan.core.train.Network;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.core.train.TranslationNetworks;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;

/**
 * Stain normalisation benchmark (bench/run.sh colorize SIZE): the default colorizer (unet_256,
 * ngf 64, batch norm, random weights) over a SIZE² 8-bit RGB slide: BT.601 grey version, tiles of
 * 512 with 32 overlap, 4 tiles per batch: seconds, pixels/s and the peak resident memory (VmHWM).
 */
public class ColorizeBench {

    public static void main(String[] args) throws IOException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int cores = Runtime.getRuntime().availableProcessors();
        EngineInfo engine = EngineStarter.start(EngineOptions.defaults().withIntraOpThreads(cores));
        TrainConfig config = TrainConfig.defaults(ModelKind.COLORIZER);
        NetworkSpec spec = TranslationNetworks.generator(config, 1, 3);
        try (NDManager manager = NDManager.newBaseManager(engine.device())) {
            Network g = Network.create("generator", spec, manager, config.init(), config.initGain(), 1,
                    NetworkFactory.inputShapes(spec, 1, 256));
            BlockNetwork network = new BlockNetwork(g.block(), manager, 1, 3, NetworkFactory.sizeMultiple(spec));
            int[] argb = new int[size * size];
            SplittableRandom random = new SplittableRandom(2);
            for (int i = 0; i < argb.length; i++) {
                argb[i] = 0xff000000 | random.nextInt(1 << 24);
            }
            CalibratedImage<ARGBType> slide = CalibratedImage.plain(ArrayImgs.argbs(argb, size, size), "bench");
            IntensityMap window = new IntensityMap("window", 0, 255, false, Double.NaN, Double.NaN);
            Colorizer colorizer = Colorizer.of(network, new DomainSpec(1, window, ""), new DomainSpec(3, window, ""));
            long t0 = System.nanoTime();
            colorizer.colorize(slide, TranslateOptions.DEFAULTS.withDevice(engine.device()), io.github.fijigan.core.progress.ProgressListener.NONE,
                    new io.github.fijigan.core.progress.CancellationToken());
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "colorize unet_256 (ngf 64, %d parameters) tiled %d² RGB: %.1f s, %.2f Mpixel/s, peak RSS %d MiB;"
                    + " %s%n", NetworkFactory.trainableParameterCount(g.block()), size, seconds, (double) size * size / seconds / 1e6,
                    peakRssMiB(), engine.describe().replace('\n', ' '));
        }
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
