package io.github.fijigan.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Says what a file that is not a readable zip is instead, so a user who picked the wrong file (an
 * image, a bare model.json) sees that rather than a low-level zip error.
 */
final class FileSniffer {

    private FileSniffer() {}

    static String notAZip(Path path, String zipMessage) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            return "cannot be read: " + e.getMessage();
        }
        if (head.length == 0) {
            return "empty file, not a zip archive";
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return "damaged or truncated zip archive (" + zipMessage + "); write or copy it again";
        }
        String looksLike = startsWith(head, 0x89, 'P', 'N', 'G') ? "a PNG image"
                : startsWith(head, 0xFF, 0xD8, 0xFF) ? "a JPEG image"
                : startsWith(head, 'I', 'I', '*', 0) || startsWith(head, 'M', 'M', 0, '*') ? "a TIFF image"
                : startsWith(head, 0x1F, 0x8B) ? "a gzip file"
                : head[0] == '{' ? "a JSON file (a model is a .zip holding model.json and parameter files)"
                : null;
        return looksLike != null ? "not a zip archive: it looks like " + looksLike
                : "not a zip archive (it starts with bytes " + HexFormat.ofDelimiter(" ").formatHex(head) + ")";
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
