package io.github.fijigan.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import io.github.fijigan.core.data.BatchOrder;
import io.github.fijigan.core.data.ImageWriter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.tensor.ImageTensors;
import io.github.fijigan.core.tensor.LinearMap;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Draws synthetic images from a trained synthesis model (DCGAN, WGAN-GP, SN-GAN, AC-GAN), in the
 * units and pixel type of its training data: as tensors, as imglib2 images, or into a folder with
 * one subfolder per class, ready to merge into a training set. The same seed gives the same samples.
 *
 * <pre>{@code
 * try (SampleGenerator generator = SampleGenerator.open(Path.of("run/model.zip"), Device.cpu())) {
 *     List<Img<?>> lesions = generator.images(100, generator.classes().indexOf("melanoma"), 7);
 *     generator.writeFolder(Path.of("synthetic"), 500, 7, new PngImageWriter());   // synthetic/<class>/...
 * }
 * }</pre>
 */
public final class SampleGenerator implements AutoCloseable {

    /** Samples per forward pass: bounds memory whatever is asked for. */
    static final int BATCH = 32;

    private final NDManager manager;
    private final ModelManifest manifest;
    private final Network generator;
    private final DomainSpec domain;
    private final String outputType;
    private final List<String> classes;

    private SampleGenerator(NDManager manager, ModelManifest manifest, Network generator, String outputType, boolean conditional) {
        this.manager = manager;
        this.classes = conditional ? manifest.classes() : List.of();
        this.manifest = manifest;
        this.generator = generator;
        this.domain = manifest.domains().get(SynthesisBundles.DOMAIN);
        this.outputType = outputType;
    }

    /**
     * @throws ModelBundleException naming the file and the problem, e.g. a translation model
     */
    public static SampleGenerator open(Path model, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try (ModelBundle bundle = ModelBundles.read(model, manager)) {
            String file = model.getFileName().toString();
            ModelManifest manifest = bundle.manifest();
            if (!manifest.kind().generatesFromNoise()) {
                throw new ModelBundleException(file, "kind", "a " + manifest.kind().id()
                        + " model translates images; sampling needs dcgan, wgangp, sngan or acgan");
            }
            NetworkSpec spec = manifest.networks().get(SynthesisNetworks.GENERATOR);
            if (spec == null) {
                throw new ModelBundleException(file, "networks", "no network named " + SynthesisNetworks.GENERATOR);
            }
            if (!manifest.domains().containsKey(SynthesisBundles.DOMAIN)) {
                throw new ModelBundleException(file, "domains", "no domain named " + SynthesisBundles.DOMAIN);
            }
            JsonElement type = manifest.extras().get(SynthesisBundles.OUTPUT_TYPE);
            String outputType = type == null ? "float32" : type.getAsString();
            if (!SynthesisData.OUTPUT_TYPES.contains(outputType)) {
                throw new ModelBundleException(file, SynthesisBundles.OUTPUT_TYPE, "must be one of " + SynthesisData.OUTPUT_TYPES
                        + ", got " + outputType);
            }
            int conditionalClasses = spec.options().has("classes") ? spec.options().get("classes").getAsInt() : 0;
            if (conditionalClasses != manifest.classes().size() && conditionalClasses > 0) {
                throw new ModelBundleException(file, "classes", "the generator is conditioned on " + conditionalClasses
                        + " classes but the model names " + manifest.classes().size());
            }
            Network generator = Network.forInference(SynthesisNetworks.GENERATOR, spec, manager);
            bundle.loadInto(SynthesisNetworks.GENERATOR, generator.block());
            return new SampleGenerator(manager, manifest, generator, outputType, conditionalClasses > 0);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** @return the class names of a conditional model; empty otherwise */
    public List<String> classes() {
        return classes;
    }

    /**
     * @param classIndex the class of every sample, or -1: unconditional, or (AC-GAN) a random class each
     * @return n samples (n, C, S, S) in network units [-1, 1], in {@code target}
     */
    public NDArray generate(NDManager target, int n, int classIndex, long seed) {
        checkClass(classIndex);
        SplittableRandom random = BatchOrder.random(seed, classIndex, 0, "samples");
        NDList parts = new NDList();
        try (NDManager scope = manager.newSubManager()) {
            for (int done = 0; done < n; done += BATCH) {
                int count = Math.min(BATCH, n - done);
                int[] labels = null;
                if (!classes().isEmpty()) {
                    labels = classIndex >= 0 ? filled(count, classIndex) : Latents.uniformLabels(count, classes().size(), random);
                }
                NDList input = Latents.input(scope, manifest.latentSize().getAsInt(), labels, count, random);
                parts.add(generator.forward(input, false).get(0));
            }
            NDArray all = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts);
            return target.create(all.toFloatArray(), all.getShape());
        }
    }

    /** @return n samples as images in the training data's pixel type and units (2D; RGB as ARGB) */
    public List<Img<?>> images(int n, int classIndex, long seed) {
        List<Img<?>> images = new ArrayList<>(n);
        LinearMap back = domain.normalization().fromNetwork();
        try (NDManager scope = manager.newSubManager()) {
            NDArray samples = generate(scope, n, classIndex, seed);
            for (int i = 0; i < n; i++) {
                images.add(ImageTensors.toImage(samples, i, pixelType(), back));
            }
        }
        return images;
    }

    /**
     * Writes {@code perClass} samples of every class into {@code folder/<class>/} (or {@code folder/}
     * for an unconditional model), named {@code sample_00001.<ext>}.
     *
     * @return the files written
     * @throws IOException naming the file that could not be written
     */
    public List<Path> writeFolder(Path folder, int perClass, long seed, ImageWriter writer) throws IOException {
        return writeFolder(folder, perClass, seed, writer, -1, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * Writes {@code perClass} samples of one class, or of every class, as
     * {@link #writeFolder(Path, int, long, ImageWriter)} does; the files of one class are the same
     * whether it is written alone or with the others, and whatever {@code perClass} is.
     *
     * @param onlyClass the class index to write, or -1 for every class (and for an unconditional model)
     * @param progress hears each file written
     * @param cancel checked between batches; a cancelled call keeps the files already written
     * @return the files written
     * @throws IOException naming the file that could not be written
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled
     */
    public List<Path> writeFolder(Path folder, int perClass, long seed, ImageWriter writer, int onlyClass,
            ProgressListener progress, CancellationToken cancel) throws IOException {
        checkClass(onlyClass);
        List<Path> written = new ArrayList<>();
        List<String> names = classes().isEmpty() ? List.of("") : classes();
        int from = onlyClass < 0 ? 0 : onlyClass;
        int to = onlyClass < 0 ? names.size() : onlyClass + 1;
        long total = (long) perClass * (to - from);
        for (int k = from; k < to; k++) {
            Path dir = names.get(k).isEmpty() ? folder : folder.resolve(names.get(k));
            Files.createDirectories(dir);
            int classIndex = classes().isEmpty() ? -1 : k;
            for (int done = 0; done < perClass; done += BATCH) {
                cancel.throwIfCancelled("writing samples");
                int count = Math.min(BATCH, perClass - done);
                // One seed per chunk keeps memory bounded and each file the same whatever perClass is.
                List<Img<?>> images = images(count, classIndex, seed * 1_000_003L + done);
                for (int i = 0; i < count; i++) {
                    Path file = dir.resolve(String.format(Locale.ROOT, "sample_%05d.%s", done + i + 1, writer.extension()));
                    writer.write(CalibratedImage.plain(images.get(i), file.getFileName().toString()), file);
                    written.add(file);
                    progress.progress(written.size(), total, "Wrote " + folder.relativize(file));
                }
            }
        }
        return written;
    }

    /** @return the pixel type samples come in: {@code uint8}, {@code uint16}, {@code int16}, {@code rgb} or {@code float32} */
    public String outputType() {
        return outputType;
    }

    private Object pixelType() {
        return switch (outputType) {
            case "uint8" -> new UnsignedByteType();
            case "uint16" -> new UnsignedShortType();
            case "int16" -> new ShortType();
            case "rgb" -> new ARGBType();
            default -> new FloatType();
        };
    }

    private void checkClass(int classIndex) {
        if (classIndex < -1 || classIndex >= classes().size()) {
            throw new IllegalArgumentException("class " + classIndex + " does not exist; the model has "
                    + (classes().isEmpty() ? "no classes" : "classes " + classes()));
        }
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    @Override
    public void close() {
        manager.close();
    }
}
