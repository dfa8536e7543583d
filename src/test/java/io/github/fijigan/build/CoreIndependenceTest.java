package io.github.fijigan.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's one rule: the library under {@code core} imports DJL, imglib2, Gson (DJL's JSON
 * library) and the JDK only, so it runs in any Java program, headless or not.
 */
class CoreIndependenceTest {

    private static final Path CORE = Path.of("src/main/java/io/github/fijigan/core");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of(
            "java.", "javax.annotation.", "ai.djl.", "net.imglib2.", "com.google.gson.", "io.github.fijigan.core.");

    @Test
    void coreImportsOnlyDjlImglib2GsonAndTheJdk() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CORE)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() > 5, "expected the core sources under " + CORE.toAbsolutePath());
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(2);
                if (ALLOWED.stream().noneMatch(imported::startsWith) || imported.startsWith("java.awt")) {
                    violations.add(CORE.relativize(source) + " imports " + imported);
                }
            }
            // Fully qualified uses slip past imports.
            for (String banned : List.of("org.scijava.", "ij.ImagePlus", "ij.IJ", "java.awt.", "javax.swing.")) {
                if (text.contains(banned)) {
                    violations.add(CORE.relativize(source) + " names " + banned);
                }
            }
        }
        assertEquals(List.of(), violations, "core must not depend on SciJava, ImageJ1, AWT or Swing");
    }
}
