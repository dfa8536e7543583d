import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.engine.EngineInfo;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.infer.BlockNetwork;
import io.github.fijigan.core.infer.Denoiser;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.nn.NetworkFactory;
import io.github.fijigan.core.train.DenoiseNetworks;
import io.github.fijigan.core.train.Network;
import io.github.fijigan.core.train.TrainConfig;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Denoising benchmark (bench/run.sh denoise SIZE): the default denoiser (dncnn, 8 layers of 32
 * filters, 2D, He-initialised random weights) tiled over a SIZE² 16-bit CT in HU (calibration
 * intercept -1024), tiles of 512 with 32 overlap, 4 tiles per batch, with the removed noise also
 * computed: seconds, pixels/s and the process's peak resident memory (VmHWM). Run in its own JVM so
 * the peak is this size's.
 */
public class DenoiseBench {

    public static void main(String[] args) throws IOException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int cores = Runtime.getRuntime().availableProcessors();
        EngineInfo engine = EngineStarter.start(EngineOptions.defaults().withIntraOpThreads(cores));
        TrainConfig config = TrainConfig.defaults(ModelKind.DENOISE);
        NetworkSpec spec = DenoiseNetworks.generator(config, 1);
        try (NDManager manager = NDManager.newBaseManager(engine.device())) {
            Network g = Network.create("generator", spec, manager, config.init(), config.initGain(), 1,
                    NetworkFactory.inputShapes(spec, 1, 64));
            BlockNetwork network = new BlockNetwork(g.block(), manager, spec.inChannels(), spec.outChannels(), 1);
            ArrayImg<UnsignedShortType, ShortArray> image = ArrayImgs.unsignedShorts(size, size);
            SplittableRandom random = new SplittableRandom(2);
            short[] data = image.update(null).getCurrentStorageArray();
            for (int i = 0; i < data.length; i++) {
                data[i] = (short) (1024 + 40 * random.nextGaussian() + (i % size < size / 2 ? 0 : 300));
            }
            CalibratedImage<UnsignedShortType> ct = new CalibratedImage<>(image, List.of(Axis.X, Axis.Y), SpatialCalibration.UNCALIBRATED,
                    new ValueCalibration(1, -1024, "HU"), "bench");
            DomainSpec domain = new DomainSpec(1, new IntensityMap("window", -1000, 1000, false, Double.NaN, Double.NaN), "HU");
            Denoiser denoiser = new Denoiser(network, domain, TranslateOptions.DEFAULTS.withDevice(engine.device())).withRemovedNoise();
            long t0 = System.nanoTime();
            denoiser.denoise(ct);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "denoise dncnn (8x32, %d parameters) tiled %d² 16-bit HU + removed noise: %.1f s, %.2f Mpixel/s,"
                    + " peak RSS %d MiB; %s%n", NetworkFactory.trainableParameterCount(g.block()), size, seconds,
                    (double) size * size / seconds / 1e6, peakRssMiB(), engine.describe().replace('\n', ' '));
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
