package io.github.fijigan.testdata;

import java.nio.file.Path;

import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.ij.ImageJReader;

/** The committed shapes set (48 circles, 48 squares, 32 × 32 grey), loaded once, and parts of it as flat arrays in network units. */
public final class Shapes {

    public static final Path FOLDER = Path.of("test-data/synthetic/shapes");

    private static TrainingImages images;

    private Shapes() {}

    /** @return the 96 images, circles (0..47) then squares (48..95); loaded once */
    public static synchronized TrainingImages images() {
        if (images == null) {
            EngineStarter.start(EngineOptions.defaults());
            try {
                images = TrainingImages.load(FOLDER, new ImageJReader(),
                        TrainingImages.Options.DEFAULT.withSize(32).withClassSubfolders(true));
            } catch (ImageReadException e) {
                throw new IllegalStateException(e);
            }
        }
        return images;
    }

    /** @return the images from..to-1 of each class (0..47 within the class) */
    public static float[][] perClass(int from, int to) {
        TrainingImages all = images();
        float[][] out = new float[2 * (to - from)][];
        int k = 0;
        for (int c = 0; c < 2; c++) {
            for (int i = from; i < to; i++) {
                out[k++] = all.pixels(c * 48 + i);
            }
        }
        return out;
    }

    /** @return images from..to-1 of one class (0 circle, 1 square) */
    public static float[][] ofClass(int c, int from, int to) {
        float[][] out = new float[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = images().pixels(c * 48 + i);
        }
        return out;
    }
}
