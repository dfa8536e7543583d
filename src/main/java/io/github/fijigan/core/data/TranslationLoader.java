package io.github.fijigan.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Finds the folders of a {@link TranslationImages} dataset for its mode, scans them with
 * {@link ImageFolder}, reads every image once into one {@link DomainCollector} per side, and pairs
 * aligned images. Failures name the folder or file and the problem.
 */
final class TranslationLoader {

    private final ImageReader reader;
    private final TranslationImages.Options options;
    private final ProgressListener progress;
    private final CancellationToken cancel;
    private final List<String> warnings = new ArrayList<>();
    private int done;
    private int total;

    private TranslationLoader(ImageReader reader, TranslationImages.Options options, ProgressListener progress,
            CancellationToken cancel) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.cancel = Objects.requireNonNull(cancel, "cancel");
    }

    /** See {@link TranslationImages#load(Path, Path, ImageReader, TranslationImages.Options, ProgressListener, CancellationToken)}. */
    static TranslationImages load(Path first, Path second, ImageReader reader, TranslationImages.Options options,
            ProgressListener progress, CancellationToken cancel) throws ImageReadException {
        Objects.requireNonNull(first, "first folder");
        TranslationLoader loader = new TranslationLoader(reader, options, progress, cancel);
        DomainCollector[] sides;
        switch (options.mode()) {
            case UNALIGNED:
                sides = second == null ? loader.unaligned(subfolder(first, "trainA"), subfolder(first, "trainB"))
                        : loader.unaligned(first, second);
                break;
            case ALIGNED:
                sides = second == null ? loader.sideBySide(first) : loader.pairs(first, second);
                break;
            default:
                if (second != null) {
                    throw new IllegalArgumentException("dataset mode single reads one folder, but two were given: "
                            + first + " and " + second);
                }
                sides = loader.single(first);
        }
        progress.progress(loader.total, loader.total, "Fitting the normalisation");
        DomainImages a = sides[0] == null ? null : sides[0].finish(options.normalizationA());
        DomainImages b = sides[1] == null ? null : sides[1].finish(options.normalizationB());
        loader.noteMixedSizes(a);
        loader.noteMixedSizes(b);
        boolean swap = options.direction().swaps();
        return new TranslationImages(options, swap ? b : a, swap ? a : b, loader.warnings);
    }

    /** Two folders read independently. */
    private DomainCollector[] unaligned(Path folderA, Path folderB) throws ImageReadException {
        ImageFolder a = scan(folderA, "A");
        ImageFolder b = scan(folderB, "B");
        total = a.entries().size() + b.entries().size();
        DomainCollector ca = new DomainCollector("A", folderA.toString(), options);
        DomainCollector cb = new DomainCollector("B", folderB.toString(), options);
        for (Path file : a.files()) {
            readInto(file, ca);
        }
        for (Path file : b.files()) {
            readInto(file, cb);
        }
        return new DomainCollector[] {ca, cb};
    }

    /** One folder, the input side of the direction; its normalisation is that side's. */
    private DomainCollector[] single(Path folder) throws ImageReadException {
        boolean isB = options.direction().swaps();
        ImageFolder scanned = scan(folder, isB ? "B" : "A");
        total = scanned.entries().size();
        DomainCollector c = new DomainCollector(isB ? "B" : "A", folder.toString(), options);
        for (Path file : scanned.files()) {
            readInto(file, c);
        }
        return isB ? new DomainCollector[] {null, c} : new DomainCollector[] {c, null};
    }

    /** Two folders whose files pair by name without extension; every file must have its partner. */
    private DomainCollector[] pairs(Path folderA, Path folderB) throws ImageReadException {
        ImageFolder a = scan(folderA, "A");
        ImageFolder b = scan(folderB, "B");
        Map<String, Path> byStemA = byStem(a);
        Map<String, Path> byStemB = byStem(b);
        List<String> lonelyA = names(byStemA, byStemB);
        List<String> lonelyB = names(byStemB, byStemA);
        if (!lonelyA.isEmpty() || !lonelyB.isEmpty()) {
            StringBuilder msg = new StringBuilder("aligned pairs match by file name (extension aside) with ").append(folderB);
            if (!lonelyA.isEmpty()) {
                msg.append("; ").append(lonelyA.size()).append(" file(s) of A have no partner in B: ").append(list(lonelyA));
            }
            if (!lonelyB.isEmpty()) {
                msg.append("; ").append(lonelyB.size()).append(" file(s) of B have no partner in A: ").append(list(lonelyB));
            }
            if (!warnings.isEmpty()) {
                msg.append(" (skipped while scanning: ").append(String.join("; ", warnings)).append(')');
            }
            throw new ImageReadException(folderA, msg.toString());
        }
        total = 2 * byStemA.size();
        DomainCollector ca = new DomainCollector("A", folderA.toString(), options);
        DomainCollector cb = new DomainCollector("B", folderB.toString(), options);
        for (Map.Entry<String, Path> pair : byStemA.entrySet()) {
            Path fileA = pair.getValue();
            Path fileB = byStemB.get(pair.getKey());
            int before = ca.size();
            readInto(fileA, ca);
            readInto(fileB, cb);
            if (ca.size() != cb.size()) {
                throw new ImageReadException(fileB, "has " + (cb.size() - before) + " plane(s) but its partner " + fileA
                        + " has " + (ca.size() - before));
            }
            for (int i = before; i < ca.size(); i++) {
                requireSameSize(ca, cb, i, fileB);
            }
        }
        return new DomainCollector[] {ca, cb};
    }

    /** One folder of A|B images: the left half of each is A, the right half B. */
    private DomainCollector[] sideBySide(Path folder) throws ImageReadException {
        ImageFolder scanned = scan(folder, "A|B");
        total = scanned.entries().size();
        DomainCollector ca = new DomainCollector("A", folder + " (left halves)", options);
        DomainCollector cb = new DomainCollector("B", folder + " (right halves)", options);
        for (Path file : scanned.files()) {
            CalibratedImage<?> image = read(file);
            String name = file.getFileName().toString();
            int width = Math.toIntExact(image.size(Axis.X)), height = Math.toIntExact(image.size(Axis.Y));
            if (width % 2 != 0) {
                throw new ImageReadException(file, "is " + width + " pixels wide; a side-by-side A|B image needs an even width "
                        + "(A the left half, B the right)");
            }
            try {
                ca.note(image, name);
                cb.note(image, name);
                long zs = image.size(Axis.Z), ts = image.size(Axis.T);
                for (long t = 0; t < ts; t++) {
                    for (long z = 0; z < zs; z++) {
                        float[] values = SourceUnits.readPlane(image, z, t);
                        int half = width / 2;
                        ca.add(half(values, width, height, 0), half, height, planeName(name, z, t, zs, ts, "left half"));
                        cb.add(half(values, width, height, half), half, height, planeName(name, z, t, zs, ts, "right half"));
                    }
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ImageReadException(file, e.getMessage(), e);
            }
        }
        return new DomainCollector[] {ca, cb};
    }

    /** Uncropped samples of different sizes fail in batches of more than one, so say so before training starts. */
    private void noteMixedSizes(DomainImages domain) {
        if (domain == null || options.preprocess().crops()) {
            return;
        }
        for (int i = 1; i < domain.size(); i++) {
            if (domain.width(i) != domain.width(0) || domain.height(i) != domain.height(0)) {
                warnings.add(domain.folderName() + ": " + domain.source(i) + " is " + domain.width(i) + "x" + domain.height(i)
                        + " but " + domain.source(0) + " is " + domain.width(0) + "x" + domain.height(0) + " with preprocess "
                        + options.preprocess().spec() + ", so batches must hold one image");
                return;
            }
        }
    }

    private void readInto(Path file, DomainCollector collector) throws ImageReadException {
        CalibratedImage<?> image = read(file);
        String name = file.getFileName().toString();
        try {
            collector.note(image, name);
            int width = Math.toIntExact(image.size(Axis.X)), height = Math.toIntExact(image.size(Axis.Y));
            long zs = image.size(Axis.Z), ts = image.size(Axis.T);
            for (long t = 0; t < ts; t++) {
                for (long z = 0; z < zs; z++) {
                    collector.add(SourceUnits.readPlane(image, z, t), width, height, planeName(name, z, t, zs, ts, ""));
                }
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ImageReadException(file, e.getMessage(), e);
        }
    }

    private CalibratedImage<?> read(Path file) throws ImageReadException {
        cancel.throwIfCancelled("loading translation images");
        progress.progress(done++, total, "Reading " + file.getFileName());
        return reader.read(file);
    }

    private ImageFolder scan(Path folder, String side) throws ImageReadException {
        ImageFolder scanned = ImageFolder.scan(folder, reader);
        scanned.warnings().forEach(w -> warnings.add(side + ": " + w));
        return scanned;
    }

    /** @return {@code root/name}, refusing a root without it */
    private static Path subfolder(Path root, String name) throws ImageReadException {
        if (!Files.isDirectory(root)) {
            throw new ImageReadException(root, Files.exists(root) ? "not a folder" : "folder not found");
        }
        Path sub = root.resolve(name);
        if (!Files.isDirectory(sub)) {
            throw new ImageReadException(root, "no " + name + " folder in it; unaligned data needs folders trainA and trainB "
                    + "under the root, or two folders given apart");
        }
        return sub;
    }

    private static void requireSameSize(DomainCollector a, DomainCollector b, int i, Path fileB) throws ImageReadException {
        if (a.width(i) != b.width(i) || a.height(i) != b.height(i)) {
            throw new ImageReadException(fileB, b.source(i) + " is " + b.width(i) + "x" + b.height(i) + " but its partner "
                    + a.source(i) + " is " + a.width(i) + "x" + a.height(i) + " once loaded; aligned pairs share one crop, "
                    + "so they need the same size (preprocess resize_and_crop makes them so)");
        }
    }

    /** @return the files of a folder by name without extension, refusing two files with one name */
    static Map<String, Path> byStem(ImageFolder folder) throws ImageReadException {
        Map<String, Path> map = new LinkedHashMap<>();
        for (Path file : folder.files()) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            Path other = map.putIfAbsent(stem, file);
            if (other != null) {
                throw new ImageReadException(folder.folder(), other.getFileName() + " and " + name
                        + " have the same name; aligned pairs match by file name without extension");
            }
        }
        return map;
    }

    /** @return the file names in {@code side} whose stem {@code other} lacks */
    static List<String> names(Map<String, Path> side, Map<String, Path> other) {
        List<String> lonely = new ArrayList<>();
        side.forEach((stem, file) -> {
            if (!other.containsKey(stem)) {
                lonely.add(file.getFileName().toString());
            }
        });
        return lonely;
    }

    static String list(List<String> names) {
        int shown = Math.min(names.size(), 5);
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
    }

    /** @return the columns [from, from + width/2) of every channel plane of {@code width × height} values */
    private static float[] half(float[] values, int width, int height, int from) {
        int half = width / 2;
        int channels = values.length / (width * height);
        float[] out = new float[channels * height * half];
        for (int row = 0; row < channels * height; row++) {
            System.arraycopy(values, row * width + from, out, row * half, half);
        }
        return out;
    }

    private static String planeName(String name, long z, long t, long zs, long ts, String part) {
        List<String> tags = new ArrayList<>();
        if (zs * ts > 1) {
            tags.add("z=" + (z + 1));
            tags.add("t=" + (t + 1));
        }
        if (!part.isEmpty()) {
            tags.add(part);
        }
        return tags.isEmpty() ? name : name + " [" + String.join(", ", tags) + "]";
    }
}
