package io.github.fijigan.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.scijava.Priority;
import org.scijava.io.AbstractIOPlugin;
import org.scijava.io.IOPlugin;
import org.scijava.io.location.Location;
import org.scijava.plugin.Plugin;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.IntervalView;

/**
 * Stands in for SCIFIO, which is not on Maven Central and so not available to this build: a format
 * plugin that, like SCIFIO's DatasetIOPlugin, returns an imglib2 image described by imagej-common
 * style axis methods, here with the axes in an unusual order (Channel, Y, X, Time) to exercise the
 * reordering. A ".testraw" file is text: "channels height width" and then the values, x fastest.
 */
@Plugin(type = IOPlugin.class, priority = Priority.HIGH)
public class TestRawIOPlugin extends AbstractIOPlugin<TestRawIOPlugin.DescribedImage> {

    @Override
    public Class<DescribedImage> getDataType() {
        return DescribedImage.class;
    }

    @Override
    public boolean supportsOpen(Location source) {
        return source.getName() != null && source.getName().endsWith(".testraw");
    }

    @Override
    public DescribedImage open(Location source) throws IOException {
        Path file = IJ1ImageIOPlugin.file(source);
        int[] numbers = Arrays.stream(Files.readString(file).trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        int channels = numbers[0];
        int height = numbers[1];
        int width = numbers[2];
        short[] values = new short[channels * height * width];
        // Stored with dimensions (C, Y, X): channel fastest, the reverse of the file's order.
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    values[c + channels * (y + height * x)] = (short) numbers[3 + x + width * (y + height * c)];
                }
            }
        }
        ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(values, channels, height, width, 1);
        return new DescribedImage(img, new TestAxis[] {
            new TestAxis("Channel", 1, null, 0),
            new TestAxis("Y", 0.5, "µm", 0),
            new TestAxis("X", 0.25, "µm", 10),
            new TestAxis("Time", 2, "s", 0)});
    }

    /** An imglib2 image with imagej-common's {@code axis(int)}. */
    public static final class DescribedImage extends IntervalView<UnsignedShortType> {

        private final TestAxis[] axes;

        DescribedImage(ArrayImg<UnsignedShortType, ShortArray> img, TestAxis[] axes) {
            super(img, img);
            this.axes = axes;
        }

        public TestAxis axis(int d) {
            return axes[d];
        }
    }

    /** The shape of imagej-common's CalibratedAxis (linear: value = origin + scale * position). */
    public static final class TestAxis {

        private final TestAxisType type;
        private final double scale;
        private final String unit;
        private final double origin;

        TestAxis(String label, double scale, String unit, double origin) {
            this.type = new TestAxisType(label);
            this.scale = scale;
            this.unit = unit;
            this.origin = origin;
        }

        public TestAxisType type() {
            return type;
        }

        public double averageScale(double raw1, double raw2) {
            return (calibratedValue(raw2) - calibratedValue(raw1)) / (raw2 - raw1);
        }

        public double calibratedValue(double raw) {
            return origin + scale * raw;
        }

        public String unit() {
            return unit;
        }
    }

    /** The shape of imagej-common's AxisType. */
    public static final class TestAxisType {

        private final String label;

        TestAxisType(String label) {
            this.label = label;
        }

        public String getLabel() {
            return label;
        }
    }
}
