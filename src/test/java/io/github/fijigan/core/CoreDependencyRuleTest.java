package io.github.fijigan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The library stays usable without Fiji: {@code io.github.fijigan.core} imports only DJL,
 * imglib2, Gson and the JDK without AWT or Swing (DESIGN.md, section 3).
 */
class CoreDependencyRuleTest {

    private static final Path CORE = Path.of("src/main/java/io/github/fijigan/core");
    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED =
            List.of("ai.djl.", "net.imglib2.", "com.google.gson.", "java.", "io.github.fijigan.core.");
    private static final List<String> FORBIDDEN = List.of("java.awt.", "javax.swing.");

    @Test
    void coreImportsOnlyDjlImglib2GsonAndTheJdk() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CORE)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertFalse(sources.isEmpty(), "no sources under " + CORE.toAbsolutePath());

        List<String> violations = sources.stream().flatMap(this::badImports)
                .collect(Collectors.toList());
        assertEquals(List.of(), violations);
    }

    private Stream<String> badImports(Path source) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Matcher m = IMPORT.matcher(text);
        Stream.Builder<String> bad = Stream.builder();
        while (m.find()) {
            String name = m.group(1);
            boolean allowed = ALLOWED.stream().anyMatch(name::startsWith)
                    && FORBIDDEN.stream().noneMatch(name::startsWith);
            if (!allowed) {
                bad.add(CORE.relativize(source) + ": " + name);
            }
        }
        return bad.build();
    }
}
