package io.github.fijigan.ij;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.util.DicomTools;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.image.CalibratedImage;

/**
 * Reads TIFF (single and multi-page, 8/16/32-bit, RGB, ImageJ hyperstacks), PNG, JPEG, BMP, GIF
 * and uncompressed DICOM through ImageJ1's {@link Opener}, with calibration: pixel spacing in mm
 * and, for CT, the rescale slope/intercept as a value calibration in HU.
 *
 * <p>Never opens a dialog, also not in a GUI: failures become {@link ImageReadException}s naming
 * the file and ImageJ1's reason (missing file, folder, unsupported format, corrupt or truncated
 * data, compressed DICOM). Signed 16-bit DICOM comes as ImageJ1 stores it, unsigned with +32768,
 * and its value calibration undoes that, so physical values are right.
 *
 * <p>Decoding is serialised across the JVM, because ImageJ1's Opener and its error reporting keep
 * static state; a dataset that wants parallel loading should parallelise the work after reading.
 *
 * <pre>{@code
 * ImageReader reader = new ImageJReader();
 * CalibratedImage<?> ct = reader.read(Path.of("test-data/dicom/CT_small.dcm"));
 * ct.valueCalibration().toPhysical(32943);   // -849.0 HU
 * }</pre>
 */
public final class ImageJReader implements ImageReader {

    /** File name extensions (lower case, no dot) this reader is meant for. */
    public static final Set<String> EXTENSIONS =
            Set.of("tif", "tiff", "png", "jpg", "jpeg", "bmp", "gif", "dcm", "dicom", "ima");

    /** Opener's file types this reader accepts, with the names used in messages. */
    private static final Map<Integer, String> FORMATS = Map.of(
            Opener.TIFF, "TIFF", Opener.DICOM, "DICOM", Opener.TIFF_AND_DICOM, "DICOM",
            Opener.PNG, "PNG", Opener.JPEG, "JPEG", Opener.GIF, "GIF", Opener.BMP, "BMP");

    private static final System.Logger LOG = System.getLogger(ImageJReader.class.getName());

    private final Consumer<String> warnings;

    /** A reader whose warnings (e.g. a non-linear ImageJ calibration) go to the system logger. */
    public ImageJReader() {
        this(w -> LOG.log(Level.WARNING, w));
    }

    /** @param warnings receives what could not be carried over exactly from a file */
    public ImageJReader(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public CalibratedImage<?> read(Path file) throws ImageReadException {
        return ImagePlusBridge.toCalibratedImage(open(file), warnings);
    }

    /**
     * Opens a file as an ImageJ1 image, checked: never null, never empty, never silently truncated.
     *
     * @throws ImageReadException naming the file and the problem
     */
    public ImagePlus open(Path file) throws ImageReadException {
        ImageReader.requireReadableFile(file);
        String path = file.toAbsolutePath().toString();
        Opener opener = new Opener();
        opener.setSilentMode(true);
        int[] type = {Opener.UNKNOWN};
        ImageJErrors.Outcome<ImagePlus> outcome;
        try {
            outcome = ImageJErrors.capture(() -> {
                type[0] = opener.getFileType(path);
                return FORMATS.containsKey(type[0]) ? opener.openImage(path) : null;
            });
        } catch (Exception e) {
            throw new ImageReadException(file, "corrupt or unreadable file: " + e, e);
        }
        String format = FORMATS.get(type[0]);
        if (format == null) {
            String extension = extension(file);
            if (EXTENSIONS.contains(extension)) {
                throw new ImageReadException(file, "corrupt or mislabelled: the name ends in ." + extension
                        + " but the content matches no image format ImageJ1 reads"
                        + (type[0] == Opener.UNKNOWN ? "" : " (" + describe(type[0]) + ")"));
            }
            throw new ImageReadException(file, "unsupported format (" + describe(type[0])
                    + "); ImageJ1 reads TIFF, PNG, JPEG, BMP, GIF and uncompressed DICOM");
        }
        ImagePlus imp = outcome.value();
        if (imp == null || imp.getWidth() == 0 || imp.getHeight() == 0) {
            String reason = outcome.error() != null ? outcome.error() : "ImageJ1 could not decode it";
            throw new ImageReadException(file, "corrupt or unsupported " + format + " file: " + reason);
        }
        checkComplete(file, imp);
        if (type[0] == Opener.TIFF) {
            ExactCalibration.restore(imp);
        }
        if (type[0] == Opener.DICOM || type[0] == Opener.TIFF_AND_DICOM) {
            setDicomValueUnit(imp);
        }
        return imp;
    }

    /**
     * ImageJ1 fills missing pixel data of uncompressed TIFF and DICOM with zeros or drops pages
     * without a word; the file length tells whether the data were all there.
     */
    private static void checkComplete(Path file, ImagePlus imp) throws ImageReadException {
        FileInfo fi = imp.getOriginalFileInfo();
        if (fi == null || fi.compression != FileInfo.COMPRESSION_NONE
                || (fi.fileFormat != FileInfo.TIFF && fi.fileFormat != FileInfo.DICOM) || !exactBytes(fi.fileType)) {
            return;
        }
        long planeBytes = (long) fi.width * fi.height * fi.getBytesPerPixel();
        long firstEnd = fi.getOffset() + planeBytes;
        if (fi.stripOffsets != null && fi.stripLengths != null && fi.stripOffsets.length == fi.stripLengths.length) {
            for (int i = 0; i < fi.stripOffsets.length; i++) {
                firstEnd = Math.max(firstEnd, fi.stripOffsets[i] + (long) fi.stripLengths[i]);
            }
        }
        long end = firstEnd + (long) (Math.max(fi.nImages, 1) - 1) * (planeBytes + fi.gapBetweenImages);
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new ImageReadException(file, "cannot read its size: " + e, e);
        }
        if (end > length) {
            throw new ImageReadException(file, "truncated: its header promises pixel data up to byte " + end
                    + " but the file has " + length + " bytes");
        }
    }

    private static boolean exactBytes(int fileType) {
        return switch (fileType) {
            case FileInfo.GRAY8, FileInfo.COLOR8, FileInfo.GRAY16_SIGNED, FileInfo.GRAY16_UNSIGNED,
                    FileInfo.GRAY32_INT, FileInfo.GRAY32_UNSIGNED, FileInfo.GRAY32_FLOAT, FileInfo.GRAY64_FLOAT,
                    FileInfo.RGB, FileInfo.RGB_PLANAR, FileInfo.ARGB -> true;
            default -> false;
        };
    }

    /**
     * ImageJ1 leaves DICOM's value unit at "Gray Value"; the rescale type tag names it, and for CT
     * the standard makes it HU when the tag is absent.
     */
    private static void setDicomValueUnit(ImagePlus imp) {
        Calibration cal = imp.getCalibration();
        if (cal.getFunction() != Calibration.STRAIGHT_LINE
                || !Calibration.DEFAULT_VALUE_UNIT.equals(cal.getValueUnit())) {
            return;
        }
        String rescaleType = tag(imp, "0028,1054");
        String modality = tag(imp, "0008,0060");
        // "US" is DICOM's "unspecified".
        String unit = !rescaleType.isEmpty() && !rescaleType.equalsIgnoreCase("US") ? rescaleType
                : modality.equalsIgnoreCase("CT") ? "HU" : "";
        if (!unit.isEmpty()) {
            cal.setValueUnit(unit);
        }
    }

    private static String tag(ImagePlus imp, String id) {
        String value = DicomTools.getTag(imp, id);
        return value == null ? "" : value.strip();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String describe(int openerType) {
        return openerType >= 0 && openerType < Opener.types.length && openerType != Opener.UNKNOWN
                ? "ImageJ1 sees it as '" + Opener.types[openerType] + "'"
                : "not recognised";
    }
}
