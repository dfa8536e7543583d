package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.fijigan.core.data.DenoiseImages;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.progress.CancellationToken;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A denoising run cancelled mid-epoch and resumed repeats the uninterrupted run's losses exactly:
 * crops, flips and the simulated noise come from the step, in 2D and in 2.5D (three neighbouring
 * slices), with each loss and pixel loss.
 */
class DenoiseResumeTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    @ParameterizedTest
    @CsvSource({"1, poisson, wgangp, l1, 3", "3, gaussian, lsgan, mse, 5"})
    void resumedRunRepeatsTheUninterruptedLossesExactly(int slices, String noise, String loss, String pixel, int cancelAfter)
            throws Exception {
        TrainConfig config = CtDenoising.tiny(2, 0).with("slices", slices).with("noise_sigma", 30).with("noise", noise)
                .with("loss", loss).with("pixel_loss", pixel).with("batch_size", 4).with("patches_per_image", 8)
                .with("checkpoint_every", 1);
        DenoiseImages data = DenoiseImages.of(List.of(stack(CtDenoising.ct())), null, DenoiseData.options(config));
        int total = 2 * (data.size() / 4);

        List<Map<String, Double>> straight = new ArrayList<>();
        new GanTrainer(config, data, dir.resolve("straight")).listener(recorder(straight, null, 0)).train();
        assertEquals(total, straight.size());

        CancellationToken token = new CancellationToken();
        List<Map<String, Double>> interrupted = new ArrayList<>();
        TrainingResult first = new GanTrainer(config, data, dir.resolve("resumed")).listener(recorder(interrupted, token, cancelAfter))
                .cancellation(token).train();
        assertTrue(first.cancelled());

        List<Map<String, Double>> resumed = new ArrayList<>();
        TrainingResult second = new GanTrainer(config, data, dir.resolve("resumed")).listener(recorder(resumed, null, 0)).train();
        assertEquals(total - cancelAfter, resumed.size());
        for (int i = 0; i < resumed.size(); i++) {
            assertEquals(straight.get(cancelAfter + i), resumed.get(i), "slices " + slices + ": iteration " + (cancelAfter + i));
        }
        assertTrue(Files.isRegularFile(second.model().orElseThrow()));
        assertTrue(Files.isRegularFile(dir.resolve("resumed/samples/epoch_002.png")), "sample grids are written");
        assertTrue(Files.size(dir.resolve("resumed/history.csv")) > 0);
    }

    /** Three 48 x 40 slices of the CT, each cut 4 pixels further down, as a float32 stack in HU. */
    private static CalibratedImage<?> stack(CalibratedImage<?> ct) {
        float[] hu = CtDenoising.hu(ct);
        int w = 48, h = 40;
        float[] values = new float[3 * w * h];
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(hu, (40 + y + 4 * z) * 128 + 40, values, (z * h + y) * w, w);
            }
        }
        return new CalibratedImage<>(ArrayImgs.floats(values, w, h, 3), List.of(Axis.X, Axis.Y, Axis.Z), ct.spatialCalibration(),
                new ValueCalibration(1, 0, "HU"), "ct stack");
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
