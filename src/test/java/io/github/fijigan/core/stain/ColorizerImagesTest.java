package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.data.ColorizerImages;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.PngImageWriter;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.train.ColorizerData;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colorizer pairs: the input is the BT.601 luma of the target tile under the same 8-bit window; non-RGB files are refused by name. */
class ColorizerImagesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    @Test
    void inputIsTheLumaOfTheTargetInNetworkUnits() throws Exception {
        StainTiles ihc = StainTiles.ihc();
        Path folder = dir.resolve("t");
        Files.createDirectories(folder);
        int[] tile = ihc.window(10, 20, 40, 36, 0, 1, 2);
        new PngImageWriter().write(StainTiles.image(tile, 40, 36, "a"), folder.resolve("a.png"));
        TrainConfig config = ColorizerTrainingTest.tiny(1).with("crop_size", 32).with("patches_per_image", 3).with("no_flip", true);
        ColorizerImages data = ColorizerData.load(config, folder, new ImageJReader());
        assertEquals(3, data.size());
        assertEquals(1, data.imageCount());
        assertEquals(1, data.graySpec().channels());
        assertEquals(3, data.colourSpec().channels());
        try (NDManager m = NDManager.newBaseManager(); ImageBatch b = data.batch(m, new int[] {0, 2}, new SplittableRandom(3))) {
            assertEquals(new ai.djl.ndarray.types.Shape(2, 1, 32, 32), b.images().getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(2, 3, 32, 32), b.targets().getShape());
            float[] gray = b.images().toFloatArray();
            float[] rgb = b.targets().toFloatArray();
            int plane = 32 * 32;
            double worst = 0;
            for (int n = 0; n < 2; n++) {
                for (int p = 0; p < plane; p++) {
                    double y = Luma.of(rgb[(n * 3) * plane + p], rgb[(n * 3 + 1) * plane + p], rgb[(n * 3 + 2) * plane + p]);
                    worst = Math.max(worst, Math.abs(y - gray[n * plane + p]));
                }
            }
            assertTrue(worst < 1e-6, "luma of the network-unit channels vs the grey input: " + worst);
            // window:0,255: the targets are the 8-bit values mapped to [-1, 1].
            float min = b.targets().min().getFloat(), max = b.targets().max().getFloat();
            assertTrue(min >= -1 && max <= 1 && max - min > 0.5, min + ".." + max);
        }
    }

    @Test
    void refusesImagesThatAreNot8BitRgbNamingTheFile() throws Exception {
        Path folder = dir.resolve("gray");
        Files.createDirectories(folder);
        CalibratedImage<?> gray = CalibratedImage.plain(ArrayImgs.unsignedBytes(new byte[64 * 64], 64, 64), "g");
        new PngImageWriter().write(gray, folder.resolve("slide_gray.png"));
        TrainConfig config = ColorizerTrainingTest.tiny(1);
        ImageReadException e = assertThrows(ImageReadException.class, () -> ColorizerData.load(config, folder, new ImageJReader()));
        assertTrue(e.getMessage().contains("slide_gray.png") && e.getMessage().contains("8-bit RGB"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColorizerData.options(TrainConfig.defaults(ModelKind.PIX2PIX)));
    }
}
