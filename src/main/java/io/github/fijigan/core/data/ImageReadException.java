package io.github.fijigan.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An image file could not be read: it is missing, a folder, in a format no reader handles, or
 * corrupt. The message always names the file and the problem, so it can be shown to a user as is.
 *
 * <p>It is a checked {@link IOException} because reading files fails for reasons outside the
 * program's control, and callers such as SciJava's {@code IOPlugin.open} already declare
 * {@code IOException}.
 */
public class ImageReadException extends IOException {

    private static final long serialVersionUID = 1L;

    // Path is not Serializable; the message keeps the file name should the exception be serialised.
    private final transient Path file;
    private final String problem;

    /**
     * @param file the file (or folder) that could not be read
     * @param problem what went wrong, without the file name (e.g. "file not found")
     */
    public ImageReadException(Path file, String problem) {
        this(file, problem, null);
    }

    /**
     * @param file the file (or folder) that could not be read
     * @param problem what went wrong, without the file name
     * @param cause the underlying failure, if any
     */
    public ImageReadException(Path file, String problem, Throwable cause) {
        super("Cannot read " + file + ": " + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** @return the file or folder the failure concerns */
    public Path file() {
        return file;
    }

    /** @return the problem alone, without the file name */
    public String problem() {
        return problem;
    }
}
