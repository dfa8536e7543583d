package io.github.fijigan.core.job;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.Device;
import io.github.fijigan.core.engine.DeviceSpec;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;

/**
 * The checks jobs start with, so every job words the common problems the same way and before any
 * slow work: a missing file, a folder where a file belongs, an output folder that cannot be made
 * or written.
 *
 * <pre>{@code
 * Path model = Inputs.requireFile("model", Path.of("m.zip"));
 * Path out = Inputs.writableFolder("output_folder", Path.of("samples"));   // checked, not created
 * }</pre>
 */
public final class Inputs {

    /** The key of the device input. */
    public static final String DEVICE = "device";

    private Inputs() {
    }

    /**
     * @return {@code file}
     * @throws JobInputException when it is null, missing, a folder or unreadable
     */
    public static Path requireFile(String input, Path file) throws JobInputException {
        if (file == null || file.toString().isEmpty()) {
            throw new JobInputException(input, "no file given");
        }
        if (!Files.exists(file)) {
            throw new JobInputException(input, file + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new JobInputException(input, file + ": is a folder, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new JobInputException(input, file + ": no permission to read it");
        }
        return file;
    }

    /**
     * @return {@code folder}
     * @throws JobInputException when it is null, missing, a file or unreadable
     */
    public static Path requireFolder(String input, Path folder) throws JobInputException {
        if (folder == null || folder.toString().isEmpty()) {
            throw new JobInputException(input, "no folder given");
        }
        if (!Files.exists(folder)) {
            throw new JobInputException(input, folder + ": folder not found");
        }
        if (!Files.isDirectory(folder)) {
            throw new JobInputException(input, folder + ": is a file, not a folder");
        }
        if (!Files.isReadable(folder)) {
            throw new JobInputException(input, folder + ": no permission to read it");
        }
        return folder;
    }

    /**
     * Checks that an output folder can be written, without creating anything: it exists and a
     * file can be written in it, or it is missing and its nearest existing ancestor is a folder a
     * file can be written in (so the job can create it when it writes). The check writes and
     * deletes a hidden file, which also catches read-only mounts that permission bits miss.
     *
     * @return {@code folder}
     * @throws JobInputException when it is a file, or it or its ancestor cannot be written
     */
    public static Path writableFolder(String input, Path folder) throws JobInputException {
        if (folder == null || folder.toString().isEmpty()) {
            throw new JobInputException(input, "no folder given");
        }
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) {
                throw new JobInputException(input, folder + ": is a file, not a folder");
            }
            probe(input, folder, folder + ": cannot write in it: ");
            return folder;
        }
        Path up = folder.toAbsolutePath().getParent();
        while (up != null && !Files.exists(up)) {
            up = up.getParent();
        }
        if (up == null) {
            throw new JobInputException(input, folder + ": cannot create it: no existing parent folder");
        }
        if (!Files.isDirectory(up)) {
            throw new JobInputException(input, folder + ": cannot create it: " + up + " is a file");
        }
        probe(input, up, folder + ": cannot create it in " + up + ": ");
        return folder;
    }

    private static void probe(String input, Path dir, String problem) throws JobInputException {
        try {
            Path probe = Files.createTempFile(dir, ".fiji-gan-write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new JobInputException(input, problem + describe(e), e);
        }
    }

    /**
     * Starts the engine (once per process) and selects the device asked for.
     *
     * @param spec {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @return the device to compute on
     * @throws JobInputException (input {@code device}) for an unknown form or a GPU this machine lacks
     * @throws io.github.fijigan.core.engine.EngineStartException when the native library cannot load
     */
    public static Device device(String spec) throws JobInputException {
        DeviceSpec parsed;
        try {
            parsed = DeviceSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(DEVICE, e.getMessage(), e);
        }
        try {
            return EngineStarter.start(EngineOptions.defaults().withDevice(parsed)).device();
        } catch (IllegalArgumentException e) {
            throw new JobInputException(DEVICE, e.getMessage(), e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
