package io.github.fijigan.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.noise.PoissonNoise;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Finds the folders of a {@link DenoiseImages} dataset, pairs noisy and clean files by name, reads
 * every image once into {@link DenoisePlanes}, and fits the one intensity map noisy and clean
 * share.
 */
final class DenoiseLoader {

    /** The folders of real pairs under the dataset's root. */
    static final String CLEAN = "clean";
    static final String NOISY = "noisy";
    /** {@code auto} for images in HU: the usual CT window, fixed so HU keep their meaning across scans. */
    private static final String CT_WINDOW = "window:-1000,1000";

    private DenoiseLoader() {}

    /** See {@link DenoiseImages#load}. */
    static DenoiseImages load(Path root, ImageReader reader, DenoiseImages.Options options, ProgressListener progress,
            CancellationToken cancel) throws ImageReadException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(reader, "reader");
        if (!Files.isDirectory(root)) {
            throw new ImageReadException(root, Files.exists(root) ? "not a folder" : "folder not found");
        }
        Path cleanFolder = Files.isDirectory(root.resolve(CLEAN)) ? root.resolve(CLEAN) : root;
        Path noisyFolder = Files.isDirectory(root.resolve(NOISY)) ? root.resolve(NOISY) : null;
        if (noisyFolder != null && cleanFolder == root) {
            throw new ImageReadException(root, "has a " + NOISY + " folder but no " + CLEAN + " folder; real pairs need both, with "
                    + "matching file names");
        }
        String problem = pairingProblem(noisyFolder != null, options);
        if (problem != null) {
            throw new ImageReadException(root, problem);
        }
        List<String> warnings = new ArrayList<>();
        ImageFolder cleanImages = ImageFolder.scan(cleanFolder, reader);
        cleanImages.warnings().forEach(w -> warnings.add(CLEAN + ": " + w));
        List<Path> cleanFiles = cleanImages.files();
        List<Path> noisyFiles = null;
        if (noisyFolder != null) {
            ImageFolder noisyImages = ImageFolder.scan(noisyFolder, reader);
            noisyImages.warnings().forEach(w -> warnings.add(NOISY + ": " + w));
            noisyFiles = pair(cleanImages, noisyImages, cleanFiles);
        }
        String origin = noisyFolder == null ? cleanFolder.toString() : cleanFolder + " and " + noisyFolder;
        DenoisePlanes planes = new DenoisePlanes(origin, options.cropSize());
        int total = cleanFiles.size() * (noisyFiles == null ? 1 : 2);
        int done = 0;
        for (int i = 0; i < cleanFiles.size(); i++) {
            Path file = cleanFiles.get(i);
            cancel.throwIfCancelled("loading denoising images");
            progress.progress(done++, total, "Reading " + file.getFileName());
            CalibratedImage<?> cleanImage = reader.read(file);
            CalibratedImage<?> noisyImage = null;
            if (noisyFiles != null) {
                progress.progress(done++, total, "Reading " + noisyFiles.get(i).getFileName());
                noisyImage = reader.read(noisyFiles.get(i));
            }
            try {
                planes.add(cleanImage, noisyImage, file.getFileName().toString());
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ImageReadException(file, e.getMessage(), e);
            }
        }
        progress.progress(total, total, "Fitting the normalisation");
        return finish(planes, options, warnings);
    }

    /** See {@link DenoiseImages#of}. */
    static DenoiseImages of(List<? extends CalibratedImage<?>> clean, List<? extends CalibratedImage<?>> noisy,
            DenoiseImages.Options options) {
        Objects.requireNonNull(options, "options");
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("no clean images given");
        }
        String problem = pairingProblem(noisy != null, options);
        if (problem != null) {
            throw new IllegalArgumentException(problem.replace("folder", "list"));
        }
        if (noisy != null && noisy.size() != clean.size()) {
            throw new IllegalArgumentException(noisy.size() + " noisy images for " + clean.size() + " clean ones; pairs come one for one");
        }
        DenoisePlanes planes = new DenoisePlanes("open images", options.cropSize());
        for (int i = 0; i < clean.size(); i++) {
            CalibratedImage<?> image = clean.get(i);
            planes.add(image, noisy == null ? null : noisy.get(i), image.name().isEmpty() ? "image " + (i + 1) : image.name());
        }
        return finish(planes, options, new ArrayList<>());
    }

    /** @return why real pairs (or their absence) do not go with the options' simulator, or null when they do */
    private static String pairingProblem(boolean pairs, DenoiseImages.Options options) {
        if (pairs && options.noise() != null) {
            return "holds real pairs (a " + NOISY + " folder beside " + CLEAN + ") but the noise simulator " + options.noise().name()
                    + " is chosen; train on the pairs with noise none, or give clean images only";
        }
        if (!pairs && options.noise() == null) {
            return "has no " + NOISY + " folder of real noisy images beside " + CLEAN + "; give real pairs (folders " + NOISY + " and "
                    + CLEAN + " with matching file names) or choose a noise simulator (gaussian, poisson or rician)";
        }
        return null;
    }

    /** @return the noisy file of each clean file, by name without extension; every file must have its partner */
    private static List<Path> pair(ImageFolder clean, ImageFolder noisy, List<Path> cleanFiles) throws ImageReadException {
        Map<String, Path> byStemClean = TranslationLoader.byStem(clean);
        Map<String, Path> byStemNoisy = TranslationLoader.byStem(noisy);
        List<String> lonelyClean = TranslationLoader.names(byStemClean, byStemNoisy);
        List<String> lonelyNoisy = TranslationLoader.names(byStemNoisy, byStemClean);
        if (!lonelyClean.isEmpty() || !lonelyNoisy.isEmpty()) {
            StringBuilder msg = new StringBuilder("noisy and clean images pair by file name (extension aside)");
            if (!lonelyClean.isEmpty()) {
                msg.append("; ").append(lonelyClean.size()).append(" clean file(s) have no noisy partner: ")
                        .append(TranslationLoader.list(lonelyClean));
            }
            if (!lonelyNoisy.isEmpty()) {
                msg.append("; ").append(lonelyNoisy.size()).append(" noisy file(s) have no clean partner: ")
                        .append(TranslationLoader.list(lonelyNoisy));
            }
            throw new ImageReadException(clean.folder().getParent() == null ? clean.folder() : clean.folder().getParent(),
                    msg.toString());
        }
        List<Path> partners = new ArrayList<>();
        for (Path file : cleanFiles) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            partners.add(byStemNoisy.get(dot > 0 ? name.substring(0, dot) : name));
        }
        return partners;
    }

    private static DenoiseImages finish(DenoisePlanes planes, DenoiseImages.Options options, List<String> warnings) {
        if (planes.size() == 0) {
            throw new IllegalArgumentException("no image planes to train on");
        }
        String unit = planes.calibration().unit();
        if (options.noise() instanceof PoissonNoise && !unit.equals("HU")) {
            warnings.add("poisson noise simulates CT in HU, but the images' values are in " + (unit.isEmpty() ? "no unit"
                    : "'" + unit + "'") + "; they are taken as HU");
        }
        boolean auto = options.normalization().toLowerCase(Locale.ROOT).equals(DenoiseImages.AUTO);
        IntensityMap fitted = planes.units().fit(auto && unit.equals("HU") ? CT_WINDOW : options.normalization());
        IntensityMap unclipped = new IntensityMap(fitted.method(), fitted.low(), fitted.high(), false, fitted.lowPercentile(),
                fitted.highPercentile());
        return new DenoiseImages(options, planes, unclipped, warnings);
    }
}
