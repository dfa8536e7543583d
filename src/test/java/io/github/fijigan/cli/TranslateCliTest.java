package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.infer.TranslationModel;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.TorchScriptBundles;
import io.github.fijigan.core.model.TorchScriptSpec;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.normalize.IntensitySample;
import io.github.fijigan.core.normalize.WindowNormalizer;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fiji-gan translate} end to end with a real generator: the tiny ResNet traced in PyTorch
 * ({@code test-data/torchscript/tiny_resnet.pt}), wrapped as a bundle for 8-bit grey images.
 */
class TranslateCliTest {

    private static final Path IMAGE = Path.of("test-data/mri/BrainProtonDensitySlice.png");

    @TempDir
    static Path dir;

    private static Path model;

    @BeforeAll
    static void wrapModel() {
        EngineStarter.start(EngineOptions.defaults());
        IntensityMap bytes = new WindowNormalizer(0, 255, true).fit(new IntensitySample());
        DomainSpec gray = new DomainSpec(1, bytes, "");
        model = dir.resolve("tiny.zip");
        TorchScriptBundles.wrap(Path.of("test-data/torchscript/tiny_resnet.pt"), TorchScriptSpec.of(gray, gray, 4), model);
    }

    @Test
    void translatesAnImageIntoATiffOfItsTypeAndSizeEqualToTheLibrarysOutput() throws Exception {
        Path out = dir.resolve("one");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "--input", IMAGE.toString(), "--output", out.toString(),
                "--tile-size", "64", "--overlap", "16", "--device", "cpu");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("translated 1 image A->B"), run::toString);
        CalibratedImage<?> written = new ImageJReader().read(out.resolve("BrainProtonDensitySlice.tif"));
        CalibratedImage<?> input = new ImageJReader().read(IMAGE);
        assertEquals(input.data().dimension(0), written.data().dimension(0));
        assertEquals(input.data().dimension(1), written.data().dimension(1));
        assertTrue(Views.flatIterable(written.data()).firstElement() instanceof UnsignedByteType);
        try (TranslationModel m = TranslationModel.open(model, "", Device.cpu())) {
            CalibratedImage<?> expected = m.translator(TranslateOptions.DEFAULTS.withTileSize(64).withOverlap(16), false)
                    .translate(input).image();
            assertArrayEquals(values(expected), values(written));
        }
    }

    @Test
    void translatesEveryImageOfAFolder() throws Exception {
        Path out = dir.resolve("many");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "--input", "test-data/synthetic/unpaired/testA", "--output",
                out.toString(), "--device", "cpu");
        assertEquals(0, run.code(), run::toString);
        try (var files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(8, names.size(), names.toString());
            assertEquals("A_000.tif", names.get(0));
        }
    }

    @Test
    void badInputsFailWithAMessageNamingThem() {
        Path out = dir.resolve("bad");
        CliRun missing = CliRun.of("translate", "--model", dir.resolve("gone.zip").toString(), "--input", IMAGE.toString(), "--output",
                out.toString(), "--device", "cpu");
        assertEquals(1, missing.code(), missing::toString);
        assertTrue(missing.err().contains("model") && missing.err().contains("gone.zip"), missing::toString);

        CliRun reliability = CliRun.of("translate", "--model", model.toString(), "--input", IMAGE.toString(), "--output", out.toString(),
                "--reliability", "--device", "cpu");
        assertEquals(1, reliability.code(), reliability::toString);
        assertTrue(reliability.err().contains("only CycleGAN models give a reliability map"), reliability::toString);

        CliRun direction = CliRun.of("translate", "--model", model.toString(), "--input", IMAGE.toString(), "--output", out.toString(),
                "--direction", "B->A", "--device", "cpu");
        assertEquals(1, direction.code(), direction::toString);
        assertTrue(direction.err().contains("translates A->B only"), direction::toString);

        CliRun noImages = CliRun.of("translate", "--model", model.toString(), "--input", dir.resolve("empty").toString(), "--output",
                out.toString(), "--device", "cpu");
        assertEquals(1, noImages.code(), noImages::toString);
        assertTrue(noImages.err().contains("input"), noImages::toString);

        CliRun type = CliRun.of("translate", "--model", model.toString(), "--input", IMAGE.toString(), "--output", out.toString(),
                "--output-type", "jpeg");
        assertEquals(2, type.code(), type::toString);
        assertTrue(type.err().contains("output type 'jpeg'"), type::toString);
    }

    private static double[] values(CalibratedImage<?> image) {
        return Views.flatIterable(image.data()).stream().mapToDouble(p -> ((RealType<?>) p).getRealDouble()).toArray();
    }
}
