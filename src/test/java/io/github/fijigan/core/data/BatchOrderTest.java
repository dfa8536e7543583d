package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Epoch orders and random streams as pure functions of (seed, epoch, iteration, purpose). */
class BatchOrderTest {

    @Test
    void everyIndexOnceAndBatchesOfTheRightSizes() {
        int[][] batches = BatchOrder.batches(10, 4, 42, 0, false);
        assertEquals(3, batches.length);
        assertEquals(4, batches[0].length);
        assertEquals(4, batches[1].length);
        assertEquals(2, batches[2].length);
        int[] all = Arrays.stream(batches).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
        // The batches are the epoch's permutation cut in order.
        int[] perm = BatchOrder.permutation(10, 42, 0);
        assertArrayEquals(perm, Arrays.stream(batches).flatMapToInt(Arrays::stream).toArray());

        int[][] dropped = BatchOrder.batches(10, 4, 42, 0, true);
        assertEquals(2, dropped.length);
        assertArrayEquals(batches[0], dropped[0]);
        assertArrayEquals(batches[1], dropped[1]);
        assertEquals(0, BatchOrder.batches(3, 4, 42, 0, true).length);
        assertEquals(1, BatchOrder.batches(3, 4, 42, 0, false).length);
        assertEquals(0, BatchOrder.batches(0, 4, 42, 0, false).length);
        assertEquals(24, BatchOrder.iterations(96, 4, true));
        assertEquals(25, BatchOrder.iterations(97, 4, false));
        assertEquals(24, BatchOrder.iterations(97, 4, true));
    }

    @Test
    void permutationsOfLargeSetsAreComplete() {
        for (int epoch = 0; epoch < 5; epoch++) {
            int[] perm = BatchOrder.permutation(1000, -7, epoch);
            boolean[] seen = new boolean[1000];
            for (int i : perm) {
                assertFalse(seen[i], "index " + i + " twice");
                seen[i] = true;
            }
        }
    }

    @Test
    void sameInputsSameOrderDifferentEpochsOrSeedsDifferentOrders() {
        assertArrayEquals(BatchOrder.permutation(96, 1, 3), BatchOrder.permutation(96, 1, 3));
        assertTrue(Arrays.deepEquals(BatchOrder.batches(96, 16, 1, 3, true), BatchOrder.batches(96, 16, 1, 3, true)));
        Set<String> orders = new HashSet<>();
        for (int epoch = 0; epoch < 20; epoch++) {
            orders.add(Arrays.toString(BatchOrder.permutation(96, 1, epoch)));
        }
        assertEquals(20, orders.size(), "epochs repeated an order");
        assertNotEquals(Arrays.toString(BatchOrder.permutation(96, 1, 0)), Arrays.toString(BatchOrder.permutation(96, 2, 0)));
        // Not the identity: the shuffle really moves things.
        int fixed = 0;
        int[] perm = BatchOrder.permutation(96, 1, 0);
        for (int i = 0; i < perm.length; i++) fixed += perm[i] == i ? 1 : 0;
        assertTrue(fixed < 10, fixed + " fixed points of 96");
    }

    @Test
    void theShuffleIsFisherYatesOverTheDocumentedStream() {
        int[] expected = {0, 1, 2, 3, 4, 5, 6};
        SplittableRandom r = BatchOrder.random(5, 2, 0, BatchOrder.SHUFFLE);
        for (int i = expected.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = expected[i];
            expected[i] = expected[j];
            expected[j] = t;
        }
        assertArrayEquals(expected, BatchOrder.permutation(7, 5, 2));
    }

    @Test
    void streamsAreReproducibleAndIndependent() {
        assertEquals(BatchOrder.random(9, 1, 2, "latent").nextLong(), BatchOrder.random(9, 1, 2, "latent").nextLong());
        Set<Long> firsts = new HashSet<>();
        for (long seed = 0; seed < 3; seed++) {
            for (int epoch = 0; epoch < 3; epoch++) {
                for (int it = 0; it < 3; it++) {
                    for (String s : new String[] {"augment", "latent", "pool"}) {
                        firsts.add(BatchOrder.random(seed, epoch, it, s).nextLong());
                    }
                }
            }
        }
        assertEquals(81, firsts.size(), "two (seed, epoch, iteration, stream) tuples shared a stream");
        // Swapping epoch and iteration must not give the same stream.
        assertNotEquals(BatchOrder.random(0, 1, 2, "x").nextLong(), BatchOrder.random(0, 2, 1, "x").nextLong());
        // The stream's first value has no visible bias: its bits are balanced over many seeds.
        int ones = 0;
        for (int seed = 0; seed < 2000; seed++) {
            ones += Long.bitCount(BatchOrder.random(seed, 0, 0, "augment").nextLong());
        }
        double mean = ones / 2000.0;
        assertTrue(Math.abs(mean - 32) < 0.5, "mean bit count " + mean);
    }

    @Test
    void mixIsSplitMix64sFinaliser() {
        // Reference: the first output of SplitMix64 seeded with 0 is mix(0x9e3779b97f4a7c15).
        assertEquals(0xe220a8397b1dcdafL, BatchOrder.mix(0x9e3779b97f4a7c15L));
    }

    @Test
    void badSizesAreRefused() {
        assertEquals("batch size must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> BatchOrder.batches(4, 0, 1, 0, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchOrder.permutation(-1, 1, 0));
    }
}
