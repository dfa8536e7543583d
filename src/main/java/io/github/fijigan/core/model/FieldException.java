package io.github.fijigan.core.model;

/**
 * A problem with one field of a JSON document, before the file it came from is known; {@link
 * ModelManifest#fromJson} turns it into a {@link ModelBundleException} naming the file.
 */
final class FieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    FieldException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    String path() {
        return path;
    }

    String problem() {
        return problem;
    }
}
