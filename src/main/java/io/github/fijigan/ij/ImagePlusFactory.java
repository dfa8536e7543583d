package io.github.fijigan.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/** Builds ImageJ1 images from calibrated imglib2 images; see {@link ImagePlusBridge#toImagePlus}. */
final class ImagePlusFactory {

    private ImagePlusFactory() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ImagePlus create(CalibratedImage<?> image, Consumer<String> warnings) {
        Geometry g = Geometry.of(image);
        Object type = image.data().getType();
        ValueCalibration value = image.valueCalibration();
        List<Object> planes;
        ValueCalibration kept = value;
        if (type instanceof UnsignedByteType) {
            planes = planes((CalibratedImage) image, g, byte[].class, byte[]::new);
        } else if (type instanceof UnsignedShortType) {
            planes = planes((CalibratedImage) image, g, short[].class, short[]::new);
        } else if (type instanceof FloatType && value.isIdentity()) {
            planes = planes((CalibratedImage) image, g, float[].class, float[]::new);
        } else if (type instanceof ARGBType) {
            planes = planes((CalibratedImage) image, g, int[].class, int[]::new);
            if (!value.isIdentity()) {
                warnings.accept(image.name() + ": ImageJ RGB images carry no value calibration; " + value + " dropped");
            }
            kept = ValueCalibration.IDENTITY;
        } else if (type instanceof RealType) {
            // ImageJ1 cannot calibrate 32-bit values, so they carry the physical values themselves.
            RandomAccessibleInterval<FloatType> physical = Converters.convert2(
                    (RandomAccessibleInterval<? extends RealType<?>>) image.data(),
                    (in, out) -> out.setReal(value.toPhysical(in.getRealDouble())), FloatType::new);
            planes = copy(physical, g, float[]::new);
            kept = new ValueCalibration(1, 0, value.unit());
        } else {
            throw new IllegalArgumentException(image.name() + ": pixel type " + type.getClass().getSimpleName()
                    + " has no ImageJ1 equivalent (need a real or ARGB type)");
        }
        ImageStack stack = new ImageStack(g.width, g.height);
        for (Object plane : planes) {
            stack.addSlice(null, plane);
        }
        ImagePlus imp = new ImagePlus(image.name(), stack);
        imp.setDimensions(g.c, g.z, g.t);
        int nonTrivial = (g.c > 1 ? 1 : 0) + (g.z > 1 ? 1 : 0) + (g.t > 1 ? 1 : 0);
        if (nonTrivial > 1) {
            imp.setOpenAsHyperStack(true);
        }
        CalibrationBridge.apply(image.spatialCalibration(), kept, imp);
        return imp;
    }

    /** The planes' arrays: shared when the data is stored as such arrays, copied otherwise. */
    private static <T extends NativeType<T>> List<Object> planes(
            CalibratedImage<T> image, Geometry g, Class<?> arrayClass, IntFunction<Object> allocate) {
        List<Object> shared = sharedPlanes(image.data(), g, arrayClass);
        return shared != null ? shared : copy(image.data(), g, allocate);
    }

    private static List<Object> sharedPlanes(RandomAccessibleInterval<?> data, Geometry g, Class<?> arrayClass) {
        for (int d = 0; d < data.numDimensions(); d++) {
            if (data.min(d) != 0) {
                return null;
            }
        }
        List<Object> arrays = new ArrayList<>();
        if (data instanceof PlanarImg<?, ?> planar && planar.numSlices() == g.planes()) {
            for (int i = 0; i < planar.numSlices(); i++) {
                arrays.add(storage(planar.getPlane(i)));
            }
        } else if (data instanceof ArrayImg<?, ?> array && g.planes() == 1) {
            arrays.add(storage(array.update(null)));
        } else {
            return null;
        }
        for (Object a : arrays) {
            if (a == null || a.getClass() != arrayClass || java.lang.reflect.Array.getLength(a) != g.planeSize()) {
                return null;
            }
        }
        return arrays;
    }

    private static Object storage(Object access) {
        return access instanceof ArrayDataAccess<?> a ? a.getCurrentStorageArray() : null;
    }

    private static <T extends NativeType<T>> List<Object> copy(
            RandomAccessibleInterval<T> data, Geometry g, IntFunction<Object> allocate) {
        // ACCEPT: views PrimitiveBlocks cannot analyse (e.g. converters) still copy, just slower.
        PrimitiveBlocks<T> blocks = PrimitiveBlocks.of(data, PrimitiveBlocks.OnFallback.ACCEPT);
        int n = data.numDimensions();
        int[] size = new int[n];
        java.util.Arrays.fill(size, 1);
        size[0] = g.width;
        size[1] = g.height;
        List<Object> planes = new ArrayList<>();
        for (int t = 0; t < g.t; t++) {
            for (int z = 0; z < g.z; z++) {
                for (int c = 0; c < g.c; c++) {
                    long[] pos = data.minAsLongArray();
                    offset(pos, g.dC, c);
                    offset(pos, g.dZ, z);
                    offset(pos, g.dT, t);
                    Object plane = allocate.apply(g.planeSize());
                    blocks.copy(pos, plane, size);
                    planes.add(plane);
                }
            }
        }
        return planes;
    }

    private static void offset(long[] pos, int dim, int by) {
        if (dim >= 0) {
            pos[dim] += by;
        }
    }

    /** Sizes ImageJ1 needs, checked against its int-indexed arrays. */
    private record Geometry(int width, int height, int c, int z, int t, int dC, int dZ, int dT) {

        static Geometry of(CalibratedImage<?> image) {
            long w = image.size(Axis.X);
            long h = image.size(Axis.Y);
            if (w * h > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(image.name() + ": a " + w + " x " + h
                        + " plane is too large for ImageJ1 (at most 2^31 pixels per plane)");
            }
            return new Geometry((int) w, (int) h,
                    Math.toIntExact(image.size(Axis.C)), Math.toIntExact(image.size(Axis.Z)),
                    Math.toIntExact(image.size(Axis.T)),
                    image.indexOf(Axis.C), image.indexOf(Axis.Z), image.indexOf(Axis.T));
        }

        int planes() {
            return c * z * t;
        }

        int planeSize() {
            return width * height;
        }
    }
}
