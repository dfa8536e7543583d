package io.github.fijigan.core.train;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.fijigan.core.data.DatasetMode;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.Preprocess;
import io.github.fijigan.core.data.TranslationDirection;
import io.github.fijigan.core.data.TranslationImages;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Loads the two domains a translation config names. Its {@code data} is a root folder laid out as
 * the reference implementation's datasets are: {@code trainA/} and {@code trainB/} (unaligned, or
 * aligned pairs by name), {@code A/} and {@code B/} (the same), {@code train/} of A|B side-by-side
 * images (aligned), or the side-by-side images themselves.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults(ModelKind.PIX2PIX).with("data", "/data/mr2ct");
 * TranslationImages data = TranslationData.load(config, Path.of(config.data()), reader);
 * }</pre>
 */
public final class TranslationData {

    private TranslationData() {}

    /** @return the config's dataset options: mode, direction, preprocessing, sizes, flip, normalisation */
    public static TranslationImages.Options options(TrainConfig config) {
        return TranslationImages.Options.DEFAULT
                .withMode(DatasetMode.parse(config.datasetMode()))
                .withDirection(TranslationDirection.parse(config.direction()))
                .withPreprocess(Preprocess.parse(config.preprocess()), config.loadSize(), config.cropSize())
                .withFlip(!config.noFlip())
                .withNormalization(config.normalizationA(), config.normalizationB());
    }

    /** Loads {@code root} as {@link #load(TrainConfig, Path, ImageReader, ProgressListener, CancellationToken)} does. */
    public static TranslationImages load(TrainConfig config, Path root, ImageReader reader) throws ImageReadException {
        return load(config, root, reader, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * @param root the dataset's root folder (see the class comment)
     * @throws ImageReadException naming the folder or file that cannot be used
     */
    public static TranslationImages load(TrainConfig config, Path root, ImageReader reader, ProgressListener progress,
            CancellationToken cancel) throws ImageReadException {
        if (!config.isTranslation()) {
            throw new IllegalArgumentException("kind " + config.kind().id() + " does not translate images");
        }
        TranslationImages.Options options = options(config);
        for (String[] pair : new String[][] {{"trainA", "trainB"}, {"A", "B"}}) {
            Path a = root.resolve(pair[0]);
            Path b = root.resolve(pair[1]);
            if (Files.isDirectory(a) && Files.isDirectory(b)) {
                return TranslationImages.load(a, b, reader, options, progress, cancel);
            }
        }
        if (options.mode() == DatasetMode.ALIGNED && Files.isDirectory(root.resolve("train"))) {
            return TranslationImages.load(root.resolve("train"), null, reader, options, progress, cancel);
        }
        return TranslationImages.load(root, null, reader, options, progress, cancel);
    }
}
