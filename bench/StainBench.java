import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.stain.Macenko;
import io.github.fijigan.core.stain.Reinhard;
import io.github.fijigan.core.stain.RgbPixels;
import io.github.fijigan.core.stain.StainAugmentation;
import io.github.fijigan.core.stain.StainNormalizer;
import io.github.fijigan.core.stain.StainTarget;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;

/**
 * Stain normalisation throughput (bench/run.sh stain [SIZE]): Reinhard and Macenko on a SIZE² RGB
 * image (default 4096²) made by tiling test-data/histology/ihc.png, normalised to the statistics of
 * he_from_ihc.png. Single-threaded by design. Reports the median of RUNS after WARMUP runs on a 512²
 * tile, for the core operation on {@link RgbPixels} and end to end on an ARGB image (conversion from
 * and to imglib2 included), plus Macenko stain augmentation; megapixels per second.
 */
public class StainBench {

    static final int RUNS = Integer.getInteger("runs", 3), WARMUP = Integer.getInteger("warmup", 5);

    public static void main(String[] args) throws IOException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        RgbPixels tile = read(Path.of("test-data/histology/ihc.png"));
        RgbPixels image = tiled(tile, size);
        StainTarget target = StainTarget.fit(read(Path.of("test-data/histology/he_from_ihc.png")), "he_from_ihc.png");
        CalibratedImage<ARGBType> argb = CalibratedImage.plain(ArrayImgs.argbs(argb(image), size, size), "bench");
        System.out.printf(Locale.ROOT, "Stain normalisation, %d² RGB (tiled ihc.png), median of %d after %d warm-up runs on 512², 1 thread; %s %s, %d cores%n",
                size, RUNS, WARMUP, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-40s %10s %12s%n", "case", "ms", "Mpixel/s");
        StainNormalizer[] normalizers = {new Reinhard(target), new Macenko(target)};
        for (StainNormalizer n : normalizers) {
            time(n.method() + " RgbPixels", size, () -> n.normalize(tile), () -> n.normalize(image));
            time(n.method() + " ARGB image (with conversion)", size, () -> n.normalize(tile), () -> n.normalize(argb));
        }
        time("fit target (both methods)", size, () -> StainTarget.fit(tile, "tile"), () -> StainTarget.fit(image, "bench"));
        StainAugmentation augmentation = new StainAugmentation(0.2, 0.2);
        StainAugmentation.Perturbation p = augmentation.draw(new SplittableRandom(1));
        time("macenko augmentation", size, () -> augmentation.apply(tile, p), () -> augmentation.apply(image, p));
    }

    static void time(String name, int size, Supplier<?> warm, Supplier<?> run) {
        for (int i = 0; i < WARMUP; i++) {
            warm.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[RUNS / 2];
        System.out.printf(Locale.ROOT, "%-40s %10.0f %12.1f%n", name, median, (double) size * size / median / 1e3);
    }

    static RgbPixels read(Path file) throws IOException {
        BufferedImage png = ImageIO.read(file.toFile());
        int w = png.getWidth(), h = png.getHeight();
        byte[] rgb = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = png.getRGB(x, y), i = 3 * (y * w + x);
                rgb[i] = (byte) (v >> 16);
                rgb[i + 1] = (byte) (v >> 8);
                rgb[i + 2] = (byte) v;
            }
        }
        return RgbPixels.fromInterleaved(w, h, rgb);
    }

    /** @return the tile repeated to size × size, mirrored on odd repeats so that no seams appear */
    static RgbPixels tiled(RgbPixels tile, int size) {
        RgbPixels out = RgbPixels.blank(size, size);
        int tw = tile.width(), th = tile.height(), n = size * size, m = tile.pixelCount();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                int ty = (y / th) % 2 == 0 ? y % th : th - 1 - y % th;
                for (int x = 0; x < size; x++) {
                    int tx = (x / tw) % 2 == 0 ? x % tw : tw - 1 - x % tw;
                    out.values()[c * n + y * size + x] = tile.values()[c * m + ty * tw + tx];
                }
            }
        }
        return out;
    }

    static int[] argb(RgbPixels p) {
        byte[] rgb = p.toInterleaved();
        int[] v = new int[p.pixelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0xff000000 | (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
        }
        return v;
    }
}
