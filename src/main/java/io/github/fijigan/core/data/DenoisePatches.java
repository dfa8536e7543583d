package io.github.fijigan.core.data;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.tensor.LinearMap;

/**
 * Cuts the patches of a {@link DenoiseImages} batch: each neighbour's window copied in physical
 * units, the simulated noise added there (in the unflipped window's row order), then mapped to
 * network units and flipped; the clean centre plane's window as the target.
 */
final class DenoisePatches {

    private DenoisePatches() {}

    /**
     * @param plane the plane of each sample
     * @param windows each sample's window and flip
     * @param noise the simulator's stream (unused for real pairs)
     * @return noisy inputs (N, slices × C, S, S) and clean targets (N, C, S, S) in network units
     */
    static ImageBatch stack(NDManager manager, DenoisePlanes planes, DenoiseImages.Options options, IntensityMap map, int[] plane,
            CropWindow[] windows, SplittableRandom noise) {
        int c = planes.channels(), s = options.cropSize(), slices = options.slices();
        int patch = c * s * s;
        float[] inputs = new float[plane.length * slices * patch];
        float[] targets = new float[plane.length * patch];
        LinearMap toNetwork = map.toNetwork();
        for (int k = 0; k < plane.length; k++) {
            int p = plane[k];
            CropWindow unflipped = new CropWindow(windows[k].x(), windows[k].y(), s, s, false);
            for (int i = 0; i < slices; i++) {
                int n = planes.neighbour(p, i - slices / 2);
                int offset = (k * slices + i) * patch;
                unflipped.copy(planes.noisyOrClean(n), planes.width(n), planes.height(n), c, LinearMap.IDENTITY, inputs, offset);
                if (options.noise() != null) {
                    options.noise().addTo(inputs, offset, patch, noise);
                }
                mapAndFlip(inputs, offset, c, s, windows[k].flip(), toNetwork);
            }
            windows[k].copy(planes.clean(p), planes.width(p), planes.height(p), c, toNetwork, targets, k * patch);
        }
        Shape inShape = new Shape(plane.length, (long) slices * c, s, s);
        return new ImageBatch(manager.create(inputs, inShape), null, manager.create(targets, new Shape(plane.length, c, s, s)));
    }

    /** Maps a patch to network units in place (float arithmetic, as {@link SourceUnits#apply}) and mirrors its rows when asked. */
    private static void mapAndFlip(float[] v, int offset, int channels, int side, boolean flip, LinearMap map) {
        float a = (float) map.scale(), b = (float) map.offset();
        for (int i = offset; i < offset + channels * side * side; i++) {
            v[i] = Math.fma(a, v[i], b);
        }
        if (flip) {
            for (int row = offset; row < offset + channels * side * side; row += side) {
                for (int l = row, r = row + side - 1; l < r; l++, r--) {
                    float t = v[l];
                    v[l] = v[r];
                    v[r] = t;
                }
            }
        }
    }
}
