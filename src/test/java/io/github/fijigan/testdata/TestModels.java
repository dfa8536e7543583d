package io.github.fijigan.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.TorchScriptBundles;
import io.github.fijigan.core.model.TorchScriptSpec;
import io.github.fijigan.core.normalize.IntensitySample;
import io.github.fijigan.core.normalize.WindowNormalizer;
import io.github.fijigan.core.train.DenoiseData;
import io.github.fijigan.core.train.GanTrainer;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.ij.ImageJReader;

/** Small real models for the front-end tests (commands, macros, command line), made in seconds. */
public final class TestModels {

    public static final Path CT = Path.of("test-data/dicom/CT_small.dcm");

    private TestModels() {
    }

    /**
     * @return a translation bundle for 8-bit grey images holding the tiny ResNet generator traced
     *     in PyTorch ({@code test-data/torchscript/tiny_resnet.pt})
     */
    public static Path translation(Path file) {
        EngineStarter.start(EngineOptions.defaults());
        DomainSpec gray = new DomainSpec(1, new WindowNormalizer(0, 255, true).fit(new IntensitySample()), "");
        TorchScriptBundles.wrap(Path.of("test-data/torchscript/tiny_resnet.pt"), TorchScriptSpec.of(gray, gray, 4), file);
        return file;
    }

    /** @return the config of {@link #denoiser}: a 3-layer, 8-filter DnCNN against simulated low-dose noise */
    public static TrainConfig denoiseConfig() {
        return TrainConfig.defaults(ModelKind.DENOISE)
                .with("noise", "poisson")
                .with("noise_i0", 1e4)
                .with("noise_dose", 0.25)
                .with("crop_size", 32)
                .with("patches_per_image", 8)
                .with("ngf", 8)
                .with("generator_layers", 3)
                .with("discriminator", "n_layers")
                .with("n_layers_d", 2)
                .with("ndf", 4)
                .with("batch_size", 4)
                .with("lr", 2e-3)
                .with("n_epochs", 1)
                .with("n_epochs_decay", 0)
                .with("checkpoint_every", 0)
                .with("sample_count", 2)
                .with("seed", 3);
    }

    /**
     * Trains a tiny CT denoiser for two iterations on {@code CT_small.dcm} (in HU): a real trained
     * bundle, not a good denoiser.
     *
     * @param folder where the run goes; the model is {@code folder/run/model.zip}
     */
    public static Path denoiser(Path folder) {
        EngineStarter.start(EngineOptions.defaults());
        try {
            Path data = Files.createDirectories(folder.resolve("data"));
            Files.copy(CT, data.resolve("ct.dcm"));
            TrainConfig config = denoiseConfig();
            return new GanTrainer(config, DenoiseData.load(config, data, new ImageJReader()), folder.resolve("run")).train().model()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
