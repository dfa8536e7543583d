package io.github.fijigan.core.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;

/** SHA-256 as stored in {@code model.json}: 64 lower-case hex digits. */
final class Checksums {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Checksums() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's contract).
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** @return the {@code sha256} field of {@code json}, checked for form */
    static String requireSha256(JsonObject json, String path) {
        String sha = JsonFields.requireString(json, path, "sha256");
        if (!SHA256.matcher(sha).matches()) {
            throw new FieldException(JsonFields.join(path, "sha256"), "must be 64 lower-case hex digits (SHA-256), got '" + abbreviate(sha) + "'");
        }
        return sha;
    }

    /** @return the first and last digits of a long value, enough to compare by eye */
    static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 8) + "…" + s.substring(s.length() - 8);
    }
}
