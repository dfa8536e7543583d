package io.github.fijigan.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.junit.jupiter.api.Test;

class CalibratedImageTest {

    private static <T> CalibratedImage<T> image(Img<T> data, Axis... axes) {
        return new CalibratedImage<>(data, List.of(axes), SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "t");
    }

    @Test
    void channelsCountTheCAxisAndTheThreeColoursOfArgb() {
        assertEquals(1, image(ArrayImgs.floats(4, 3), Axis.X, Axis.Y).channels());
        assertEquals(1, image(ArrayImgs.floats(4, 3, 5), Axis.X, Axis.Y, Axis.Z).channels());
        assertEquals(2, image(ArrayImgs.floats(4, 3, 2, 5), Axis.X, Axis.Y, Axis.C, Axis.Z).channels());
        assertEquals(3, image(ArrayImgs.argbs(4, 3), Axis.X, Axis.Y).channels());
        assertEquals(3, image(ArrayImgs.argbs(4, 3, 7), Axis.X, Axis.Y, Axis.T).channels());
    }

    @Test
    void planesAreSlicedAtChannelSliceAndFrame() {
        Img<UnsignedShortType> data = ArrayImgs.unsignedShorts(4, 3, 2, 5);
        data.randomAccess().setPositionAndGet(1, 2, 1, 4).set(77);
        CalibratedImage<UnsignedShortType> img = image(data, Axis.X, Axis.Y, Axis.C, Axis.Z);
        assertEquals(10, img.planeCount());
        assertEquals(77, img.plane(1, 4, 0).randomAccess().setPositionAndGet(1, 2).get());
        assertEquals(0, img.plane(0, 4, 0).randomAccess().setPositionAndGet(1, 2).get());
        assertThrows(IndexOutOfBoundsException.class, () -> img.plane(0, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> img.plane(2, 0, 0));
    }

    @Test
    void axesMustBeAnOrderedSubsequenceStartingWithXY() {
        assertThrows(IllegalArgumentException.class, () -> image(ArrayImgs.floats(4, 3), Axis.Y, Axis.X));
        assertThrows(IllegalArgumentException.class, () -> image(ArrayImgs.floats(4, 3, 2, 2), Axis.X, Axis.Y, Axis.Z, Axis.C));
        assertThrows(IllegalArgumentException.class, () -> image(ArrayImgs.floats(4, 3, 2), Axis.X, Axis.Y));
    }
}
