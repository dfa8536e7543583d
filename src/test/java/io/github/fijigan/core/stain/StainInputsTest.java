package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import org.junit.jupiter.api.Test;

/** Inputs the methods cannot work with fail with a message that says what is wrong. */
class StainInputsTest {

    private static final StainTarget TARGET = StainTarget.fit(StainFixtures.load(StainFixtures.HE), "he");

    @Test
    void grayImageIsRefused() {
        CalibratedImage<?> gray = CalibratedImage.plain(ArrayImgs.unsignedBytes(8, 8), "gray.png");
        for (String method : StainNormalizers.METHODS) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StainNormalizers.create(method, TARGET).normalize(gray));
            assertEquals("stain normalisation needs an RGB image (3 channels: R, G, B); image 'gray.png' has 1 channel (a gray image)", e.getMessage());
        }
    }

    @Test
    void twoChannelImageIsRefused() {
        CalibratedImage<?> two = new CalibratedImage<>(ArrayImgs.unsignedBytes(8, 8, 2), List.of(Axis.X, Axis.Y, Axis.C),
                SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "two.tif");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StainNormalizers.create("reinhard", TARGET).normalize(two));
        assertEquals("stain normalisation needs an RGB image (3 channels: R, G, B); image 'two.tif' has 2 channels", e.getMessage());
    }

    @Test
    void floatImageNeedsAStatedWhiteLevel() {
        CalibratedImage<?> f = new CalibratedImage<>(ArrayImgs.floats(8, 8, 3), List.of(Axis.X, Axis.Y, Axis.C),
                SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "f.tif");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StainNormalizers.create("reinhard", TARGET).normalize(f));
        assertTrue(e.getMessage().startsWith("image 'f.tif' is 32-bit float RGB, which has no natural white level"), e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> RgbImages.planes(
                new CalibratedImage<>(ArrayImgs.doubles(8, 8, 3), List.of(Axis.X, Axis.Y, Axis.C), SpatialCalibration.UNCALIBRATED,
                        ValueCalibration.IDENTITY, "d.tif"), 1));
        assertEquals("image 'd.tif' has DoubleType pixels; stain normalisation reads RGB (ARGB), 8-bit, 16-bit or 32-bit float images", d.getMessage());
    }

    @Test
    void allBackgroundImageIsRefused() {
        RgbPixels white = filled(32, 32, 250, 250, 250);
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> new Reinhard(TARGET).normalize(white));
        assertEquals("no tissue: all 1024 pixels have Lab L >= 80.0 (background); give an image with stained tissue or a higher tissue "
                + "threshold", r.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> new Macenko(TARGET).normalize(white));
        assertEquals("too few stained pixels: 0 of 1024 have an optical density >= 0.15 in every channel, Macenko needs at least 10 (is the "
                + "image empty background?)", m.getMessage());
        // through an image, the message names it
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class, () -> new Reinhard(TARGET).normalize(argb(white, "blank.png")));
        assertTrue(named.getMessage().startsWith("image 'blank.png': no tissue"), named.getMessage());
    }

    @Test
    void grayContentInAnRgbImageIsRefused() {
        // R = G = B: the optical densities all point along (1, 1, 1) and a and b have no spread.
        RgbPixels p = RgbPixels.blank(32, 32);
        int n = p.pixelCount();
        for (int i = 0; i < n; i++) {
            float v = 40 + (i * 7) % 150;
            p.values()[i] = p.values()[n + i] = p.values()[2 * n + i] = v;
        }
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> new Macenko(TARGET).normalize(p));
        assertTrue(m.getMessage().contains("have a single colour direction") && m.getMessage().endsWith(
                "a gray image or one stain cannot be separated into two stains"), m.getMessage());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> new Reinhard(TARGET).normalize(p));
        assertTrue(r.getMessage().startsWith("no colour spread: Lab a has standard deviation"), r.getMessage());
    }

    @Test
    void emptyImageIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RgbPixels(0, 5, new float[0]));
        assertEquals("RGB image of 0x5 pixels: it is empty", e.getMessage());
    }

    @Test
    void unknownMethodIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StainNormalizers.create("vahadane", TARGET));
        assertEquals("unknown stain normalisation method 'vahadane'; known: reinhard, macenko", e.getMessage());
    }

    static RgbPixels filled(int w, int h, float r, float g, float b) {
        RgbPixels p = RgbPixels.blank(w, h);
        int n = p.pixelCount();
        Arrays.fill(p.values(), 0, n, r);
        Arrays.fill(p.values(), n, 2 * n, g);
        Arrays.fill(p.values(), 2 * n, 3 * n, b);
        return p;
    }

    static CalibratedImage<ARGBType> argb(RgbPixels p, String name) {
        int[] data = new int[p.pixelCount()];
        byte[] rgb = p.toInterleaved();
        for (int i = 0; i < data.length; i++) {
            data[i] = 0xff000000 | (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
        }
        return CalibratedImage.plain(ArrayImgs.argbs(data, p.width(), p.height()), name);
    }
}
