package io.github.fijigan.core.infer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import ai.djl.Device;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.job.EachImage;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Denoises one image file or every image of a folder with a denoiser (kind {@code denoise}) and
 * writes the results, in the inputs' type, units and calibration, to an output folder: {@code
 * NAME.tif} for each input, and {@code NAME_noise.tif} (input minus output, float32, physical units)
 * when asked. The one code path for the command line, a Fiji command and a macro function.
 *
 * <pre>{@code
 * DenoiseJob.Result r = DenoiseJob.create(Path.of("ct-denoiser.zip"), Path.of("low-dose/"), Path.of("denoised/"))
 *         .options(TranslateOptions.DEFAULTS.withTileSize(512)).removedNoise(true)
 *         .reader(new ImageJReader()).writer(SampleWriters.tiff())
 *         .run(ProgressListener.NONE, new CancellationToken());
 * }</pre>
 */
public final class DenoiseJob extends ModelImageJob<DenoiseJob, DenoiseModel, Denoising, DenoiseJob.Result> {

    /**
     * What a denoise job wrote.
     *
     * @param files the denoised images (and removed noise), in input order
     * @param folder the output folder
     * @param images how many inputs were denoised
     * @param inMemory the result for an image given in memory ({@link #forImage}); empty for files
     */
    public record Result(List<Path> files, Optional<Path> folder, int images, Optional<Denoising> inMemory) implements JobResult {

        public Result {
            files = List.copyOf(files);
        }

        @Override
        public String summary() {
            String where = folder.map(f -> " to " + f).orElse("");
            return String.format(Locale.ROOT, "denoised %d image%s%s", images, images == 1 ? "" : "s", where);
        }

        @Override
        public List<Path> outputs() {
            return folder.map(List::of).orElse(List.of());
        }
    }

    private boolean removedNoise;

    private DenoiseJob(Path model, Path input, CalibratedImage<?> image, Path outputFolder) {
        super(model, input, image, outputFolder);
    }

    /**
     * @param model a denoiser bundle
     * @param input an image file, or a folder whose images are all denoised
     * @param outputFolder where the results go (created when missing)
     */
    public static DenoiseJob create(Path model, Path input, Path outputFolder) {
        return new DenoiseJob(model, input, null, outputFolder);
    }

    /**
     * @param model a denoising model bundle
     * @param image an image (or stack) in memory, named by {@link CalibratedImage#name()}; the
     *     result comes back in {@link Result#inMemory()}
     * @param outputFolder where {@code NAME.tif} also goes, or null to write nothing
     */
    public static DenoiseJob forImage(Path model, CalibratedImage<?> image, Path outputFolder) {
        return new DenoiseJob(model, null, Objects.requireNonNull(image, "image"), outputFolder);
    }

    /** @param on whether to also write the removed noise, {@code NAME_noise.tif} */
    public DenoiseJob removedNoise(boolean on) {
        this.removedNoise = on;
        return this;
    }

    @Override
    public String title() {
        return "Denoising with " + modelName();
    }

    @Override
    protected DenoiseJob self() {
        return this;
    }

    @Override
    protected DenoiseModel open(Path bundle, Device device) throws ModelBundleException {
        return DenoiseModel.open(bundle, device);
    }

    @Override
    protected EachImage.Step<Denoising> step(DenoiseModel opened, TranslateOptions tiling) {
        Denoiser denoiser = opened.denoiser(tiling);
        return (removedNoise ? denoiser.withRemovedNoise() : denoiser)::denoise;
    }

    @Override
    protected List<EachImage.Output> outputs(Denoising d) {
        return EachImage.outputs(d.image(), "_noise", d.removedNoise());
    }

    @Override
    protected String verb() {
        return "Denoising";
    }

    @Override
    protected Result result(EachImage.Done<Denoising> done, DenoiseModel opened) {
        return new Result(done.written(), Optional.ofNullable(outputFolder), done.images(), done.inMemory());
    }
}
