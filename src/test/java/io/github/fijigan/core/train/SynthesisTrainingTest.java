package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.ModelBundles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each unconditional GAN, trained a few hundred iterations on the shapes set, makes samples whose
 * distribution is measurably closer to the data's than its untrained generator's.
 */
class SynthesisTrainingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} epochs")
    @CsvSource({"dcgan, 50", "sngan, 50", "wgangp, 100"})
    void trainingBringsSamplesCloserToTheData(String kindId, int epochs) throws Exception {
        ModelKind kind = ModelKind.fromId(kindId).orElseThrow();
        TrainingImages shapes = ShapesData.images();
        TrainConfig config = ShapesData.tiny(kind, epochs);
        SampleDistance before;
        try (NDManager manager = NDManager.newBaseManager()) {
            SynthesisGan untrained = GanModels.create(config, 1, 0, manager);
            NDArray samples = untrained.generator().forward(
                    Latents.input(manager, config.latentSize(), null, 64, new java.util.SplittableRandom(5)), false).get(0);
            before = SampleDistance.between(samples, shapes);
        }

        TrainingResult result = new GanTrainer(config, shapes, dir).train();

        assertFalse(result.cancelled());
        assertEquals(6L * epochs, result.iterations());
        SampleDistance after;
        try (NDManager manager = NDManager.newBaseManager();
                SampleGenerator generator = SampleGenerator.open(result.model().orElseThrow(), Device.cpu())) {
            after = SampleDistance.between(generator.generate(manager, 64, -1, 5), shapes);
        }
        System.out.printf("%s: untrained %s; trained %s%n", kindId, before, after);
        // The untrained generator's samples are all near 0 (mid-grey); the data are dark with bright shapes.
        assertTrue(after.histogram() < before.histogram() / 2, kindId + ": histogram distance " + before + " -> " + after);
        assertTrue(after.meanImage() < before.meanImage() / 2, kindId + ": mean-image distance " + before + " -> " + after);

        ModelManifest manifest = ModelBundles.readManifest(result.model().orElseThrow());
        assertEquals(kind, manifest.kind());
        assertEquals(List.of(SynthesisNetworks.GENERATOR), List.copyOf(manifest.networks().keySet()));
        assertEquals(1 + 6 * epochs, Files.readAllLines(dir.resolve("history.csv")).size());
        assertTrue(Files.isRegularFile(dir.resolve(String.format("samples/epoch_%03d.png", epochs))));
        assertTrue(Files.isRegularFile(dir.resolve("config.json")));
    }
}
