package io.github.fijigan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.complex.ComplexFloatType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

class RaiImagesTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void plainImagesAreTakenInXYCZTOrderWithAWarning() {
        var img = ArrayImgs.unsignedBytes(4, 3, 2);
        img.getAt(3, 2, 1).set(77);
        CalibratedImage<?> image = RaiImages.toCalibratedImage(img, "plain", warnings::add);
        assertEquals(List.of(Axis.X, Axis.Y, Axis.C), image.axes());
        assertEquals(77, ((UnsignedByteType) image.data().getAt(3, 2, 1)).get());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("no axis metadata"), warnings.get(0));
    }

    @Test
    void unknownLongAxesTakeAFreeSlotAndSaySo() {
        var img = ArrayImgs.unsignedShorts(5, 4, 3);
        TestRawIOPlugin.DescribedImage described = described(img, "X", "Y", "Lifetime");
        CalibratedImage<?> image = RaiImages.toCalibratedImage(described, "flim", warnings::add);
        assertEquals(List.of(Axis.X, Axis.Y, Axis.C), image.axes());
        assertEquals(List.of("flim: axis 'Lifetime' of length 3 is not X, Y, Channel, Z or Time; taken as C"), warnings);
    }

    @Test
    void refusesImagesWithoutXOrYAndNonNumericPixels() {
        var img = ArrayImgs.unsignedShorts(5, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RaiImages.toCalibratedImage(described(img, "Z", "Time"), "zt", warnings::add));
        assertEquals("axes [Z, Time] lack X or Y", e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> RaiImages.toCalibratedImage(ArrayImgs.complexFloats(3, 3), "fft", warnings::add));
        assertEquals("pixel type " + ComplexFloatType.class.getName() + " is neither real nor ARGB", e.getMessage());
    }

    private static TestRawIOPlugin.DescribedImage described(
            net.imglib2.img.array.ArrayImg<net.imglib2.type.numeric.integer.UnsignedShortType,
                    net.imglib2.img.basictypeaccess.array.ShortArray> img, String... labels) {
        TestRawIOPlugin.TestAxis[] axes = new TestRawIOPlugin.TestAxis[labels.length];
        for (int d = 0; d < labels.length; d++) {
            axes[d] = new TestRawIOPlugin.TestAxis(labels[d], 1, "mm", 0);
        }
        return new TestRawIOPlugin.DescribedImage(img, axes);
    }
}
