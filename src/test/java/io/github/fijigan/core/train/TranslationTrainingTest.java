package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.infer.TranslationModel;
import io.github.fijigan.core.infer.Translator;
import io.github.fijigan.core.metrics.Ssim;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.tensor.ImageTensors;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pix2pix and CycleGAN trained for a few hundred iterations on the committed synthetic sets learn
 * their tasks: measured on images they never saw.
 */
class TranslationTrainingTest {

    private static final Path PAIRED = Path.of("test-data/synthetic/paired");
    private static final Path UNPAIRED = Path.of("test-data/synthetic/unpaired");

    @BeforeAll
    static void engine() {
        EngineStarter.start(EngineOptions.defaults());
    }

    /** ResNet-6 at ngf 8 and a basic PatchGAN at ndf 8 on 32×32 crops: about 120 thousand parameters in all. */
    static TrainConfig tiny(ModelKind kind, int epochs) {
        return TrainConfig.defaults(kind)
                .with("generator", "resnet_6blocks")
                .with("ngf", 8)
                .with("ndf", 8)
                .with("preprocess", "none")
                .with("load_size", 32)
                .with("crop_size", 32)
                .with("n_epochs", epochs)
                .with("n_epochs_decay", 0)
                .with("batch_size", 4)
                .with("lr", 1e-3)
                .with("use_dropout", false)
                .with("checkpoint_every", 0)
                .with("seed", 5);
    }

    @Test
    void pix2pixLearnsThePairedFunctionOnHeldOutPairs(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("data");
        List<String> heldOut = split(PAIRED.resolve("A"), PAIRED.resolve("B"), root, 48);
        TrainConfig config = tiny(ModelKind.PIX2PIX, 20);
        TrainingResult result = new GanTrainer(config, TranslationData.load(config, root, new ImageJReader()), tmp.resolve("run")).train();
        double trained = meanSsim(result.model().orElseThrow(), "generator", heldOut);
        double before = untrainedSsim(config, root, tmp, heldOut);
        System.out.printf("pix2pix held-out SSIM: untrained %.4f, trained %.4f%n", before, trained);
        assertTrue(trained > 0.8, "trained SSIM " + trained);
        assertTrue(before < 0.5, "untrained SSIM " + before);
    }

    /**
     * Domain A (bright discs on dark) translated to B (dark squares on bright): the grey-level
     * histogram of the translated held-out A images moves towards that of real B images.
     */
    @Test
    void cycleGanMovesHeldOutImagesTowardsTheOtherDomain(@TempDir Path tmp) throws Exception {
        TrainConfig config = tiny(ModelKind.CYCLEGAN, 12);
        TrainingResult result = new GanTrainer(config, TranslationData.load(config, UNPAIRED, new ImageJReader()), tmp.resolve("run"))
                .train();
        double[] realB = histogram(images(UNPAIRED.resolve("testB")));
        List<float[]> testA = images(UNPAIRED.resolve("testA"));
        List<float[]> translated = new ArrayList<>();
        try (TranslationModel model = TranslationModel.open(result.model().orElseThrow(), "A->B", Device.cpu())) {
            Translator translator = model.translator(TranslateOptions.DEFAULTS, false);
            for (Path file : files(UNPAIRED.resolve("testA"))) {
                translated.add(floats(translator.translate(new ImageJReader().read(file)).image().data()));
            }
        }
        double before = l1(histogram(testA), realB);
        double after = l1(histogram(translated), realB);
        System.out.printf("CycleGAN histogram L1 to real B: untranslated A %.3f, translated A %.3f%n", before, after);
        assertTrue(after < 0.5 * before, "translated " + after + " vs untranslated " + before);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (var list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }

    private static List<float[]> images(Path folder) throws IOException, ImageReadException {
        List<float[]> out = new ArrayList<>();
        for (Path f : files(folder)) {
            out.add(floats(new ImageJReader().read(f).data()));
        }
        return out;
    }

    /** 32 bins over 0..255, normalised to sum 1. */
    private static double[] histogram(List<float[]> images) {
        double[] h = new double[32];
        long n = 0;
        for (float[] image : images) {
            for (float v : image) {
                h[Math.max(0, Math.min(31, (int) (v / 8)))]++;
                n++;
            }
        }
        for (int i = 0; i < h.length; i++) {
            h[i] /= n;
        }
        return h;
    }

    private static double l1(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s;
    }

    private static List<String> split(Path a, Path b, Path root, int train) throws IOException {
        List<String> names;
        try (var files = Files.list(a)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Files.createDirectories(root.resolve("A"));
        Files.createDirectories(root.resolve("B"));
        for (String n : names.subList(0, train)) {
            Files.copy(a.resolve(n), root.resolve("A").resolve(n));
            Files.copy(b.resolve(n), root.resolve("B").resolve(n));
        }
        return new ArrayList<>(names.subList(train, names.size()));
    }

    private static double untrainedSsim(TrainConfig config, Path root, Path tmp, List<String> heldOut) throws Exception {
        TrainConfig none = config.with("n_epochs", 1).with("lr", 1e-12);
        TrainingResult r = new GanTrainer(none, TranslationData.load(none, root, new ImageJReader()), tmp.resolve("untrained")).train();
        return meanSsim(r.model().orElseThrow(), "generator", heldOut);
    }

    private static double meanSsim(Path model, String network, List<String> heldOut) throws IOException, ImageReadException {
        ImageJReader reader = new ImageJReader();
        double sum = 0;
        try (NDManager manager = NDManager.newBaseManager(); ModelBundle bundle = ModelBundles.read(model, manager)) {
            NetworkSpec spec = bundle.manifest().networks().get(network);
            Network g = Network.forInference(network, spec, manager);
            bundle.loadInto(network, g.block());
            DomainSpec a = bundle.manifest().domains().get("A");
            DomainSpec b = bundle.manifest().domains().get("B");
            for (String name : heldOut) {
                CalibratedImage<?> input = reader.read(PAIRED.resolve("A").resolve(name));
                CalibratedImage<?> target = reader.read(PAIRED.resolve("B").resolve(name));
                NDArray x = ImageTensors.fromPlane(manager, input.data(), a.normalization().toNetwork());
                Img<FloatType> out = ImageTensors.toFloatImage(g.forward(x, false), 0, b.normalization().fromNetwork());
                sum += Ssim.gaussian(floats(out), floats(target.data()), 32, 32, 255);
            }
        }
        return sum / heldOut.size();
    }

    private static float[] floats(RandomAccessibleInterval<?> image) {
        float[] v = new float[32 * 32];
        int i = 0;
        for (Object p : Views.flatIterable(image)) {
            v[i++] = ((net.imglib2.type.numeric.RealType<?>) p).getRealFloat();
        }
        return v;
    }
}
