package io.github.fijigan.core.infer;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.tensor.ImageTensors;
import io.github.fijigan.core.tensor.LinearMap;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.NativeType;
import net.imglib2.type.Type;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The pixel type, axes and value calibration of a translation's output, decided from the input
 * image, the network's output channels and the output domain; and the writing of planes into it.
 */
final class OutputFormat {

    private final NativeType<?> type;
    private final int channels;
    private final List<Axis> axes;
    private final long[] dims;
    private final ValueCalibration calibration;

    private OutputFormat(NativeType<?> type, int channels, CalibratedImage<?> input, ValueCalibration calibration) {
        this.type = type;
        this.channels = channels;
        this.calibration = calibration;
        List<Axis> list = new ArrayList<>(input.axes());
        boolean channelAxis = !(type instanceof ARGBType) && (channels > 1 || list.contains(Axis.C));
        if (channelAxis && !list.contains(Axis.C)) {
            list.add(2, Axis.C);
        } else if (!channelAxis) {
            list.remove(Axis.C);
        }
        this.axes = List.copyOf(list);
        this.dims = new long[list.size()];
        for (int d = 0; d < dims.length; d++) {
            Axis a = list.get(d);
            dims[d] = a == Axis.C ? channels : input.size(a);
        }
    }

    /**
     * The output of translating {@code input} into a domain: the input's type when the channel count
     * is unchanged, 8-bit (ARGB for 3 channels) when an 8-bit image changes channel count, float32
     * otherwise or on request. The input's value calibration is kept when the output domain's unit is
     * the input's (or unknown); an integer type that cannot hold the output domain's range in a new
     * unit (e.g. 8-bit MRI to CT in HU) gives way to float32. Float outputs hold physical values.
     */
    static OutputFormat translation(CalibratedImage<?> input, int channels, IntensityMap outMap, String outUnit,
            TranslateOptions.OutputType requested) {
        Object inType = input.data().getType();
        String inUnit = input.valueCalibration().unit();
        boolean sameUnit = outUnit.isEmpty() || outUnit.equals(inUnit);
        String unit = sameUnit ? inUnit : outUnit;
        NativeType<?> type;
        if (requested == TranslateOptions.OutputType.FLOAT32 || !(inType instanceof NativeType)) {
            type = new FloatType();
        } else if (inType instanceof ARGBType || (inType instanceof UnsignedByteType && channels != input.channels())) {
            type = channels == 3 ? new ARGBType() : new UnsignedByteType();
        } else if (channels == input.channels()) {
            type = ((NativeType<?>) inType).createVariable();
        } else {
            type = new FloatType();
        }
        if (isFloating(type)) {
            return new OutputFormat(type, channels, input, new ValueCalibration(1, 0, unit));
        }
        ValueCalibration calibration = sameUnit ? input.valueCalibration() : new ValueCalibration(1, 0, outUnit);
        if (!sameUnit && !holds(type, calibration.toStored(outMap.low()), calibration.toStored(outMap.high()))) {
            return new OutputFormat(new FloatType(), channels, input, new ValueCalibration(1, 0, unit));
        }
        return new OutputFormat(type, channels, input, calibration);
    }

    /** A float32 image with the input's channels, holding physical values in the input's unit. */
    static OutputFormat reliability(CalibratedImage<?> input) {
        return new OutputFormat(new FloatType(), input.channels(), input, new ValueCalibration(1, 0, input.valueCalibration().unit()));
    }

    private static boolean isFloating(Object type) {
        return type instanceof RealType && !(type instanceof IntegerType);
    }

    private static boolean holds(Object type, double a, double b) {
        double lo = Math.min(a, b), hi = Math.max(a, b);
        if (type instanceof ARGBType) {
            return lo >= -0.5 && hi < 255.5;
        }
        RealType<?> real = (RealType<?>) type;
        return lo >= real.getMinValue() - 0.5 && hi < real.getMaxValue() + 0.5;
    }

    /** @return the output's value calibration */
    ValueCalibration calibration() {
        return calibration;
    }

    /** @return the output's pixel type */
    NativeType<?> type() {
        return type;
    }

    /** @return a new, zeroed image of this format with the input's spatial calibration */
    @SuppressWarnings({"unchecked", "rawtypes"})
    CalibratedImage<?> allocate(CalibratedImage<?> input, String name) {
        PlanarImg<?, ?> img = new PlanarImgFactory(type).create(dims);
        return new CalibratedImage<>(img, axes, input.spatialCalibration(), calibration, name);
    }

    /**
     * Writes one plane of values into {@code out} at slice {@code z}, frame {@code t}: {@code channels}
     * blocks of width × height floats from {@code offset}, through {@code map} (network units to
     * stored values), rounded and clamped to the type.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void write(CalibratedImage<?> out, long z, long t, float[] values, int offset, LinearMap map, NDManager cpu) {
        int w = (int) out.size(Axis.X), h = (int) out.size(Axis.Y);
        int plane = w * h;
        Img<?> converted;
        try (NDManager scope = cpu.newSubManager()) {
            FloatBuffer buffer = FloatBuffer.wrap(values, offset, channels * plane).slice();
            NDArray tensor = scope.create(buffer, new Shape(1, channels, h, w));
            converted = ImageTensors.toImage(tensor, 0, (Object) type.createVariable(), map);
        }
        int perPlane = type instanceof ARGBType ? 1 : channels;
        for (int c = 0; c < perPlane; c++) {
            RandomAccessibleInterval src = perPlane == 1 ? converted : Views.hyperSlice(converted, 2, c);
            if (!copyArrays(converted, c * plane, out, c, z, t, plane)) {
                copy((RandomAccessibleInterval<Type>) src, (RandomAccessibleInterval<Type>) out.plane(c, z, t));
            }
        }
    }

    private static <U extends Type<U>> void copy(RandomAccessibleInterval<U> src, RandomAccessibleInterval<U> dst) {
        LoopBuilder.setImages(src, dst).forEachPixel((a, b) -> b.set(a));
    }

    /** Copies a channel's primitive array straight into the output plane's, where both are plain arrays of one pixel per element. */
    private boolean copyArrays(Img<?> converted, int from, CalibratedImage<?> out, int c, long z, long t, int plane) {
        if (!(converted instanceof ArrayImg<?, ?> array) || !(out.data() instanceof PlanarImg<?, ?> planar)
                || type.getEntitiesPerPixel().getNumerator() != type.getEntitiesPerPixel().getDenominator()) {
            return false;
        }
        Object src = ((ArrayDataAccess<?>) array.update(null)).getCurrentStorageArray();
        long channelsOut = out.size(Axis.C);
        long index = c + channelsOut * (z + out.size(Axis.Z) * t);
        Object dst = ((ArrayDataAccess<?>) planar.getPlane(Math.toIntExact(index))).getCurrentStorageArray();
        if (src.getClass() != dst.getClass()) {
            return false;
        }
        System.arraycopy(src, from, dst, 0, plane);
        return true;
    }
}
