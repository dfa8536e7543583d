import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.normalize.WindowNormalizer;
import io.github.fijigan.core.normalize.IntensitySample;
import io.github.fijigan.core.tensor.ImageTensors;
import io.github.fijigan.core.tensor.LinearMap;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Throughput of the image <-> tensor bridge: bytes of image data per second, median of repeated
 * runs after warm-up, NDArray creation and release included. Run with bench/run.sh.
 */
public class TensorBridgeBench {

    static final int SIZE = Integer.getInteger("size", 2048);
    static final int WARMUP = 5, RUNS = 15;

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "Image <-> tensor bridge, %dx%d planes, median of %d runs after %d warm-up (%s, %d cores)%n",
                SIZE, SIZE, RUNS, WARMUP, System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-52s %10s %10s%n", "case", "ms", "GB/s");
        SplittableRandom r = new SplittableRandom(1);

        float[] f = new float[SIZE * SIZE];
        for (int i = 0; i < f.length; i++) f[i] = (float) r.nextGaussian();
        short[] s = new short[SIZE * SIZE];
        for (int i = 0; i < s.length; i++) s[i] = (short) r.nextInt(65536);
        byte[] b = new byte[SIZE * SIZE];
        for (int i = 0; i < b.length; i++) b[i] = (byte) r.nextInt(256);
        Img<FloatType> floats = ArrayImgs.floats(f, SIZE, SIZE);
        Img<UnsignedShortType> shorts = ArrayImgs.unsignedShorts(s, SIZE, SIZE);
        Img<UnsignedByteType> bytes = ArrayImgs.unsignedBytes(b, SIZE, SIZE);
        Img<UnsignedShortType> planar = PlanarImgs.unsignedShorts(SIZE + 64, SIZE + 64, 3);
        RandomAccessibleInterval<UnsignedShortType> view = Views.interval(Views.hyperSlice(planar, 2, 1),
                new long[] {32, 32}, new long[] {32 + SIZE - 1, 32 + SIZE - 1});

        IntensityMap window = new WindowNormalizer(0, 65535, true).fit(new IntensitySample());
        LinearMap toNet = window.toNetwork(), fromNet = window.fromNetwork();

        try (NDManager manager = NDManager.newBaseManager()) {
            toTensor(manager, "float32 ArrayImg -> tensor (identity)", floats, LinearMap.IDENTITY, 4);
            toTensor(manager, "uint16 ArrayImg -> tensor (normalised, clipped)", shorts, toNet, 2);
            toTensor(manager, "uint16 PlanarImg slice view -> tensor (normalised)", view, toNet, 2);
            toTensor(manager, "uint8 ArrayImg -> tensor (normalised)", bytes, LinearMap.of(2 / 255.0, -1), 1);
            try (NDArray t = ImageTensors.fromPlane(manager, floats, LinearMap.IDENTITY)) {
                time("tensor -> float32 ArrayImg (identity)", 4, x -> ImageTensors.toFloatImage(t, 0, LinearMap.IDENTITY));
            }
            try (NDArray t = ImageTensors.fromPlane(manager, shorts, toNet)) {
                time("tensor -> uint16 ArrayImg (denormalised, rounded)", 2, x -> ImageTensors.toImage(t, 0, new UnsignedShortType(), fromNet));
            }
        }
    }

    static <T> void toTensor(NDManager manager, String name, RandomAccessibleInterval<T> img, LinearMap map, int bytesPerPixel) {
        time(name, bytesPerPixel, x -> {
            try (NDManager scope = manager.newSubManager()) {
                ImageTensors.fromPlane(scope, img, map);
            }
        });
    }

    static void time(String name, int bytesPerPixel, Consumer<Void> work) {
        for (int i = 0; i < WARMUP; i++) work.accept(null);
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            work.accept(null);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[RUNS / 2];
        double gbs = (double) SIZE * SIZE * bytesPerPixel / (median / 1e3) / 1e9;
        System.out.printf(Locale.ROOT, "%-52s %10.2f %10.2f%n", name, median, gbs);
    }
}
