package io.github.fijigan.ij;

import java.nio.file.Path;
import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/** Seeded ImageJ1 test images and the repository's test-data folder. */
final class TestImages {

    static final Path TEST_DATA = Path.of("test-data");

    private TestImages() {
    }

    /**
     * An image of a type with c × z × t planes of random values over the type's whole range
     * (negative, fractional and huge values for 32-bit), so a wrong plane or a lossy copy shows.
     */
    static ImagePlus random(int type, int width, int height, int c, int z, int t, long seed) {
        Random random = new Random(seed);
        ImageStack stack = new ImageStack(width, height);
        for (int i = 0; i < c * z * t; i++) {
            stack.addSlice("plane " + i, randomPlane(type, width, height, random));
        }
        ImagePlus imp = new ImagePlus("random-" + type, stack);
        imp.setDimensions(c, z, t);
        if ((c > 1 ? 1 : 0) + (z > 1 ? 1 : 0) + (t > 1 ? 1 : 0) > 1) {
            imp.setOpenAsHyperStack(true);
        }
        return imp;
    }

    static ImageProcessor randomPlane(int type, int width, int height, Random random) {
        int n = width * height;
        switch (type) {
            case ImagePlus.GRAY8: {
                byte[] px = new byte[n];
                random.nextBytes(px);
                return new ByteProcessor(width, height, px);
            }
            case ImagePlus.GRAY16: {
                short[] px = new short[n];
                for (int i = 0; i < n; i++) {
                    px[i] = (short) random.nextInt(65536);
                }
                return new ShortProcessor(width, height, px, null);
            }
            case ImagePlus.GRAY32: {
                float[] px = new float[n];
                for (int i = 0; i < n; i++) {
                    px[i] = (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4));
                }
                return new FloatProcessor(width, height, px);
            }
            case ImagePlus.COLOR_RGB: {
                int[] px = new int[n];
                for (int i = 0; i < n; i++) {
                    px[i] = 0xff000000 | random.nextInt(1 << 24);
                }
                return new ColorProcessor(width, height, px);
            }
            default:
                throw new IllegalArgumentException("type " + type);
        }
    }
}
