package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import io.github.fijigan.core.data.ColorizerImages;
import io.github.fijigan.core.data.PngImageWriter;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.train.ColorizerData;
import io.github.fijigan.core.train.GanTrainer;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.core.train.TrainingListener;
import io.github.fijigan.core.train.TrainingResult;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A colorizer run cancelled mid-epoch and resumed repeats the uninterrupted run's losses exactly
 * (tiles, flips, dropout masks continue); its bundle is a colorizer's; the colorizer refuses what
 * it cannot colour, naming it.
 */
class ColorizerResumeTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    @Test
    void resumedRunRepeatsTheUninterruptedLossesExactly() throws Exception {
        Path target = StainTiles.ihc().writeTargetFolder(dir.resolve("target"));
        TrainConfig config = ColorizerTrainingTest.tiny(2).with("use_dropout", true);
        ColorizerImages tiles = ColorizerData.load(config, target, new ImageJReader());
        int total = 2 * (16 / 4);

        List<Map<String, Double>> straight = new ArrayList<>();
        TrainingResult done = new GanTrainer(config, tiles, dir.resolve("straight")).listener(recorder(straight, null, 0)).train();
        assertEquals(total, straight.size());

        CancellationToken token = new CancellationToken();
        List<Map<String, Double>> interrupted = new ArrayList<>();
        assertTrue(new GanTrainer(config, tiles, dir.resolve("resumed")).listener(recorder(interrupted, token, 3)).cancellation(token)
                .train().cancelled());
        List<Map<String, Double>> resumed = new ArrayList<>();
        new GanTrainer(config, tiles, dir.resolve("resumed")).listener(recorder(resumed, null, 0)).train();
        assertEquals(total - 3, resumed.size());
        for (int i = 0; i < resumed.size(); i++) {
            assertEquals(straight.get(3 + i), resumed.get(i), "iteration " + (3 + i));
        }

        Path model = done.model().orElseThrow();
        ModelManifest manifest = ModelBundles.readManifest(model);
        assertEquals(ModelKind.COLORIZER, manifest.kind());
        assertEquals(1, manifest.domains().get("gray").channels());
        assertEquals(3, manifest.domains().get("color").channels());
        assertEquals(Luma.NAME, manifest.extras().get("gray_conversion").getAsString());

        // The job: a folder of files in, PNG out; an image in memory in, the image back.
        ColorizeJob.Result files = ColorizeJob.create(model, target, dir.resolve("out")).reader(new ImageJReader())
                .writer(new PngImageWriter()).device("cpu").run(ProgressListener.NONE, new CancellationToken());
        assertEquals(List.of(dir.resolve("out/target.png")), files.files());
        assertEquals(3, new ImageJReader().read(files.files().get(0)).channels());
        CalibratedImage<?> rgb = StainTiles.image(new int[48 * 40], 48, 40, "black.png");
        ColorizeJob.Result one = ColorizeJob.forImage(model, rgb, null).device("cpu").run(ProgressListener.NONE, new CancellationToken());
        assertEquals(48, one.inMemory().orElseThrow().data().dimension(0));
        JobInputException bad = assertThrows(JobInputException.class, () -> ColorizeJob.forImage(model,
                CalibratedImage.plain(ArrayImgs.floats(8, 8), "f.tif"), null).device("cpu").run(ProgressListener.NONE,
                new CancellationToken()));
        assertTrue(bad.getMessage().contains("f.tif"), bad.getMessage());
        try (Colorizer colorizer = Colorizer.open(model, Device.cpu())) {
            CalibratedImage<?> deep = CalibratedImage.plain(ArrayImgs.unsignedShorts(40, 40), "deep.tif");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> colorizer.colorize(deep));
            assertTrue(e.getMessage().contains("'deep.tif'") && e.getMessage().contains("8-bit RGB"), e.getMessage());
            // An 8-bit grey image is taken as the grey version itself: RGB comes out, same size.
            CalibratedImage<?> gray = CalibratedImage.plain(ArrayImgs.unsignedBytes(40, 36), "gray");
            CalibratedImage<?> out = colorizer.colorize(gray);
            assertEquals(3, out.channels());
            assertEquals(40, out.data().dimension(0));
            assertEquals(36, out.data().dimension(1));
        }
        ModelBundleException e = assertThrows(ModelBundleException.class,
                () -> Colorizer.open(Path.of("test-data/models/shapes_acgan_tiny.zip"), Device.cpu()));
        assertTrue(e.getMessage().contains("shapes_acgan_tiny.zip") && e.getMessage().contains("acgan"), e.getMessage());
    }

    private static TrainingListener recorder(List<Map<String, Double>> losses, CancellationToken token, int cancelAfter) {
        return new TrainingListener() {
            @Override
            public void iterationDone(Iteration iteration) {
                losses.add(iteration.losses());
                if (token != null && losses.size() == cancelAfter) {
                    token.cancel();
                }
            }
        };
    }
}
