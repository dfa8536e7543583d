package io.github.fijigan.core.data;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * Sorts names the way people number files: {@code img2} before {@code img10}, letters compared
 * without regard to case, digit runs compared by numeric value whatever their length (no overflow
 * on long serial numbers).
 *
 * <p>The order is total and deterministic, so a dataset lists its files identically on every
 * machine: names that are equal under the natural rules ({@code img01} vs {@code img1},
 * {@code A.png} vs {@code a.png}) are ordered first by fewer leading zeros, then by plain
 * {@link String#compareTo}.
 *
 * <pre>{@code
 * List<String> names = new ArrayList<>(List.of("img10.png", "IMG2.png", "img1.png"));
 * names.sort(NaturalOrder.STRINGS);                 // img1.png, IMG2.png, img10.png
 * files.sort(NaturalOrder.PATHS);                   // by file name, then by full path
 * }</pre>
 */
public final class NaturalOrder implements Comparator<String> {

    /** Natural order of strings. */
    public static final Comparator<String> STRINGS = new NaturalOrder();

    /** Natural order of paths: by file name first, then by the whole path as a tie-breaker. */
    public static final Comparator<Path> PATHS = Comparator
            .comparing((Path p) -> p.getFileName() == null ? "" : p.getFileName().toString(), STRINGS)
            .thenComparing(Path::toString, STRINGS);

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int natural = compareNatural(a, b);
        if (natural != 0) {
            return natural;
        }
        int zeros = Integer.compare(leadingZeros(a), leadingZeros(b));
        return zeros != 0 ? zeros : a.compareTo(b);
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = endOfDigits(a, i);
                int endB = endOfDigits(b, j);
                int cmp = compareNumbers(a, skipZeros(a, i, endA), endA, b, skipZeros(b, j, endB), endB);
                if (cmp != 0) {
                    return cmp;
                }
                i = endA;
                j = endB;
            } else {
                int cmp = Character.compare(fold(ca), fold(cb));
                if (cmp != 0) {
                    return cmp;
                }
                i++;
                j++;
            }
        }
        // The shorter remainder (a prefix) sorts first.
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Compares two digit runs without leading zeros by length, then digit by digit. */
    private static int compareNumbers(String a, int fromA, int toA, String b, int fromB, int toB) {
        int lengths = Integer.compare(toA - fromA, toB - fromB);
        if (lengths != 0) {
            return lengths;
        }
        for (int k = 0; k < toA - fromA; k++) {
            int cmp = Character.compare(a.charAt(fromA + k), b.charAt(fromB + k));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    private static int leadingZeros(String s) {
        int zeros = 0;
        int i = 0;
        while (i < s.length()) {
            if (isDigit(s.charAt(i))) {
                int end = endOfDigits(s, i);
                zeros += skipZeros(s, i, end) - i;
                i = end;
            } else {
                i++;
            }
        }
        return zeros;
    }

    private static int skipZeros(String s, int from, int to) {
        // Keep the last digit so "000" still reads as the number 0.
        while (from < to - 1 && s.charAt(from) == '0') {
            from++;
        }
        return from;
    }

    private static int endOfDigits(String s, int from) {
        while (from < s.length() && isDigit(s.charAt(from))) {
            from++;
        }
        return from;
    }

    // ASCII digits only: other scripts' digits would compare by code point, which stays deterministic.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
