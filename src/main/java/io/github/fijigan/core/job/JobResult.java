package io.github.fijigan.core.job;

import java.nio.file.Path;
import java.util.List;

/** What a {@link Job} made: a line for a user, and the files, so front ends can report and open them. */
public interface JobResult {

    /** @return one line saying what was made and where, e.g. {@code wrote 64 samples to out/} */
    String summary();

    /** @return the main files or folders written, most important first */
    List<Path> outputs();

    /** @return whether the job stopped on request before its end (what it wrote is kept) */
    default boolean cancelled() {
        return false;
    }
}
