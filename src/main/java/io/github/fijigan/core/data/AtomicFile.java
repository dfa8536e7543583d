package io.github.fijigan.core.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Replaces a file's content all at once: the bytes go to a hidden temporary file beside it
 * ({@code .name.<random>.tmp}, which folder scans skip), are forced to disk, and the temporary file
 * is moved over the target atomically. A failure at any point removes the temporary file and leaves
 * the target as it was.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code file} atomically. */
    public static void write(Path file, byte[] content) throws IOException {
        write(file, content, UnaryOperator.identity());
    }

    /** Writes text as UTF-8 atomically. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @param wrap wraps the stream the bytes are written to (identity outside tests) */
    static void write(Path file, byte[] content, UnaryOperator<OutputStream> wrap) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("Cannot write " + file + ": folder " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new IOException("Cannot write " + file + ": it is a folder");
        }
        // Not Files.createTempFile: it makes owner-only files, and outputs should get the usual permissions.
        Path temp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = wrap.apply(Channels.newOutputStream(channel))) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot write " + file + ": this file system cannot replace files atomically", e);
        } catch (IOException e) {
            throw new IOException("Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The write already failed with its own message; a stray hidden .tmp file is the lesser problem.
                }
            }
        }
    }
}
