package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import ai.djl.Device;
import io.github.fijigan.core.data.ColorizerImages;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.metrics.Ssim;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.train.ColorizerData;
import io.github.fijigan.core.train.GanTrainer;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.core.train.TrainingResult;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.type.numeric.ARGBType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learned stain normalisation end to end: a tiny colorizer trained on the left half of the IHC slide
 * renders a held-out tile of the right half whose colours were altered (R and B swapped, so its
 * colour statistics are far from the stain's) back in the stain's colours, without losing its
 * grey-level structure.
 */
class ColorizerTrainingTest {

    /** The colour statistics' distance to the target's must shrink at least this much. */
    static final double MIN_REDUCTION = 0.5;
    /** SSIM of the grey versions of output and source (Gaussian window, range 255); unrelated tiles score about 0.1. */
    static final double MIN_GRAY_SSIM = 0.45;
    /** Mean |tiled - whole| over the 8-bit RGB values, for 64-pixel tiles overlapping by 16. */
    static final double MAX_TILING_DIFFERENCE = 1.0;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    static TrainConfig tiny(int epochs) {
        return TrainConfig.defaults(ModelKind.COLORIZER)
                .with("generator", "resnet_6blocks").with("ngf", 8).with("ndf", 8)
                .with("crop_size", 32).with("patches_per_image", 16).with("batch_size", 4)
                .with("n_epochs", epochs).with("n_epochs_decay", 0).with("lr", 1e-3)
                .with("use_dropout", false).with("checkpoint_every", 0).with("seed", 7);
    }

    @Test
    void rendersAnAlteredTileInTheTargetStainKeepingItsStructure() throws Exception {
        StainTiles ihc = StainTiles.ihc();
        Path target = ihc.writeTargetFolder(dir.resolve("target"));
        TrainConfig config = tiny(10).with("patches_per_image", 64);
        ColorizerImages tiles = ColorizerData.load(config, target, new ImageJReader());
        long t0 = System.nanoTime();
        TrainingResult result = new GanTrainer(config, tiles, dir.resolve("run")).train();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(160, result.iterations());
        assertEquals(1, tiles.imageCount());

        int side = 128;
        int[] source = ihc.window(320, 192, side, side, 2, 1, 0);
        double[] targetStats = StainTiles.stats(ihc.window(0, 0, 256, 512, 0, 1, 2));
        double before = StainTiles.distance(StainTiles.stats(source), targetStats);
        try (Colorizer colorizer = Colorizer.open(result.model().orElseThrow(), Device.cpu())) {
            CalibratedImage<?> out = colorizer.colorize(StainTiles.image(source, side, side, "source"),
                    TranslateOptions.DEFAULTS.withTileSize(64).withOverlap(16), io.github.fijigan.core.progress.ProgressListener.NONE,
                    new io.github.fijigan.core.progress.CancellationToken());
            assertTrue(out.data().getType() instanceof ARGBType);
            assertEquals(side, out.data().dimension(0));
            assertEquals(side, out.data().dimension(1));
            int[] colored = StainTiles.pixels(out);
            double after = StainTiles.distance(StainTiles.stats(colored), targetStats);
            double ssim = Ssim.gaussian(StainTiles.gray(colored), StainTiles.gray(source), side, side, 255);
            System.out.printf(Locale.ROOT, "colorizer: %.1f s training; colour distance %.2f -> %.2f (reduction %.3f); grey SSIM %.4f%n",
                    seconds, before, after, 1 - after / before, ssim);
            double unrelated = Ssim.gaussian(StainTiles.gray(ihc.window(256, 0, side, side, 0, 1, 2)), StainTiles.gray(source), side, side,
                    255);
            int[] whole = StainTiles.pixels(colorizer.colorize(StainTiles.image(source, side, side, "source")));
            double tiling = 0;
            for (int i = 0; i < whole.length; i++) {
                for (int c = 0; c < 3; c++) {
                    tiling += Math.abs(((whole[i] >> (8 * c)) & 255) - ((colored[i] >> (8 * c)) & 255));
                }
            }
            tiling /= 3.0 * whole.length;
            System.out.printf(Locale.ROOT, "colorizer: unrelated tile grey SSIM %.4f; mean |tiled - whole| %.3f%n", unrelated, tiling);
            assertTrue(after <= (1 - MIN_REDUCTION) * before, "colour distance " + before + " -> " + after);
            assertTrue(tiling <= MAX_TILING_DIFFERENCE, "mean |tiled - whole| " + tiling);
            assertTrue(ssim >= MIN_GRAY_SSIM, "grey SSIM " + ssim);
        }
    }
}
