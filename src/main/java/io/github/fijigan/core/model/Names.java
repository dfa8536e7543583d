package io.github.fijigan.core.model;

import java.util.regex.Pattern;

/**
 * The names a bundle may use: network, domain and state names (which become parts of entry names)
 * and zip entry names, which must stay inside the bundle when unpacked anywhere.
 */
final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** A leading dot is allowed: archivers add entries like {@code __MACOSX/._model.json}, harmless and ignored. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*");

    /** What {@link #checkName} accepts, for messages. */
    static final String NAME_RULE = "letters, digits, '_', '.' and '-', starting with a letter or digit, at most 64 characters";

    private Names() {}

    /** @return the problem with a network, domain or state name, or {@code null} when it is fine */
    static String checkName(String name) {
        return NAME.matcher(name).matches() ? null : "name '" + name + "' is not allowed (" + NAME_RULE + ")";
    }

    /**
     * Accepts plain relative paths of simple segments ({@code networks/G_AB.ndlist}); refuses
     * anything that could leave the folder it is unpacked into or mean something else elsewhere:
     * {@code ..}, absolute paths, drive letters, backslashes, empty segments.
     *
     * @return the problem, or {@code null} when the name is safe
     */
    static String checkEntryName(String name) {
        if (name.isEmpty()) {
            return "empty entry name";
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return "entry name '" + name + "' escapes the bundle folder (absolute path, drive letter or backslash)";
        }
        String[] segments = name.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean trailingSlash = i == segments.length - 1 && s.isEmpty() && i > 0;
            if (s.equals("..") || s.equals(".")) {
                return "entry name '" + name + "' escapes the bundle folder ('" + s + "' segment)";
            }
            if (!trailingSlash && !SEGMENT.matcher(s).matches()) {
                return "entry name '" + name + "' is not a plain relative path (letters, digits, '_', '.' and '-' per segment)";
            }
        }
        return null;
    }
}
