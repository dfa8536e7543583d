package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.fijigan.command.GenerateSamplesCommand;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.testdata.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.prefs.PrefService;

/** {@code --headless --run <command> "key='value',…"}, handled by SciJava's console argument plugins. */
class SciJavaRunTest {

    private static final String MODEL = Path.of("test-data/models/shapes_acgan_tiny.zip").toAbsolutePath().toString();

    @TempDir
    Path dir;

    /** Commands run on worker threads: load the engine on the test thread first (see CommandHarness). */
    @BeforeAll
    static void loadEngineOnThisThread() {
        EngineStarter.start(EngineOptions.defaults());
    }

    @Test
    void modelInfoByMenuPathTitleAndClassName() {
        for (String command : List.of("Plugins>GAN>Model Info", "Plugins > GAN > Model Info", "Model Info",
                "io.github.fijigan.command.ModelInfoCommand")) {
            CliRun run = CliRun.of("--headless", "--run", command, "model='" + MODEL + "'");
            assertEquals(0, run.code(), command + "\n" + run);
            assertTrue((run.out() + run.err()).contains("Classes: circle, square"), run.toString());
        }
    }

    @Test
    void generateSamplesWritesItsFiles() throws Exception {
        Path out = dir.resolve("samples");
        CliRun run = CliRun.of("--headless", "--run", "Plugins>GAN>Generate Samples",
                "model='" + MODEL + "',output_folder='" + out + "',count=2,class_name='square',seed=3,device='cpu'");
        assertEquals(0, run.code(), run.toString());
        try (var files = Files.list(out.resolve("square"))) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void trainSynthesisFromAConfigFile() {
        Path run = dir.resolve("run");
        CliRun r = CliRun.of("--headless", "--run", "Plugins>GAN>Train>Synthesis (DCGAN, WGAN-GP, SN-GAN, AC-GAN)...",
                "config='test-data/configs/shapes_dcgan_tiny.json',run_folder='" + run + "',device='cpu'");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isRegularFile(run.resolve("model.zip")), r.toString());
        assertTrue(r.err().contains("Training dcgan on circle: trained dcgan for 1 epochs (3 iterations) on 48 images;")
                || r.out().contains("Training dcgan on circle: trained dcgan for 1 epochs (3 iterations) on 48 images;"),
                r.toString());
    }

    @Test
    void translateAndDenoiseWriteTheirFiles() throws Exception {
        Path model = TestModels.translation(dir.resolve("tiny.zip"));
        Path translated = dir.resolve("translated");
        CliRun t = CliRun.of("--headless", "--run", "Plugins>GAN>Translate", "model='" + model
                + "',input='test-data/mri/BrainProtonDensitySlice.png',output_folder='" + translated + "',device='cpu'");
        assertEquals(0, t.code(), t.toString());
        assertTrue(Files.isRegularFile(translated.resolve("BrainProtonDensitySlice.tif")), t.toString());

        Path denoiser = TestModels.denoiser(dir.resolve("denoiser"));
        Path denoised = dir.resolve("denoised");
        CliRun d = CliRun.of("--headless", "--run", "Plugins>GAN>Denoise", "model='" + denoiser + "',input='" + TestModels.CT
                + "',output_folder='" + denoised + "',removed_noise=true,device='cpu'");
        assertEquals(0, d.code(), d.toString());
        assertTrue(Files.isRegularFile(denoised.resolve("CT_small.tif")), d.toString());
        assertTrue(Files.isRegularFile(denoised.resolve("CT_small_noise.tif")), d.toString());
    }

    @Test
    void trainTranslationFromItsParametersAndDenoisingAndColorizerFromConfigFiles() throws Exception {
        Path pix2pix = dir.resolve("pix2pix");
        CliRun t = CliRun.of("--headless", "--run", "Plugins>GAN>Train>Translation (pix2pix, CycleGAN)...",
                "data='test-data/synthetic/paired',run_folder='" + pix2pix + "',model='pix2pix',generator='resnet_6blocks',"
                        + "crop_size=32,load_size=32,epochs=1,decay_epochs=0,batch_size=32,network_width=4,seed=1,config='',device='cpu'");
        assertEquals(0, t.code(), t.toString());
        assertTrue(Files.isRegularFile(pix2pix.resolve("model.zip")), t.toString());

        Files.createDirectories(dir.resolve("ct"));
        Files.copy(TestModels.CT, dir.resolve("ct/CT_small.dcm"));
        Path denoiseConfig = Files.writeString(dir.resolve("denoise.json"),
                TestModels.denoiseConfig().with("data", dir.resolve("ct").toString()).toJson().toString());
        Path denoiser = dir.resolve("denoiser");
        // data='' because a data folder, when given (or remembered from an earlier run), replaces the config's
        CliRun d = CliRun.of("--headless", "--run", "Plugins>GAN>Train>Denoising...",
                "config='" + denoiseConfig + "',data='',run_folder='" + denoiser + "',device='cpu'");
        assertEquals(0, d.code(), d.toString());
        assertTrue(Files.isRegularFile(denoiser.resolve("model.zip")), d.toString());

        Path tiles = Files.createDirectories(dir.resolve("tiles"));
        Files.copy(Path.of("test-data/histology/ihc.png"), tiles.resolve("ihc.png"));
        Path colorizerConfig = Files.writeString(dir.resolve("colorizer.json"), "{\"kind\": \"colorizer\", \"data\": \"" + tiles
                + "\", \"generator\": \"resnet_6blocks\", \"ngf\": 4, \"ndf\": 4, \"crop_size\": 32, \"patches_per_image\": 4,"
                + " \"batch_size\": 4, \"n_epochs\": 1, \"n_epochs_decay\": 0, \"checkpoint_every\": 0}");
        Path colorizer = dir.resolve("colorizer");
        CliRun c = CliRun.of("--headless", "--run", "Plugins>GAN>Train>Stain Colorizer...",
                "config='" + colorizerConfig + "',data='',run_folder='" + colorizer + "',device='cpu'");
        assertEquals(0, c.code(), c.toString());
        assertTrue(Files.isRegularFile(colorizer.resolve("model.zip")), c.toString());
    }

    @Test
    void normalizeStainAndEvaluateImageQualityWriteTheirFiles() throws Exception {
        Path normalized = dir.resolve("normalized");
        CliRun n = CliRun.of("--headless", "--run", "Plugins>GAN>Normalize Stain", "method='reinhard',"
                + "target='test-data/histology/ihc.png',input='test-data/histology/he_from_ihc.png',output_folder='" + normalized
                + "',save_target=''");
        assertEquals(0, n.code(), n.toString());
        assertTrue(Files.isRegularFile(normalized.resolve("he_from_ihc.tif")), n.toString());

        Path eval = dir.resolve("eval");
        CliRun e = CliRun.of("--headless", "--run", "Plugins>GAN>Evaluate>Image Quality...", "reference_folder='test-data/synthetic/paired/A',"
                + "test_folder='test-data/synthetic/paired/A',output_folder='" + eval + "',metrics='psnr, ssim',data_range=255");
        assertEquals(0, e.code(), e.toString());
        List<String> rows = Files.readAllLines(eval.resolve("metrics.csv"));
        assertEquals(65, rows.size(), "a header and the 64 pairs");
        assertTrue(rows.get(1).endsWith(",Infinity,1.0"), rows.get(1));
    }

    @Test
    void evaluateSyntheticDataWritesItsTablesAndPlots() throws Exception {
        Path synthetic = dir.resolve("synthetic");
        assertEquals(0, CliRun.of("generate", "--model", MODEL, "--output", synthetic.toString(), "--count", "2").code());
        Path out = dir.resolve("realism");
        CliRun r = CliRun.of("--headless", "--run", "Plugins>GAN>Evaluate>Synthetic Data...", "real_folder='test-data/synthetic/shapes',"
                + "synthetic_folder='" + synthetic + "',output_folder='" + out + "',image_size=32,latent_size=4,latent_channels=8,"
                + "epochs=1,batch_size=16,learning_rate=0.001,seed=0,pairs=2,device='cpu'");
        assertEquals(0, r.code(), r.toString());
        assertEquals(3, Files.readAllLines(out.resolve("centroid_distances.csv")).size(), r.toString());
        assertTrue(Files.isRegularFile(out.resolve("closest_pairs.png")), r.toString());
    }

    @Test
    void evaluateAugmentationBenefitWritesItsTablesAndPlot() throws Exception {
        Path synthetic = dir.resolve("synthetic");
        assertEquals(0, CliRun.of("generate", "--model", MODEL, "--output", synthetic.toString(), "--count", "2").code());
        Path out = dir.resolve("benefit");
        CliRun r = CliRun.of("--headless", "--run", "Plugins>GAN>Evaluate>Augmentation Benefit...", "real_folder='test-data/synthetic/shapes',"
                + "test_folder='',test_fraction=0.25,synthetic_folder='" + synthetic + "',synthetic_mode='all',"
                + "augmentation='rotate:15, hflip',output_folder='" + out + "',image_size=16,epochs=2,width=4,batch_size=16,"
                + "learning_rate=0.003,repeats=1,seed=0,device='cpu'");
        assertEquals(0, r.code(), r.toString());
        assertEquals(1 + 3, Files.readAllLines(out.resolve("benefit_runs.csv")).size(), r.toString());
        assertTrue(Files.isRegularFile(out.resolve("benefit.png")), r.toString());
    }

    @Test
    void aFailedCommandExitsOneWithItsReason() {
        Path missing = dir.resolve("gone.zip");
        CliRun run = CliRun.of("--headless", "--run", "Plugins>GAN>Model Info", "model='" + missing + "'");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("fiji-gan: Model Info: gone.zip: file not found: " + missing), run.toString());

        CliRun refused = CliRun.of("--headless", "--run", "Plugins>GAN>Generate Samples",
                "model='" + MODEL + "',output_folder='" + dir + "',count=0");
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("fiji-gan: Generate Samples: count: must be between 1 and 1000000, got 0"),
                refused.toString());

        // Values are remembered between runs (as in Fiji): forget them to see a required one missing.
        Context prefs = new Context(PrefService.class);
        prefs.service(PrefService.class).clear(GenerateSamplesCommand.class);
        prefs.dispose();
        CliRun unset = CliRun.of("--headless", "--run", "Plugins>GAN>Generate Samples", "count=2");
        assertEquals(1, unset.code(), unset.toString());
        assertTrue(unset.err().matches("(?s).*fiji-gan: Generate Samples: '(model|output_folder)' is required but unset\\..*"),
                unset.toString());
    }

    @Test
    void anUnknownCommandOrAMissingOneIsAUsageError() {
        CliRun unknown = CliRun.of("--headless", "--run", "Plugins>GAN>Nothing");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("fiji-gan: --run: no command \"Plugins>GAN>Nothing\""), unknown.err());
        assertEquals(2, CliRun.of("--headless", "--run").code());
        assertEquals(2, CliRun.of("--headless").code());
    }
}
