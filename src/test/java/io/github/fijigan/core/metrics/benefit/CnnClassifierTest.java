package io.github.fijigan.core.metrics.benefit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import ai.djl.Device;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.ij.ImageJReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The experiment's classifier learns circles from squares (the committed shapes set, 32 of each to
 * train, 16 of each held out), its size is as counted by hand, and a seed fixes its run.
 */
class CnnClassifierTest {

    static LabelledImages shapes;

    @BeforeAll
    static void load() throws Exception {
        EngineStarter.start(EngineOptions.defaults());
        TrainingImages data = TrainingImages.load(Path.of("test-data/synthetic/shapes"), new ImageJReader(),
                TrainingImages.Options.DEFAULT.withSize(32).withClassSubfolders(true));
        shapes = LabelledImages.of(data, List.of("circle", "square"));
    }

    /** @return the first 32 (train) or last 16 (test) images of each class */
    static LabelledImages part(boolean train) {
        int[] picks = IntStream.range(0, shapes.size())
                .filter(i -> (IntStream.of(shapes.indicesOf(shapes.label(i))).boxed().toList().indexOf(i) < 32) == train)
                .toArray();
        return shapes.subset(picks);
    }

    @Test
    void learnsCirclesFromSquares() {
        LabelledImages train = part(true), test = part(false);
        assertArrayEquals(new int[] {32, 32}, train.classCounts());
        assertArrayEquals(new int[] {16, 16}, test.classCounts());
        CnnClassifier.Options options = new CnnClassifier.Options(8, 3, 30, 16, 3e-3);
        for (long seed : new long[] {1, 2, 3}) {
            long t0 = System.nanoTime();
            try (CnnClassifier judge = CnnClassifier.create(1, 32, 2, options, seed, Device.cpu())) {
                judge.train(train, ProgressListener.NONE, new CancellationToken());
                ClassificationMetrics m = ClassificationMetrics.of(test.labels(), judge.predict(test), 2);
                System.out.printf("seed %d: held-out accuracy %.4f, macro F1 %.4f, %.1f s%n", seed, m.accuracy(), m.macroF1(),
                        (System.nanoTime() - t0) / 1e9);
                assertTrue(m.accuracy() > 0.9, "seed " + seed + ": " + m);
            }
        }
    }

    @Test
    void sizeAndSeed() {
        try (CnnClassifier small = CnnClassifier.create(1, 32, 2, new CnnClassifier.Options(8, 3, 1, 16, 1e-3), 4, Device.cpu());
                CnnClassifier rgb = CnnClassifier.create(3, 16, 5, new CnnClassifier.Options(4, 2, 1, 16, 1e-3), 4, Device.cpu())) {
            // conv 1->8: 8*9+8, 8->16: 16*8*9+16, 16->32: 32*16*9+32, batch-norm scale and shift 2*(8+16+32), linear 32->2: 64+2
            assertEquals(80 + 1168 + 4640 + 112 + 66, small.parameterCount());
            // conv 3->4: 4*27+4, 4->8: 8*36+8, batch norm 2*(4+8), linear 8->5: 40+5
            assertEquals(112 + 296 + 24 + 45, rgb.parameterCount());
        }
        LabelledImages few = part(true).subset(new int[] {0, 1, 2, 40, 41, 42});
        CnnClassifier.Options options = new CnnClassifier.Options(4, 2, 2, 4, 1e-2);
        float[][][] p = new float[3][][];
        long[] seeds = {5, 5, 6};
        for (int r = 0; r < 3; r++) {
            try (CnnClassifier c = CnnClassifier.create(1, 32, 2, options, seeds[r], Device.cpu())) {
                c.train(few, ProgressListener.NONE, new CancellationToken());
                p[r] = c.probabilities(shapes);
                int[] predicted = c.predict(shapes);
                for (int i = 0; i < shapes.size(); i++) {
                    assertEquals(1, p[r][i][0] + p[r][i][1], 1e-6);
                    assertEquals(p[r][i][1] > p[r][i][0] ? 1 : 0, predicted[i]);
                }
            }
        }
        assertTrue(java.util.Arrays.deepEquals(p[0], p[1]), "the same seed trains the same network");
        assertTrue(!java.util.Arrays.deepEquals(p[0], p[2]), "seeds 5 and 6 should train different networks");
        assertThrows(IllegalArgumentException.class,
                () -> CnnClassifier.create(1, 4, 2, new CnnClassifier.Options(4, 3, 1, 1, 1e-3), 1, Device.cpu()));
    }
}
