package io.github.fijigan.core.metrics;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.NaturalOrder;

/**
 * Pairs the images of a reference folder with those of a test folder by file name without its
 * extension, so {@code ref/case7.png} pairs with {@code out/case7.tif} (what {@code fiji-gan
 * translate} writes for it). Image files are those with an image extension ({@link
 * ImageFolder#IMAGE_EXTENSIONS}) or DICOM files without extension; hidden files and subfolders are
 * ignored.
 *
 * <pre>{@code
 * for (ImagePairs.Pair p : ImagePairs.match(Path.of("data/testB"), Path.of("results"))) { ... }
 * }</pre>
 */
public final class ImagePairs {

    /** How many names an error message lists before it says "and N more". */
    private static final int SHOWN = 10;

    /**
     * One reference image and its test image.
     *
     * @param name the shared file name without extension
     * @param reference the reference file
     * @param test the test file
     */
    public record Pair(String name, Path reference, Path test) {
    }

    private ImagePairs() {}

    /**
     * @return the pairs in natural order of their names
     * @throws ImageReadException when a folder is missing, not a folder, unreadable or holds no
     *     image; when two files of one folder share a name without extension; or when a name has
     *     no partner in the other folder (the message lists the unmatched names of both folders)
     */
    public static List<Pair> match(Path referenceFolder, Path testFolder) throws ImageReadException {
        Map<String, Path> reference = images(referenceFolder, "reference");
        Map<String, Path> test = images(testFolder, "test");
        List<String> onlyReference = new ArrayList<>();
        List<String> onlyTest = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        for (Map.Entry<String, Path> e : reference.entrySet()) {
            Path t = test.get(e.getKey());
            if (t == null) {
                onlyReference.add(e.getValue().getFileName().toString());
            } else {
                pairs.add(new Pair(e.getKey(), e.getValue(), t));
            }
        }
        for (Map.Entry<String, Path> e : test.entrySet()) {
            if (!reference.containsKey(e.getKey())) {
                onlyTest.add(e.getValue().getFileName().toString());
            }
        }
        if (!onlyReference.isEmpty() || !onlyTest.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!onlyReference.isEmpty()) {
                parts.add(onlyReference.size() + " reference image(s) without a test image of the same name in " + testFolder + ": "
                        + list(onlyReference));
            }
            if (!onlyTest.isEmpty()) {
                parts.add(onlyTest.size() + " test image(s) without a reference image of the same name in " + referenceFolder + ": "
                        + list(onlyTest));
            }
            throw new ImageReadException(testFolder, "images are paired by file name without extension; " + String.join("; ", parts));
        }
        return List.copyOf(pairs);
    }

    private static Map<String, Path> images(Path folder, String role) throws ImageReadException {
        if (!Files.exists(folder)) {
            throw new ImageReadException(folder, role + " folder not found");
        }
        if (!Files.isDirectory(folder)) {
            throw new ImageReadException(folder, "the " + role + " folder is not a folder");
        }
        Map<String, Path> byName = new TreeMap<>(NaturalOrder.STRINGS);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                String file = p.getFileName().toString();
                if (file.startsWith(".") || Files.isDirectory(p)) {
                    continue;
                }
                boolean noExtension = file.indexOf('.') < 0;
                if (!ImageFolder.hasImageExtension(p) && !(noExtension && ImageFolder.isDicom(p))) {
                    continue;
                }
                String name = noExtension ? file : file.substring(0, file.lastIndexOf('.'));
                Path before = byName.put(name, p);
                if (before != null) {
                    throw new ImageReadException(folder, before.getFileName() + " and " + file
                            + " would both pair by the name '" + name + "'; keep one of them");
                }
            }
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException(folder, "cannot list the " + role + " folder: " + e, e);
        }
        if (byName.isEmpty()) {
            throw new ImageReadException(folder, "the " + role + " folder holds no image files (extensions "
                    + String.join(", ", new TreeSet<>(ImageFolder.IMAGE_EXTENSIONS)) + ")");
        }
        return byName;
    }

    private static String list(List<String> names) {
        names.sort(NaturalOrder.STRINGS);
        String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
        return names.size() > SHOWN ? shown + " and " + (names.size() - SHOWN) + " more" : shown;
    }
}
