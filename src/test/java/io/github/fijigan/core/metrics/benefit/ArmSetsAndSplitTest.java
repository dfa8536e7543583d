package io.github.fijigan.core.metrics.benefit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.github.fijigan.core.data.BatchOrder;
import org.junit.jupiter.api.Test;

/**
 * The stratified split keeps each class's share and follows the seed; the arms of one repeat add the
 * same number of images per class, synthetic ones picked from the folder, augmented copies of the
 * class's own real images.
 */
class ArmSetsAndSplitTest {

    /** {@code counts[k]} 2 × 2 images of class k, image i filled with the value {@code 100 k + i}. */
    static LabelledImages images(int... counts) {
        List<float[]> pixels = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            classes.add("c" + k);
            for (int i = 0; i < counts[k]; i++) {
                float[] p = new float[4];
                Arrays.fill(p, 100 * k + i);
                pixels.add(p);
                labels.add(k);
            }
        }
        return new LabelledImages(pixels, labels.stream().mapToInt(Integer::intValue).toArray(), classes, 1, 2);
    }

    @Test
    void theSplitKeepsEachClassShare() {
        LabelledImages data = images(40, 8, 2);
        StratifiedSplit split = StratifiedSplit.of(data, 0.25, 3);
        assertArrayEquals(new int[] {30, 6, 1}, data.subset(split.train()).classCounts());
        assertArrayEquals(new int[] {10, 2, 1}, data.subset(split.test()).classCounts());
        Set<Integer> all = new HashSet<>();
        IntStream.of(split.train()).forEach(all::add);
        IntStream.of(split.test()).forEach(all::add);
        assertEquals(50, all.size(), "train and test are disjoint and cover every image");
        assertEquals(split, StratifiedSplit.of(data, 0.25, 3));
        assertNotEquals(split, StratifiedSplit.of(data, 0.25, 4));
        // class c0's test images are the first 10 of its shuffle under BatchOrder.random(3, 0, 0, "split")
        int[] members = IntStream.range(0, 40).toArray();
        SplittableRandom random = BatchOrder.random(3, 0, 0, "split");
        for (int i = 39; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = members[i];
            members[i] = members[j];
            members[j] = t;
        }
        int[] expected = Arrays.stream(members, 0, 10).sorted().toArray();
        assertArrayEquals(expected, Arrays.copyOfRange(split.test(), 0, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(images(5, 1), 0.25, 1));
        assertEquals("class 'c1' has 1 image; a held-out split needs at least 2 per class", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(data, 1.0, 1));
    }

    @Test
    void balancingAddsTheSameCountsToBothArms() {
        LabelledImages real = images(12, 3, 5);
        LabelledImages synthetic = shifted(images(4, 20, 4));
        ArmSets sets = ArmSets.build(real, synthetic, SyntheticMode.BALANCE, ClassicalAugmentation.parse("hflip, rotate:90"), 7);
        assertSame(real, sets.real());
        assertArrayEquals(new int[] {0, 9, 4}, sets.added()); // c2 wants 7 but has 4 synthetic images
        assertEquals(List.of("class c2: 7 synthetic images needed to balance the classes, but the synthetic folder has 4; all 4 added"),
                sets.warnings());
        assertArrayEquals(new int[] {12, 12, 9}, sets.classical().classCounts());
        assertArrayEquals(new int[] {12, 12, 9}, sets.synthetic().classCounts());
        for (int i = real.size(); i < sets.synthetic().size(); i++) {
            int k = sets.synthetic().label(i);
            float v = sets.synthetic().pixels(i)[0];
            assertTrue(v >= 1000 + 100 * k && v < 1000 + 100 * k + 20, "synthetic image of its class: " + v);
            float c = sets.classical().pixels(i)[0];
            // flat images stay flat under any rotation and flip: a copy of one of the class's real images
            assertEquals(k, sets.classical().label(i));
            assertTrue(c >= 100 * k && c < 100 * k + real.classCounts()[k], "augmented copy of a real image of class " + k + ": " + c);
        }
        // the first images are the real ones, unchanged and in order
        for (int i = 0; i < real.size(); i++) {
            assertSame(real.pixels(i), sets.synthetic().pixels(i));
            assertSame(real.pixels(i), sets.classical().pixels(i));
        }
        ArmSets all = ArmSets.build(real, synthetic, SyntheticMode.ALL, ClassicalAugmentation.NONE, 7);
        assertArrayEquals(new int[] {4, 20, 4}, all.added());
        assertArrayEquals(new int[] {16, 23, 9}, all.synthetic().classCounts());
        ArmSets again = ArmSets.build(real, synthetic, SyntheticMode.BALANCE, ClassicalAugmentation.parse("hflip, rotate:90"), 7);
        for (int i = 0; i < sets.synthetic().size(); i++) {
            assertArrayEquals(sets.synthetic().pixels(i), again.synthetic().pixels(i));
            assertArrayEquals(sets.classical().pixels(i), again.classical().pixels(i));
        }
    }

    /** The same images with 1000 added, to tell synthetic from real. */
    private static LabelledImages shifted(LabelledImages data) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            float[] p = data.pixels(i).clone();
            for (int j = 0; j < p.length; j++) {
                p[j] += 1000;
            }
            out.add(p);
        }
        return data.with(out, data.labels());
    }
}
