package io.github.fijigan.core.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Reads zip entries without trusting their declared sizes: a crafted entry can claim a few bytes
 * and inflate to gigabytes, so every read stops at a limit of our own.
 */
final class BoundedInput {

    /** Thrown when an entry has more bytes than its limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private BoundedInput() {}

    /** @return all bytes of {@code in}, at most {@code limit} */
    static byte[] readAll(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Feeds all bytes of {@code in}, at most {@code limit}, to {@code digest}. */
    static void digest(InputStream in, long limit, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(limit);
            }
            digest.update(buffer, 0, n);
        }
    }
}
