package io.github.fijigan.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Turns an imglib2 image from a SciJava format plugin (in Fiji, SCIFIO's {@code Dataset} or an
 * {@code ImgPlus}) into a {@link CalibratedImage}: axes named from imagej-common's metadata,
 * reordered to X, Y, C, Z, T, with their scales and units.
 *
 * <p>Axes of length 1 other than X and Y are dropped, as the ImageJ1 route does, so both routes
 * give the same axes for the same file. Without metadata the dimensions are taken in X, Y, C, Z,
 * T order, with a warning. These plugins report no value calibration, so it is identity.
 */
final class RaiImages {

    private RaiImages() {
    }

    /**
     * @throws IllegalArgumentException when the pixel type is neither real nor ARGB, or the axes
     *     cannot be mapped (no X or Y, more than five, too many unknown ones)
     */
    static CalibratedImage<?> toCalibratedImage(RandomAccessibleInterval<?> image, String name, Consumer<String> warnings) {
        Object type = image.getType();
        if (!(type instanceof RealType || type instanceof ARGBType)) {
            throw new IllegalArgumentException("pixel type " + type.getClass().getName() + " is neither real nor ARGB");
        }
        int n = image.numDimensions();
        boolean described = AxisMetadata.available(image);
        if (!described) {
            warnings.accept(name + ": the image has no axis metadata; dimensions taken as X, Y, C, Z, T in order");
        }
        List<AxisMetadata> metadata = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            metadata.add(described ? AxisMetadata.of(image, d) : AxisMetadata.UNKNOWN);
        }
        Axis[] axes = assignAxes(image, metadata, described, name, warnings);

        RandomAccessibleInterval<?> view = image;
        List<Axis> current = new ArrayList<>(Arrays.asList(axes));
        List<AxisMetadata> meta = new ArrayList<>(metadata);
        for (int d = n - 1; d >= 0; d--) {
            if (view.dimension(d) == 1 && current.get(d) != Axis.X && current.get(d) != Axis.Y) {
                view = Views.hyperSlice(view, d, view.min(d));
                current.remove(d);
                meta.remove(d);
            }
        }
        // Selection sort by swapping dimensions puts the axes in X, Y, C, Z, T order.
        for (int i = 0; i < current.size(); i++) {
            int smallest = i;
            for (int j = i + 1; j < current.size(); j++) {
                if (current.get(j).ordinal() < current.get(smallest).ordinal()) {
                    smallest = j;
                }
            }
            if (smallest != i) {
                view = Views.permute(view, i, smallest);
                swap(current, i, smallest);
                swap(meta, i, smallest);
            }
        }
        return new CalibratedImage<>(view, current, spatial(current, meta, name, warnings), ValueCalibration.IDENTITY, name);
    }

    private static Axis[] assignAxes(RandomAccessibleInterval<?> image, List<AxisMetadata> metadata, boolean described,
            String name, Consumer<String> warnings) {
        int n = metadata.size();
        if (n < 2 || n > Axis.values().length) {
            throw new IllegalArgumentException(n + " dimensions; an image needs 2 to 5 (X, Y, C, Z, T)");
        }
        Axis[] axes = new Axis[n];
        EnumSet<Axis> used = EnumSet.noneOf(Axis.class);
        for (int d = 0; d < n; d++) {
            Axis axis = described ? metadata.get(d).axis() : Axis.values()[d];
            if (axis != null && used.add(axis)) {
                axes[d] = axis;
            }
        }
        // Long unknown axes pick a free slot before length-1 ones, which are dropped anyway.
        for (int pass = 0; pass < 2; pass++) {
            for (int d = 0; d < n; d++) {
                if (axes[d] == null && (image.dimension(d) > 1) == (pass == 0)) {
                    axes[d] = free(image, metadata, d, used, name, warnings);
                }
            }
        }
        if (!used.contains(Axis.X) || !used.contains(Axis.Y)) {
            throw new IllegalArgumentException("axes " + labels(metadata) + " lack X or Y");
        }
        return axes;
    }

    private static Axis free(RandomAccessibleInterval<?> image, List<AxisMetadata> metadata, int d, EnumSet<Axis> used,
            String name, Consumer<String> warnings) {
        Axis free = EnumSet.of(Axis.C, Axis.Z, Axis.T).stream().filter(a -> !used.contains(a)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("axes " + labels(metadata) + " cannot be mapped to X, Y, C, Z, T"));
        used.add(free);
        if (image.dimension(d) > 1) {
            warnings.accept(name + ": axis '" + metadata.get(d).label() + "' of length " + image.dimension(d)
                    + " is not X, Y, Channel, Z or Time; taken as " + free);
        }
        return free;
    }

    private static SpatialCalibration spatial(List<Axis> axes, List<AxisMetadata> meta, String name, Consumer<String> warnings) {
        AxisMetadata x = meta.get(axes.indexOf(Axis.X));
        AxisMetadata y = meta.get(axes.indexOf(Axis.Y));
        AxisMetadata z = axes.contains(Axis.Z) ? meta.get(axes.indexOf(Axis.Z)) : AxisMetadata.UNKNOWN;
        AxisMetadata t = axes.contains(Axis.T) ? meta.get(axes.indexOf(Axis.T)) : AxisMetadata.UNKNOWN;
        String unit = x.unit() != null ? x.unit() : "pixel";
        if (y.unit() != null && !y.unit().equals(unit)) {
            warnings.accept(name + ": X is in " + unit + " but Y in " + y.unit() + "; both taken as " + unit);
        }
        return new SpatialCalibration(x.scaleOr(1), y.scaleOr(1), z.scaleOr(1), unit,
                x.originInPixels(), y.originInPixels(), z.originInPixels(),
                t.scaleOr(0), t.unit() != null ? t.unit() : "sec");
    }

    private static List<String> labels(List<AxisMetadata> metadata) {
        return metadata.stream().map(m -> String.valueOf(m.label())).toList();
    }

    private static <E> void swap(List<E> list, int i, int j) {
        E e = list.get(i);
        list.set(i, list.get(j));
        list.set(j, e);
    }
}
