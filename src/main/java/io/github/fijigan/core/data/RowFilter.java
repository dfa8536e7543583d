package io.github.fijigan.core.data;

/**
 * PNG's per-row filters (None, Sub, Up, Average, Paeth; PNG specification section 9), choosing for
 * each row the filter whose output has the smallest sum of absolute values as signed bytes, the
 * heuristic libpng uses: small residuals compress best.
 */
final class RowFilter {

    private RowFilter() {
    }

    /**
     * @param rowBytes bytes per row (width × channels)
     * @param bpp bytes per pixel, the distance Sub, Average and Paeth look back
     * @return the filtered scanlines, each a filter-type byte followed by {@code rowBytes} bytes
     */
    static byte[] filter(byte[] pixels, int rowBytes, int height, int bpp) {
        byte[] out = new byte[height * (rowBytes + 1)];
        byte[] candidate = new byte[rowBytes];
        byte[] best = new byte[rowBytes];
        for (int y = 0; y < height; y++) {
            int row = y * rowBytes;
            int prior = row - rowBytes; // negative on the first row: the row above counts as zeros
            long bestScore = Long.MAX_VALUE;
            int bestType = 0;
            for (int type = 0; type <= 4; type++) {
                long score = 0;
                for (int i = 0; i < rowBytes; i++) {
                    int x = pixels[row + i] & 0xff;
                    int a = i >= bpp ? pixels[row + i - bpp] & 0xff : 0;
                    int b = prior >= 0 ? pixels[prior + i] & 0xff : 0;
                    int c = prior >= 0 && i >= bpp ? pixels[prior + i - bpp] & 0xff : 0;
                    int predicted = switch (type) {
                        case 0 -> 0;
                        case 1 -> a;
                        case 2 -> b;
                        case 3 -> (a + b) >>> 1;
                        default -> paeth(a, b, c);
                    };
                    byte v = (byte) (x - predicted);
                    candidate[i] = v;
                    score += Math.abs(v);
                }
                if (score < bestScore) {
                    bestScore = score;
                    bestType = type;
                    System.arraycopy(candidate, 0, best, 0, rowBytes);
                }
            }
            int at = y * (rowBytes + 1);
            out[at] = (byte) bestType;
            System.arraycopy(best, 0, out, at + 1, rowBytes);
        }
        return out;
    }

    /** The predictor of the Paeth filter: whichever of left, above, upper-left is closest to left + above - upper-left. */
    static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }
}
