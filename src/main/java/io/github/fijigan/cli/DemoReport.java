package io.github.fijigan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.github.fijigan.core.data.AtomicFile;

/** The demo's Markdown report: a section per step with its numbers and figures (paths relative to the report). */
final class DemoReport {

    /** An image in the report. */
    record Figure(String caption, Path file) {}

    private final StringBuilder text = new StringBuilder("# Fiji GAN demo\n\n"
            + "Made by `java -jar target/fiji-gan-cli.jar demo` on the repository's `test-data/`, on the CPU.\n");

    void section(String title, String body, List<Figure> figures) {
        text.append("\n## ").append(title).append("\n\n").append(body).append("\n");
        for (Figure f : figures) {
            text.append("\n![").append(f.caption()).append("](").append(f.file().toString().replace('\\', '/')).append(")\n\n*")
                    .append(f.caption()).append("*\n");
        }
    }

    void line(String line) {
        text.append("\n").append(line).append("\n");
    }

    void write(Path file) throws IOException {
        AtomicFile.writeString(file, text.toString());
    }
}
