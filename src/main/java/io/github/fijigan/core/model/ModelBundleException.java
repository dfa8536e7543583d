package io.github.fijigan.core.model;

/**
 * A model bundle that cannot be read, validated or written. Unchecked, like DJL's own exceptions,
 * so that one {@code catch} in a command turns every bundle problem into a clean message.
 *
 * <p>The message always starts with the bundle's file name, then where in the bundle the problem
 * sits (a {@code model.json} field path such as {@code networks.G_AB.parameter_shapes}, or a zip
 * entry), then the problem itself:
 *
 * <pre>
 * t1t2.zip: model.json: networks.G_AB.in_channels: must be a positive integer, got 0
 * t1t2.zip: networks/G_AB.ndlist (networks.G_AB.sha256): checksum mismatch: ...
 * </pre>
 */
public class ModelBundleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String where;
    private final String problem;

    /**
     * @param file the bundle's file name (not its whole path: messages go to users and logs)
     * @param where the field path or entry the problem is in; empty for the file as a whole
     * @param problem what is wrong, for a user
     */
    public ModelBundleException(String file, String where, String problem) {
        this(file, where, problem, null);
    }

    /** As {@link #ModelBundleException(String, String, String)}, keeping the low-level cause. */
    public ModelBundleException(String file, String where, String problem, Throwable cause) {
        super(file + ": " + (where.isEmpty() ? "" : where + ": ") + problem, cause);
        this.file = file;
        this.where = where;
        this.problem = problem;
    }

    /** @return the bundle's file name */
    public String file() {
        return file;
    }

    /** @return the field path or zip entry at fault; empty for the file as a whole */
    public String where() {
        return where;
    }

    /** @return the problem without the file and field prefix */
    public String problem() {
        return problem;
    }
}
