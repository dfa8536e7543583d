package io.github.fijigan.core.model;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.djl.ndarray.NDList;

/**
 * Writes a bundle into a temporary file beside the target and moves it into place only when
 * complete and on disk, so a crash or error never leaves a half-written model under the real name.
 */
final class BundleWriter {

    /** Entry times are fixed so that the same bundle always gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private BundleWriter() {}

    static ModelManifest write(Path zip, ModelBundle bundle, UnaryOperator<OutputStream> wrap) {
        Path target = zip.toAbsolutePath();
        String file = target.getFileName().toString();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new ModelBundleException(file, "", "is a folder; give a file name ending in .zip");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ModelBundleException(file, "", "cannot write: folder " + dir + " does not exist");
        }
        // Not Files.createTempFile: it makes owner-only files, and the model should get the usual permissions.
        Path temp = dir.resolve("." + file + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
        boolean moved = false;
        String entry = "";
        try {
            ModelManifest written;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    ZipOutputStream out = new ZipOutputStream(wrap.apply(new BufferedOutputStream(Channels.newOutputStream(channel), 65536)))) {
                out.setLevel(Deflater.BEST_SPEED); // weights barely compress; checkpoints are written often
                ModelManifest m = bundle.manifest();
                ModelManifest.Builder b = m.toBuilder();
                for (var n : m.networks().entrySet()) {
                    entry = n.getValue().parameters();
                    String sha = n.getValue().isTorchScript() ? writeBytes(out, entry, bundle.module(n.getKey()))
                            : writeList(out, entry, bundle.parameters(n.getKey()));
                    b.network(n.getKey(), n.getValue().withSha256(sha));
                }
                for (var s : m.state().entrySet()) {
                    entry = s.getValue().file();
                    b.state(s.getKey(), s.getValue().withSha256(writeList(out, entry, bundle.state().get(s.getKey()))));
                }
                written = b.build();
                entry = ModelManifest.ENTRY;
                putEntry(out, entry);
                out.write(PrettyJson.format(written.toJson()).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                entry = "";
                out.finish();
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncFolder(dir);
            return written;
        } catch (AtomicMoveNotSupportedException e) {
            throw new ModelBundleException(file, "", "cannot write: this file system cannot replace files atomically (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelBundleException(file, entry, "cannot write: " + e, e);
        } catch (RuntimeException e) {
            throw new ModelBundleException(file, entry, "cannot encode: " + e.getMessage(), e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    /** @return the SHA-256 of the encoded list, which is the entry's content */
    private static String writeList(ZipOutputStream out, String entry, NDList list) throws IOException {
        putEntry(out, entry);
        MessageDigest digest = Checksums.sha256();
        // NDList.encode may close what it is given; the zip must stay open for the next entry.
        list.encode(new DigestOutputStream(new KeepOpen(out), digest), NDList.Encoding.ND_LIST);
        out.closeEntry();
        return Checksums.hex(digest.digest());
    }

    /** @return the SHA-256 of {@code bytes}, written as the entry's content */
    private static String writeBytes(ZipOutputStream out, String entry, byte[] bytes) throws IOException {
        putEntry(out, entry);
        out.write(bytes);
        out.closeEntry();
        return Checksums.hex(Checksums.sha256().digest(bytes));
    }

    private static void putEntry(ZipOutputStream out, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        out.putNextEntry(e);
    }

    /** Makes the rename itself durable; where a folder cannot be synced (Windows) the rename still stands. */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort only, see above
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write already failed with its own message; a stray hidden .tmp file is the lesser problem.
        }
    }

    /** Passes writes through and ignores close. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
