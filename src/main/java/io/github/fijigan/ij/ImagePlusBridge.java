package io.github.fijigan.ij;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * Converts between ImageJ1's {@link ImagePlus} and the library's {@link CalibratedImage}, keeping
 * pixel size, units, origin, frame interval and the value calibration (e.g. CT's HU).
 *
 * <p>Towards imglib2 the pixels are not copied: the image is a {@link PlanarImg} over the stack's
 * own arrays, so writes through imglib2 show in the ImagePlus (a virtual stack is the exception:
 * its planes are read from disk into fresh arrays). Types: 8-bit and 8-bit colour-indexed →
 * {@code UnsignedByteType}, 16-bit → {@code UnsignedShortType}, 32-bit → {@code FloatType}, RGB →
 * {@code ARGBType}. Axes are X, Y, then C, Z, T for those longer than 1, which is ImageJ1's stack
 * order (channel fastest) and thus the PlanarImg plane order.
 *
 * <p>Towards ImageJ1, see {@link #toImagePlus(CalibratedImage, Consumer)}.
 *
 * <pre>{@code
 * ImagePlus imp = IJ.openImage("CT_small.dcm");
 * List<String> warnings = new ArrayList<>();
 * CalibratedImage<?> ct = ImagePlusBridge.toCalibratedImage(imp, warnings::add);
 * ImagePlus back = ImagePlusBridge.toImagePlus(ct);
 * }</pre>
 */
public final class ImagePlusBridge {

    private static final System.Logger LOG = System.getLogger(ImagePlusBridge.class.getName());

    private ImagePlusBridge() {
    }

    /** As {@link #toCalibratedImage(ImagePlus, Consumer)}, with warnings going to the system logger. */
    public static CalibratedImage<?> toCalibratedImage(ImagePlus imp) {
        return toCalibratedImage(imp, ImagePlusBridge::log);
    }

    /**
     * Wraps an ImageJ1 image without copying its pixels.
     *
     * @param imp the image (single plane, stack or hyperstack)
     * @param warnings receives what could not be carried over exactly, e.g. a non-linear value
     *     calibration (the values are then kept as stored, identity calibration)
     */
    public static CalibratedImage<?> toCalibratedImage(ImagePlus imp, Consumer<String> warnings) {
        int c = imp.getNChannels();
        int z = imp.getNSlices();
        int t = imp.getNFrames();
        ImageStack stack = imp.getStack();
        int n = stack.getSize();
        if ((long) c * z * t != n) {
            warnings.accept(imp.getTitle() + ": hyperstack dimensions c=" + c + " z=" + z + " t=" + t
                    + " do not match its " + n + " planes; taken as " + n + " slices");
            c = 1;
            z = n;
            t = 1;
        }
        List<Axis> axes = new ArrayList<>(List.of(Axis.X, Axis.Y));
        List<Long> dims = new ArrayList<>(List.of((long) imp.getWidth(), (long) imp.getHeight()));
        addAxis(axes, dims, Axis.C, c);
        addAxis(axes, dims, Axis.Z, z);
        addAxis(axes, dims, Axis.T, t);
        long[] dimensions = dims.stream().mapToLong(Long::longValue).toArray();
        PlanarImg<?, ?> img = switch (imp.getType()) {
            case ImagePlus.GRAY8, ImagePlus.COLOR_256 -> {
                if (imp.getType() == ImagePlus.COLOR_256 && !isGrayLut(imp)) {
                    warnings.accept(imp.getTitle() + ": indexed-colour image; pixel values are palette indices"
                            + " and the palette is not kept");
                }
                List<ByteArray> planes = planes(stack, o -> new ByteArray((byte[]) o));
                PlanarImg<UnsignedByteType, ByteArray> p = new PlanarImg<>(planes, dimensions, new Fraction());
                p.setLinkedType(new UnsignedByteType(p));
                yield p;
            }
            case ImagePlus.GRAY16 -> {
                List<ShortArray> planes = planes(stack, o -> new ShortArray((short[]) o));
                PlanarImg<UnsignedShortType, ShortArray> p = new PlanarImg<>(planes, dimensions, new Fraction());
                p.setLinkedType(new UnsignedShortType(p));
                yield p;
            }
            case ImagePlus.GRAY32 -> {
                List<FloatArray> planes = planes(stack, o -> new FloatArray((float[]) o));
                PlanarImg<FloatType, FloatArray> p = new PlanarImg<>(planes, dimensions, new Fraction());
                p.setLinkedType(new FloatType(p));
                yield p;
            }
            case ImagePlus.COLOR_RGB -> {
                List<IntArray> planes = planes(stack, o -> new IntArray((int[]) o));
                PlanarImg<ARGBType, IntArray> p = new PlanarImg<>(planes, dimensions, new Fraction());
                p.setLinkedType(new ARGBType(p));
                yield p;
            }
            default -> throw new IllegalArgumentException(imp.getTitle() + ": unknown ImageJ image type " + imp.getType());
        };
        return new CalibratedImage<>(img, axes,
                CalibrationBridge.spatial(imp, warnings), CalibrationBridge.value(imp, warnings), imp.getTitle());
    }

    /** As {@link #toImagePlus(CalibratedImage, Consumer)}, with warnings going to the system logger. */
    public static ImagePlus toImagePlus(CalibratedImage<?> image) {
        return toImagePlus(image, ImagePlusBridge::log);
    }

    /**
     * Makes an ImageJ1 image: {@code UnsignedByteType} → 8-bit, {@code UnsignedShortType} → 16-bit,
     * {@code FloatType} → 32-bit, {@code ARGBType} → RGB; any other real type → a 32-bit copy.
     * Planes are shared when the data is an {@code ArrayImg} (single plane) or a {@code PlanarImg}
     * of the matching type, and copied otherwise.
     *
     * <p>ImageJ1 keeps no value function on 32-bit images, so a 32-bit result holds the physical
     * values ({@code slope * stored + intercept}) with the value unit, and its value calibration
     * reads back as identity. An RGB image's value calibration, if any, is dropped with a warning.
     *
     * @param image the image; title = its name, hyperstack dimensions from its C, Z, T axes
     * @param warnings receives what ImageJ1 cannot hold
     */
    public static ImagePlus toImagePlus(CalibratedImage<?> image, Consumer<String> warnings) {
        return ImagePlusFactory.create(image, warnings);
    }

    private static void addAxis(List<Axis> axes, List<Long> dims, Axis axis, int size) {
        if (size > 1) {
            axes.add(axis);
            dims.add((long) size);
        }
    }

    private static <A> List<A> planes(ImageStack stack, Function<Object, A> wrap) {
        List<A> planes = new ArrayList<>(stack.getSize());
        for (int i = 1; i <= stack.getSize(); i++) {
            // A virtual stack hands out a fresh array per call: read each plane once, keep that array.
            Object pixels = stack.isVirtual() ? stack.getProcessor(i).getPixels() : stack.getPixels(i);
            planes.add(wrap.apply(pixels));
        }
        return planes;
    }

    private static boolean isGrayLut(ImagePlus imp) {
        return !imp.getProcessor().isColorLut();
    }

    private static void log(String warning) {
        LOG.log(Level.WARNING, warning);
    }
}
