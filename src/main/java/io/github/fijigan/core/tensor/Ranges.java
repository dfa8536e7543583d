package io.github.fijigan.core.tensor;

import java.util.stream.IntStream;

/**
 * Splits large conversions over the machine's cores. Pixel conversion loops with rounding do not
 * vectorise on JDK 17, so cores are the remaining lever; small planes stay on the calling thread,
 * where forking would cost more than it saves.
 */
final class Ranges {

    /** Pixels below which a part is not worth a thread of its own. */
    static final int MIN_PIXELS_PER_PART = 1 << 18;

    /** Work on the half-open range [from, to). */
    interface Body {
        void run(int from, int to);
    }

    private Ranges() {}

    /**
     * Runs {@code body} over [0, total) in contiguous parts of at least {@code minPerPart} items,
     * aligned to {@code align} items so parts start on chunk boundaries.
     */
    static void split(int total, int minPerPart, int align, Body body) {
        int cores = Runtime.getRuntime().availableProcessors();
        int parts = (int) Math.min(cores, Math.max(1, total / Math.max(1, minPerPart)));
        if (parts <= 1) {
            body.run(0, total);
            return;
        }
        int step = (total + parts - 1) / parts;
        int per = ((step + align - 1) / align) * align;
        IntStream.range(0, (total + per - 1) / per).parallel().forEach(p -> body.run(p * per, Math.min(total, (p + 1) * per)));
    }
}
