package io.github.fijigan.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;

/**
 * The image files of a folder, checked and in natural order: what a dataset trains on.
 *
 * <p>Every candidate file is read once while scanning, and its pixels are dropped right away.
 * Reading up front is deliberate: unreadable files are skipped and mixed channel counts refused in
 * seconds, before a training run that would otherwise fail hours in; keeping only a summary bounds
 * memory, and the datasets read the files again when they need the pixels (from the OS cache,
 * usually).
 *
 * <p>Files are skipped, with one warning each, when their extension is not an image's (e.g.
 * {@code README.txt}) or when the reader fails on them (e.g. a truncated PNG). Hidden files (name
 * starting with ".") are skipped silently: they are system litter such as {@code .DS_Store}.
 * A file without extension is taken when it carries DICOM's "DICM" magic, as DICOM series often
 * come without extensions.
 *
 * <pre>{@code
 * ImageFolder trainA = ImageFolder.scan(Path.of("data/trainA"), new ImageJReader());
 * trainA.warnings().forEach(System.err::println);
 * int channels = trainA.channels();
 * for (ImageFolder.Entry e : trainA.entries()) { ... e.file() ... }
 *
 * // Class subfolders (data/train/benign/*.png, data/train/malignant/*.png):
 * ImageFolder labelled = ImageFolder.scan(Path.of("data/train"), reader,
 *         ImageFolder.Options.DEFAULT.withClassSubfolders(true).withWarnings(log::warn));
 * }</pre>
 */
public final class ImageFolder {

    /** File extensions (lower case, without dot) taken as images. */
    public static final Set<String> IMAGE_EXTENSIONS =
            Set.of("tif", "tiff", "png", "jpg", "jpeg", "bmp", "gif", "dcm", "dicom", "ima");

    /**
     * One readable image.
     *
     * @param file the image file
     * @param label the class (name of the subfolder) when scanning class subfolders, else ""
     * @param channels its channel count: the length of the C axis, or 3 for an RGB (ARGB) image
     * @param width length of the X axis
     * @param height length of the Y axis
     * @param planes number of 2D planes (channels × slices × frames; 1 for a plain 2D image)
     */
    public record Entry(Path file, String label, int channels, long width, long height, long planes) {
    }

    /**
     * How to scan.
     *
     * @param classSubfolders read the images of each immediate subfolder, labelled by its name,
     *     instead of the folder's own files
     * @param warnings receives each warning as it happens (besides {@link #warnings()}); never null
     */
    public record Options(boolean classSubfolders, Consumer<String> warnings) {

        /** Flat folder, warnings collected only. */
        public static final Options DEFAULT = new Options(false, w -> { });

        public Options {
            Objects.requireNonNull(warnings, "warnings");
        }

        /** @return these options with class subfolders on or off */
        public Options withClassSubfolders(boolean on) {
            return new Options(on, warnings);
        }

        /** @return these options passing each warning to a consumer too */
        public Options withWarnings(Consumer<String> consumer) {
            return new Options(classSubfolders, consumer);
        }
    }

    private final Path folder;
    private final List<Entry> entries;
    private final List<String> warnings;

    private ImageFolder(Path folder, List<Entry> entries, List<String> warnings) {
        this.folder = folder;
        this.entries = List.copyOf(entries);
        this.warnings = List.copyOf(warnings);
    }

    /** Scans a flat folder; see {@link #scan(Path, ImageReader, Options)}. */
    public static ImageFolder scan(Path folder, ImageReader reader) throws ImageReadException {
        return scan(folder, reader, Options.DEFAULT);
    }

    /**
     * Lists and checks a folder's images (not recursively, except one level of class subfolders
     * when asked).
     *
     * @throws ImageReadException when the folder is missing or not a folder, holds no readable
     *     image, or its images differ in channel count (the message names a file on each side)
     */
    public static ImageFolder scan(Path folder, ImageReader reader, Options options) throws ImageReadException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(options, "options");
        if (!Files.exists(folder)) {
            throw new ImageReadException(folder, "folder not found");
        }
        if (!Files.isDirectory(folder)) {
            throw new ImageReadException(folder, "not a folder");
        }
        List<String> warnings = new ArrayList<>();
        Consumer<String> warn = w -> {
            warnings.add(w);
            options.warnings().accept(w);
        };
        List<Entry> entries = new ArrayList<>();
        if (options.classSubfolders()) {
            for (Path sub : list(folder, warn)) {
                if (!Files.isDirectory(sub)) {
                    warn.accept(sub.getFileName() + ": skipped, a file among class subfolders");
                    continue;
                }
                String label = sub.getFileName().toString();
                int before = entries.size();
                readAll(sub, label, reader, warn, entries);
                if (entries.size() == before) {
                    warn.accept(label + ": class subfolder without readable images");
                }
            }
        } else {
            readAll(folder, "", reader, warn, entries);
        }
        if (entries.isEmpty()) {
            throw new ImageReadException(folder, "no readable images"
                    + (options.classSubfolders() ? " in its class subfolders" : "")
                    + (warnings.isEmpty() ? " (the folder is empty)" : "; " + String.join("; ", warnings)));
        }
        checkChannels(folder, entries);
        return new ImageFolder(folder, entries, warnings);
    }

    /** @return the folder scanned */
    public Path folder() {
        return folder;
    }

    /** @return the readable images, in natural order (by class, then by name) */
    public List<Entry> entries() {
        return entries;
    }

    /** @return the readable image files, in the order of {@link #entries()} */
    public List<Path> files() {
        return entries.stream().map(Entry::file).toList();
    }

    /** @return the class labels in natural order; empty unless class subfolders were scanned */
    public List<String> labels() {
        return entries.stream().map(Entry::label).filter(l -> !l.isEmpty()).distinct().toList();
    }

    /** @return the channel count shared by all images */
    public int channels() {
        return entries.get(0).channels();
    }

    /** @return one line per skipped file or empty class folder, in the order they happened */
    public List<String> warnings() {
        return warnings;
    }

    /** @return whether a file name has one of {@link #IMAGE_EXTENSIONS} */
    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static void readAll(Path dir, String label, ImageReader reader, Consumer<String> warn, List<Entry> out)
            throws ImageReadException {
        for (Path file : list(dir, warn)) {
            String name = file.getFileName().toString();
            if (Files.isDirectory(file)) {
                warn.accept(name + ": skipped, a subfolder");
                continue;
            }
            if (!hasImageExtension(file) && !(name.indexOf('.') < 0 && isDicom(file))) {
                warn.accept(name + ": skipped, not an image file extension");
                continue;
            }
            try {
                CalibratedImage<?> image = reader.read(file);
                out.add(new Entry(file, label, image.channels(), image.size(Axis.X), image.size(Axis.Y),
                        image.planeCount()));
            } catch (ImageReadException e) {
                warn.accept(name + ": skipped, " + e.problem());
            } catch (RuntimeException e) {
                // A reader's bug on one odd file should not end the scan; the warning keeps the reason.
                warn.accept(name + ": skipped, " + e);
            }
        }
    }

    private static List<Path> list(Path dir, Consumer<String> warn) throws ImageReadException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (!p.getFileName().toString().startsWith(".")) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new ImageReadException(dir, "cannot list the folder: " + e, e);
        }
        files.sort(NaturalOrder.PATHS);
        return files;
    }

    /** @return whether a file carries DICOM's "DICM" magic at byte 128 (false when unreadable) */
    public static boolean isDicom(Path file) {
        byte[] magic = new byte[132];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(magic, 0, magic.length) == magic.length
                    && magic[128] == 'D' && magic[129] == 'I' && magic[130] == 'C' && magic[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkChannels(Path folder, List<Entry> entries) throws ImageReadException {
        Map<Integer, List<Entry>> byChannels = new LinkedHashMap<>();
        for (Entry e : entries) {
            byChannels.computeIfAbsent(e.channels(), k -> new ArrayList<>()).add(e);
        }
        if (byChannels.size() == 1) {
            return;
        }
        List<List<Entry>> groups = new ArrayList<>(byChannels.values());
        // Name the odd file out against the majority, which is most likely what the user meant.
        groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
        Entry usual = groups.get(0).get(0);
        Entry odd = groups.get(1).get(0);
        StringBuilder msg = new StringBuilder("images differ in channel count: ")
                .append(odd.file().getFileName()).append(" has ").append(odd.channels())
                .append(odd.channels() == 1 ? " channel" : " channels").append(" but ")
                .append(usual.file().getFileName()).append(" has ").append(usual.channels()).append(" (");
        List<String> parts = new ArrayList<>();
        for (List<Entry> group : groups) {
            parts.add(group.get(0).channels() + " channel(s): " + names(group));
        }
        msg.append(String.join("; ", parts)).append(')');
        throw new ImageReadException(folder, msg.toString());
    }

    private static String names(List<Entry> group) {
        int shown = Math.min(group.size(), 5);
        List<String> names = new ArrayList<>();
        for (Entry e : group.subList(0, shown)) {
            names.add(e.file().getFileName().toString());
        }
        String more = group.size() > shown ? " and " + (group.size() - shown) + " more" : "";
        return String.join(", ", names) + more;
    }

    @Override
    public String toString() {
        return "ImageFolder[" + folder + ", " + entries.size() + " images, " + channels() + " channel(s)"
                + (labels().isEmpty() ? "" : ", classes " + labels()) + ", " + warnings.size() + " warning(s)]";
    }
}
