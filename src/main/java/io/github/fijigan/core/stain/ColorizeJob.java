package io.github.fijigan.core.stain;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import ai.djl.Device;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.ModelImageJob;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.job.EachImage;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Normalises the stain of one image file or every image of a folder with a colorizer (kind {@code
 * colorizer}, see {@link Colorizer}) and writes {@code NAME.EXT} (the writer's extension, e.g. TIFF
 * or PNG) for each input to an output folder. The one code path for the command line, a Fiji
 * command and a macro function.
 *
 * <pre>{@code
 * ColorizeJob.Result r = ColorizeJob.create(Path.of("lab-b-stain.zip"), Path.of("lab-a-tiles/"), Path.of("normalised/"))
 *         .options(TranslateOptions.DEFAULTS.withTileSize(512))
 *         .reader(new ImageJReader()).writer(SampleWriters.tiff())
 *         .run(ProgressListener.NONE, new CancellationToken());
 * CalibratedImage<?> one = ColorizeJob.forImage(model, slide, null).writer(w).run(listener, token).inMemory().orElseThrow();
 * }</pre>
 */
public final class ColorizeJob extends ModelImageJob<ColorizeJob, Colorizer, CalibratedImage<?>, ColorizeJob.Result> {

    /**
     * What a colorize job wrote.
     *
     * @param files the normalised images, in input order
     * @param folder the output folder
     * @param images how many inputs were normalised
     * @param inMemory the result for an image given in memory ({@link #forImage}); empty for files
     */
    public record Result(List<Path> files, Optional<Path> folder, int images, Optional<CalibratedImage<?>> inMemory)
            implements JobResult {

        public Result {
            files = List.copyOf(files);
        }

        @Override
        public String summary() {
            String where = folder.map(f -> " to " + f).orElse("");
            return String.format(Locale.ROOT, "normalised the stain of %d image%s%s", images, images == 1 ? "" : "s", where);
        }

        @Override
        public List<Path> outputs() {
            return folder.map(List::of).orElse(List.of());
        }
    }

    private ColorizeJob(Path model, Path input, CalibratedImage<?> image, Path outputFolder) {
        super(model, input, image, outputFolder);
    }

    /**
     * @param model a colorizer bundle
     * @param input an image file, or a folder whose images are all normalised
     * @param outputFolder where the results go (created when missing)
     */
    public static ColorizeJob create(Path model, Path input, Path outputFolder) {
        return new ColorizeJob(model, input, null, outputFolder);
    }

    /**
     * @param model a colorizer bundle
     * @param image an image in memory, named by {@link CalibratedImage#name()}; the result comes back
     *     in {@link Result#inMemory()}
     * @param outputFolder where {@code NAME.EXT} also goes, or null to write nothing
     */
    public static ColorizeJob forImage(Path model, CalibratedImage<?> image, Path outputFolder) {
        return new ColorizeJob(model, null, Objects.requireNonNull(image, "image"), outputFolder);
    }

    @Override
    public String title() {
        return "Normalising stain with " + modelName();
    }

    @Override
    protected ColorizeJob self() {
        return this;
    }

    @Override
    protected Colorizer open(Path bundle, Device device) throws ModelBundleException {
        return Colorizer.open(bundle, device);
    }

    @Override
    protected EachImage.Step<CalibratedImage<?>> step(Colorizer opened, TranslateOptions tiling) {
        return (source, progress, cancel) -> opened.colorize(source, tiling, progress, cancel);
    }

    @Override
    protected List<EachImage.Output> outputs(CalibratedImage<?> result) {
        return List.of(new EachImage.Output("", result));
    }

    @Override
    protected String verb() {
        return "Normalizing";
    }

    @Override
    protected Result result(EachImage.Done<CalibratedImage<?>> done, Colorizer opened) {
        return new Result(done.written(), Optional.ofNullable(outputFolder), done.images(), done.inMemory());
    }
}
