package io.github.fijigan.core.metrics.benefit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.github.fijigan.core.data.BatchOrder;

/**
 * The three training sets of one repeat, built from its real training images so that the two
 * enlarged arms add the same number of images to each class and differ only in where the images
 * come from.
 *
 * <p>How many images class k gains: in {@link SyntheticMode#BALANCE} mode, as many as it lacks to
 * reach the largest real class, but no more than the synthetic folder holds for k; in
 * {@link SyntheticMode#ALL} mode, every synthetic image of k. The {@link Arm#SYNTHETIC} arm takes
 * that many synthetic images of k, chosen by a shuffle drawn from the seed
 * ({@code BatchOrder.random(seed, 0, k, "synthetic")}). The {@link Arm#CLASSICAL} arm takes the same
 * number of augmented copies: each copy is a real training image of k picked uniformly at random,
 * under one transform of the {@link ClassicalAugmentation}, both drawn from
 * {@code BatchOrder.random(seed, 0, k, "classical")}. The added images follow the real ones.
 *
 * <pre>{@code
 * ArmSets sets = ArmSets.build(realTrain, synthetic, SyntheticMode.BALANCE, ClassicalAugmentation.parse("rotate:15, hflip"), seed);
 * LabelledImages trainOn = sets.get(Arm.SYNTHETIC);
 * }</pre>
 *
 * @param real the real training images
 * @param classical the real images and their augmented copies
 * @param synthetic the real images and the synthetic images added
 * @param added images added to each class in both enlarged arms, in class order
 * @param warnings where a class got fewer images than balancing asked for, or nothing was added
 */
public record ArmSets(LabelledImages real, LabelledImages classical, LabelledImages synthetic, int[] added, List<String> warnings) {

    public ArmSets {
        added = added.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public int[] added() {
        return added.clone();
    }

    /** @return the training set of an arm */
    public LabelledImages get(Arm arm) {
        return switch (arm) {
            case REAL -> real;
            case CLASSICAL -> classical;
            case SYNTHETIC -> synthetic;
        };
    }

    /**
     * @param realTrain the repeat's real training images
     * @param synthetic every synthetic image, over the same classes
     * @throws IllegalArgumentException when the two differ in classes, channels or size
     */
    public static ArmSets build(LabelledImages realTrain, LabelledImages synthetic, SyntheticMode mode,
            ClassicalAugmentation augmentation, long seed) {
        if (!realTrain.classes().equals(synthetic.classes()) || realTrain.channels() != synthetic.channels()
                || realTrain.imageSize() != synthetic.imageSize()) {
            throw new IllegalArgumentException("real " + realTrain + " and synthetic " + synthetic + " images do not match");
        }
        List<String> classes = realTrain.classes();
        int[] real = realTrain.classCounts();
        int[] available = synthetic.classCounts();
        int largest = java.util.Arrays.stream(real).max().orElse(0);
        int[] added = new int[classes.size()];
        List<String> warnings = new ArrayList<>();
        for (int k = 0; k < added.length; k++) {
            int wanted = mode == SyntheticMode.BALANCE ? largest - real[k] : available[k];
            added[k] = Math.min(wanted, available[k]);
            if (added[k] < wanted) {
                warnings.add(String.format(Locale.ROOT, "class %s: %d synthetic images needed to balance the classes, "
                        + "but the synthetic folder has %d; all %d added", classes.get(k), wanted, available[k], available[k]));
            }
        }
        if (java.util.Arrays.stream(added).sum() == 0) {
            warnings.add(mode == SyntheticMode.BALANCE
                    ? "the real training classes are already balanced (or lack synthetic images): no image added, the three arms train alike"
                    : "no synthetic image to add: the three arms train alike");
        }
        List<float[]> copies = new ArrayList<>();
        List<Integer> copyLabels = new ArrayList<>();
        List<Integer> picked = new ArrayList<>();
        int side = realTrain.imageSize();
        for (int k = 0; k < added.length; k++) {
            int[] sources = realTrain.indicesOf(k);
            if (sources.length == 0 && added[k] > 0) {
                throw new IllegalArgumentException("class " + classes.get(k) + " has no real training image to augment");
            }
            SplittableRandom classical = BatchOrder.random(seed, 0, k, "classical");
            for (int i = 0; i < added[k]; i++) {
                float[] source = realTrain.pixels(sources[classical.nextInt(sources.length)]);
                copies.add(augmentation.apply(source, realTrain.channels(), side, side, classical));
                copyLabels.add(k);
            }
            int[] pool = synthetic.indicesOf(k);
            SplittableRandom order = BatchOrder.random(seed, 0, k, "synthetic");
            for (int i = pool.length - 1; i > 0; i--) {
                int j = order.nextInt(i + 1);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
            }
            for (int i = 0; i < added[k]; i++) {
                picked.add(pool[i]);
            }
        }
        LabelledImages withCopies = realTrain.plus(realTrain.with(copies, copyLabels.stream().mapToInt(Integer::intValue).toArray()));
        LabelledImages withSynthetic = realTrain.plus(synthetic.subset(picked.stream().mapToInt(Integer::intValue).toArray()));
        return new ArmSets(realTrain, withCopies, withSynthetic, added, warnings);
    }
}
