package io.github.fijigan.core.metrics.benefit;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.github.fijigan.core.data.BatchOrder;

/**
 * A held-out test set cut from labelled images class by class, so that each class keeps its share:
 * of a class's n images, {@code round(n × testFraction)} go to the test set, but at least one and
 * at most n - 1, so every class is both trained on and tested. Which images go is a shuffle of the
 * class's images drawn from the seed ({@code BatchOrder.random(seed, 0, k, "split")} for class k),
 * so a seed gives the same split whatever the other classes hold.
 *
 * <pre>{@code
 * StratifiedSplit split = StratifiedSplit.of(real, 0.25, seed);
 * LabelledImages train = real.subset(split.train()), test = real.subset(split.test());
 * }</pre>
 *
 * @param train the indices of the training images, ascending
 * @param test the indices of the test images, ascending
 */
public record StratifiedSplit(int[] train, int[] test) {

    public StratifiedSplit {
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    /**
     * @param testFraction the share of each class held out, in (0, 1)
     * @throws IllegalArgumentException for a fraction outside (0, 1), or a class with fewer than 2
     *     images (the message names it)
     */
    public static StratifiedSplit of(LabelledImages data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("the test fraction must lie between 0 and 1 (both excluded), got " + testFraction);
        }
        boolean[] held = new boolean[data.size()];
        for (int k = 0; k < data.classes().size(); k++) {
            int[] members = data.indicesOf(k);
            int n = members.length;
            if (n < 2) {
                throw new IllegalArgumentException("class '" + data.classes().get(k) + "' has " + n + (n == 1 ? " image" : " images")
                        + "; a held-out split needs at least 2 per class");
            }
            int nTest = (int) Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
            SplittableRandom random = BatchOrder.random(seed, 0, k, "split");
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = members[i];
                members[i] = members[j];
                members[j] = t;
            }
            for (int i = 0; i < nTest; i++) {
                held[members[i]] = true;
            }
        }
        int[] trainIdx = java.util.stream.IntStream.range(0, held.length).filter(i -> !held[i]).toArray();
        int[] testIdx = java.util.stream.IntStream.range(0, held.length).filter(i -> held[i]).toArray();
        return new StratifiedSplit(trainIdx, testIdx);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StratifiedSplit s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "StratifiedSplit[train " + Arrays.toString(train) + ", test " + Arrays.toString(test) + "]";
    }
}
