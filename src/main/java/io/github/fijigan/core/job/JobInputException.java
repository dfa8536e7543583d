package io.github.fijigan.core.job;

import java.util.Objects;

/**
 * A job's input is missing, unreadable or wrong. It names the input by its key, the snake_case
 * name shared by the Fiji command's parameter and the macro key ({@code data}, {@code run_folder},
 * {@code model}), so each front end can show it the way its users know it: the command line as
 * {@code --run-folder}, a command as {@code run_folder}.
 *
 * <pre>{@code
 * throw new JobInputException("model", "/data/m.zip: file not found");
 * // getMessage(): "model: /data/m.zip: file not found"
 * }</pre>
 */
public class JobInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String problem;

    /**
     * @param input the input's key, e.g. {@code run_folder}
     * @param problem what is wrong, naming the file or value, without the key
     */
    public JobInputException(String input, String problem) {
        this(input, problem, null);
    }

    /** As {@link #JobInputException(String, String)}, keeping the low-level cause. */
    public JobInputException(String input, String problem, Throwable cause) {
        super(input + ": " + problem, cause);
        this.input = Objects.requireNonNull(input, "input");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** @return the input's key, e.g. {@code run_folder} */
    public String input() {
        return input;
    }

    /** @return the problem without the key */
    public String problem() {
        return problem;
    }
}
