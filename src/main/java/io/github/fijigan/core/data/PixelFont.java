package io.github.fijigan.core.data;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A 5 × 7 bitmap font for plot labels without AWT: digits, capital letters (small letters are
 * drawn as capitals) and {@code . - _ + : ( ) / , = %} and space; any other character shows as
 * {@code ?}. Each glyph is 7 rows of 5 bits, the top row first, the leftmost pixel the highest bit.
 */
public final class PixelFont {

    /** Glyph width in pixels. */
    public static final int WIDTH = 5;
    /** Glyph height in pixels. */
    public static final int HEIGHT = 7;
    /** Horizontal distance from one character to the next. */
    public static final int ADVANCE = WIDTH + 1;

    private static final Map<Character, int[]> GLYPHS = new HashMap<>();

    static {
        glyph(' ', "00000 00000 00000 00000 00000 00000 00000");
        glyph('0', "01110 10001 10011 10101 11001 10001 01110");
        glyph('1', "00100 01100 00100 00100 00100 00100 01110");
        glyph('2', "01110 10001 00001 00010 00100 01000 11111");
        glyph('3', "11111 00010 00100 00010 00001 10001 01110");
        glyph('4', "00010 00110 01010 10010 11111 00010 00010");
        glyph('5', "11111 10000 11110 00001 00001 10001 01110");
        glyph('6', "00110 01000 10000 11110 10001 10001 01110");
        glyph('7', "11111 00001 00010 00100 01000 01000 01000");
        glyph('8', "01110 10001 10001 01110 10001 10001 01110");
        glyph('9', "01110 10001 10001 01111 00001 00010 01100");
        glyph('A', "01110 10001 10001 11111 10001 10001 10001");
        glyph('B', "11110 10001 10001 11110 10001 10001 11110");
        glyph('C', "01110 10001 10000 10000 10000 10001 01110");
        glyph('D', "11100 10010 10001 10001 10001 10010 11100");
        glyph('E', "11111 10000 10000 11110 10000 10000 11111");
        glyph('F', "11111 10000 10000 11110 10000 10000 10000");
        glyph('G', "01110 10001 10000 10111 10001 10001 01111");
        glyph('H', "10001 10001 10001 11111 10001 10001 10001");
        glyph('I', "01110 00100 00100 00100 00100 00100 01110");
        glyph('J', "00111 00010 00010 00010 00010 10010 01100");
        glyph('K', "10001 10010 10100 11000 10100 10010 10001");
        glyph('L', "10000 10000 10000 10000 10000 10000 11111");
        glyph('M', "10001 11011 10101 10101 10001 10001 10001");
        glyph('N', "10001 10001 11001 10101 10011 10001 10001");
        glyph('O', "01110 10001 10001 10001 10001 10001 01110");
        glyph('P', "11110 10001 10001 11110 10000 10000 10000");
        glyph('Q', "01110 10001 10001 10001 10101 10010 01101");
        glyph('R', "11110 10001 10001 11110 10100 10010 10001");
        glyph('S', "01111 10000 10000 01110 00001 00001 11110");
        glyph('T', "11111 00100 00100 00100 00100 00100 00100");
        glyph('U', "10001 10001 10001 10001 10001 10001 01110");
        glyph('V', "10001 10001 10001 10001 10001 01010 00100");
        glyph('W', "10001 10001 10001 10101 10101 10101 01010");
        glyph('X', "10001 10001 01010 00100 01010 10001 10001");
        glyph('Y', "10001 10001 10001 01010 00100 00100 00100");
        glyph('Z', "11111 00001 00010 00100 01000 10000 11111");
        glyph('.', "00000 00000 00000 00000 00000 01100 01100");
        glyph('-', "00000 00000 00000 11111 00000 00000 00000");
        glyph('_', "00000 00000 00000 00000 00000 00000 11111");
        glyph('+', "00000 00100 00100 11111 00100 00100 00000");
        glyph(':', "00000 01100 01100 00000 01100 01100 00000");
        glyph('(', "00010 00100 01000 01000 01000 00100 00010");
        glyph(')', "01000 00100 00010 00010 00010 00100 01000");
        glyph('/', "00000 00001 00010 00100 01000 10000 00000");
        glyph(',', "00000 00000 00000 00000 01100 00100 01000");
        glyph('=', "00000 00000 11111 00000 11111 00000 00000");
        glyph('%', "11000 11001 00010 00100 01000 10011 00011");
        glyph('?', "01110 10001 00001 00010 00100 00000 00100");
    }

    private PixelFont() {
    }

    private static void glyph(char c, String rows) {
        String[] parts = rows.split(" ");
        int[] bits = new int[HEIGHT];
        for (int r = 0; r < HEIGHT; r++) {
            bits[r] = Integer.parseInt(parts[r], 2);
        }
        GLYPHS.put(c, bits);
    }

    /** @return the 7 row masks of a character (bit 4 = leftmost pixel); {@code ?} for unknown characters */
    public static int[] rows(char c) {
        int[] g = GLYPHS.get(Character.toUpperCase(c));
        return g != null ? g : GLYPHS.get('?');
    }

    /** @return whether the character has its own glyph (small letters count, as capitals) */
    public static boolean covers(char c) {
        return GLYPHS.containsKey(Character.toUpperCase(c));
    }

    /** @return the characters with glyphs */
    public static String characters() {
        StringBuilder s = new StringBuilder();
        GLYPHS.keySet().stream().sorted().forEach(s::append);
        return s.toString();
    }

    /** @return the width in pixels of a text drawn with this font (no trailing gap) */
    public static int width(String text) {
        return text.isEmpty() ? 0 : text.length() * ADVANCE - 1;
    }

    /** @return text as it will look: small letters as capitals */
    public static String displayed(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
