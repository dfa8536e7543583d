package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersSortByValue() {
        assertEquals(List.of("img1.png", "IMG2.png", "img10.png", "img100.png"),
                sorted("img10.png", "img100.png", "IMG2.png", "img1.png"));
        assertEquals(List.of("slice_9", "slice_10", "slice_10a", "slice_10b", "slice_11"),
                sorted("slice_11", "slice_10b", "slice_10", "slice_9", "slice_10a"));
    }

    @Test
    void numbersOfAnyLengthDoNotOverflow() {
        String big = "scan_" + "9".repeat(40);
        String bigger = "scan_1" + "0".repeat(40);
        assertEquals(List.of("scan_2", big, bigger), sorted(bigger, big, "scan_2"));
    }

    @Test
    void caseIsIgnoredButTiesAreDeterministic() {
        assertEquals(List.of("a.png", "B.png", "c.png"), sorted("c.png", "B.png", "a.png"));
        // Equal under the natural rules: fewer leading zeros first, then plain string order.
        assertEquals(List.of("img1", "img01", "img001"), sorted("img001", "img1", "img01"));
        assertEquals(List.of("IMG.png", "img.png"), sorted("img.png", "IMG.png"));
        assertTrue(NaturalOrder.STRINGS.compare("x", "x") == 0);
    }

    @Test
    void prefixesComeFirst() {
        assertEquals(List.of("img", "img1", "img1_b", "imgA"), sorted("imgA", "img1_b", "img", "img1"));
    }

    @Test
    void orderIsTotalAndConsistentOnRandomNames() {
        Random random = new Random(3);
        String alphabet = "aAbB0129_.-";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(sb.toString());
        }
        for (String a : names) {
            for (String b : names) {
                int ab = Integer.signum(NaturalOrder.STRINGS.compare(a, b));
                assertEquals(-ab, Integer.signum(NaturalOrder.STRINGS.compare(b, a)), a + " vs " + b);
                assertEquals(a.equals(b), ab == 0, a + " vs " + b);
            }
        }
        List<String> once = new ArrayList<>(names);
        once.sort(NaturalOrder.STRINGS);
        Collections.shuffle(names, random);
        names.sort(NaturalOrder.STRINGS);
        assertEquals(once, names);
        List<String> few = names.subList(0, 120);
        for (String a : few) {
            for (String b : few) {
                for (String c : few) {
                    if (NaturalOrder.STRINGS.compare(a, b) <= 0 && NaturalOrder.STRINGS.compare(b, c) <= 0) {
                        assertTrue(NaturalOrder.STRINGS.compare(a, c) <= 0, a + " <= " + b + " <= " + c);
                    }
                }
            }
        }
    }

    @Test
    void pathsSortByFileNameThenPath() {
        List<Path> paths = new ArrayList<>(List.of(Path.of("b/img10.tif"), Path.of("a/img2.tif"), Path.of("c/img2.tif")));
        paths.sort(NaturalOrder.PATHS);
        assertEquals(List.of(Path.of("a/img2.tif"), Path.of("c/img2.tif"), Path.of("b/img10.tif")), paths);
    }

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(NaturalOrder.STRINGS);
        return list;
    }
}
