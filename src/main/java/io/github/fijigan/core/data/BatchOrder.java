package io.github.fijigan.core.data;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The order in which a training run visits its images, and its random streams, as pure functions
 * of the run's seed: the batches of epoch {@code e} depend on (seed, e) only, and the random numbers
 * of one purpose at one iteration on (seed, e, iteration, purpose) only. A run resumed at epoch
 * {@code e}, iteration {@code i} therefore sees exactly the batches, flips, crops and noise it would
 * have seen without the interruption, with no random state to save.
 *
 * <p>The streams come from {@link SplittableRandom} seeded with a 64-bit hash of all the inputs
 * (SplitMix64's finaliser chained over seed, epoch, iteration and an FNV-1a hash of the purpose),
 * so neighbouring seeds or iterations give unrelated streams. The hash is part of the contract:
 * changing it changes every run.
 *
 * <pre>{@code
 * for (int epoch = startEpoch; epoch < epochs; epoch++) {
 *     int[][] batches = BatchOrder.batches(data.size(), 16, seed, epoch, true);
 *     for (int it = (epoch == startEpoch ? startIteration : 0); it < batches.length; it++) {
 *         SplittableRandom aug = BatchOrder.random(seed, epoch, it, "augment");
 *         SplittableRandom noise = BatchOrder.random(seed, epoch, it, "latent");
 *         try (ImageBatch batch = data.batch(manager, batches[it], augmentation, aug)) { ... }
 *     }
 * }
 * }</pre>
 */
public final class BatchOrder {

    /** The purpose under which {@link #permutation} draws its shuffle. */
    public static final String SHUFFLE = "shuffle";

    private BatchOrder() {
    }

    /**
     * @return the indices 0..count-1 in the shuffled order of one epoch (Fisher-Yates, driven by
     *     {@code random(seed, epoch, 0, "shuffle")})
     */
    public static int[] permutation(int count, long seed, int epoch) {
        if (count < 0) {
            throw new IllegalArgumentException("image count must be >= 0, got " + count);
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = random(seed, epoch, 0, SHUFFLE);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * One epoch's batches: the epoch's {@link #permutation} cut into consecutive runs of
     * {@code batchSize}.
     *
     * @param dropLast whether a last, smaller batch is left out (as GAN training usually does, so
     *     every step sees the same batch size); with it, fewer images than a batch give no batches
     * @return batches of indices; every index appears exactly once in an epoch, except those
     *     dropped with the last batch
     */
    public static int[][] batches(int count, int batchSize, long seed, int epoch, boolean dropLast) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        int[] order = permutation(count, seed, epoch);
        int n = iterations(count, batchSize, dropLast);
        int[][] batches = new int[n][];
        for (int b = 0; b < n; b++) {
            int from = b * batchSize;
            int to = Math.min(count, from + batchSize);
            batches[b] = java.util.Arrays.copyOfRange(order, from, to);
        }
        return batches;
    }

    /** @return the number of batches per epoch that {@link #batches} gives */
    public static int iterations(int count, int batchSize, boolean dropLast) {
        if (count < 0 || batchSize < 1) {
            throw new IllegalArgumentException("need count >= 0 and batch size >= 1, got " + count + " and " + batchSize);
        }
        return dropLast ? count / batchSize : (count + batchSize - 1) / batchSize;
    }

    /**
     * An independent, reproducible random stream for one purpose at one step of a run.
     *
     * @param stream the purpose, e.g. "augment", "latent", "dropout", "pool"; different purposes give
     *     unrelated streams, so adding a new purpose leaves the others' numbers unchanged
     */
    public static SplittableRandom random(long seed, int epoch, int iteration, String stream) {
        long h = mix(seed);
        h = mix(h ^ 0x9e3779b97f4a7c15L * (epoch + 1L));
        h = mix(h ^ 0xc2b2ae3d27d4eb4fL * (iteration + 1L));
        h = mix(h ^ hash(stream));
        return new SplittableRandom(h);
    }

    /** FNV-1a over the UTF-8 bytes, then mixed, so short names spread over all 64 bits. */
    private static long hash(String stream) {
        long h = 0xcbf29ce484222325L;
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser (Stafford's variant 13): a bijection that scatters every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
