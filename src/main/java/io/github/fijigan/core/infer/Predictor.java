package io.github.fijigan.core.infer;

import java.util.List;
import java.util.Objects;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Runs a network over the tiles of a plane, a batch of tiles at a time, and blends the outputs.
 *
 * <p>Memory stays bounded by the output plane (a float sum per output channel and one weight per
 * pixel) plus one batch of tiles: every array of a batch lives in a sub-manager closed after it.
 * When the engine runs out of memory, the batch is halved and tried again, down to one tile (as
 * CSBDeep does); the smaller batch is kept for later planes.
 *
 * <pre>{@code
 * Predictor predictor = new Predictor(network, 4);
 * TilePlan plan = new Tiler(512, 32, network.sizeMultiple()).plan(source.width(), source.height());
 * try (NDManager manager = NDManager.newBaseManager(network.device())) {
 *     float[] out = predictor.predict(source, plan, manager, ProgressListener.NONE, new CancellationToken());
 * }
 * }</pre>
 */
public final class Predictor {

    private final ImageToImageNetwork network;
    private int tileBatch;

    /**
     * @param network the network to run
     * @param tileBatch tiles per forward pass, at least 1
     */
    public Predictor(ImageToImageNetwork network, int tileBatch) {
        this.network = Objects.requireNonNull(network, "network");
        if (tileBatch < 1) {
            throw new IllegalArgumentException("tile batch must be at least 1, got " + tileBatch);
        }
        this.tileBatch = tileBatch;
    }

    /** @return tiles per forward pass now: the one given, or less after running out of memory */
    public int tileBatch() {
        return tileBatch;
    }

    /**
     * Predicts one plane.
     *
     * @param source the plane's network input; its channels must be the network's input channels
     * @param plan tiles of the source's size, their sides multiples of the network's size multiple
     * @param manager where tile arrays are made (its device is where the network runs); left as it was
     * @param progress told after each batch how many of the plan's tiles are done
     * @param cancel checked before each batch
     * @return {@code network.outChannels()} blocks of {@code width * height} floats, rows of X, in
     *     network units
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled
     * @throws EngineException when even one tile does not fit into the device's memory, or the engine fails otherwise
     */
    public float[] predict(TileSource source, TilePlan plan, NDManager manager, ProgressListener progress, CancellationToken cancel) {
        check(source, plan);
        int outChannels = network.outChannels();
        BlendedPlane blended = new BlendedPlane(plan.imageWidth(), plan.imageHeight(), outChannels);
        List<Tile> tiles = plan.tiles();
        int tileValuesIn = source.channels() * plan.tileWidth() * plan.tileHeight();
        int tileValuesOut = outChannels * plan.tileWidth() * plan.tileHeight();
        int done = 0;
        while (done < tiles.size()) {
            cancel.throwIfCancelled("translation");
            int n = Math.min(tileBatch, tiles.size() - done);
            List<Tile> batch = tiles.subList(done, done + n);
            float[] output;
            try {
                output = run(source, plan, batch, tileValuesIn, manager);
            } catch (EngineException e) {
                if (!EngineMemory.isOutOfMemory(e)) {
                    throw e;
                }
                if (n == 1) {
                    throw new EngineException("out of memory on " + manager.getDevice() + " even for a single tile of "
                            + plan.tileWidth() + "x" + plan.tileHeight() + " pixels; choose a smaller tile size", e);
                }
                tileBatch = n / 2;
                continue;
            }
            for (int k = 0; k < n; k++) {
                Tile tile = batch.get(k);
                blended.add(tile, output, k * tileValuesOut, plan.columnWeights(tile.column()), plan.rowWeights(tile.row()));
            }
            done += n;
            progress.progress(done, tiles.size(), "tile " + done + " of " + tiles.size());
        }
        return blended.finish();
    }

    /** @return the network's output for a batch of tiles, copied to Java; every array made is closed */
    private float[] run(TileSource source, TilePlan plan, List<Tile> batch, int tileValues, NDManager manager) {
        float[] input = new float[batch.size() * tileValues];
        for (int k = 0; k < batch.size(); k++) {
            source.read(batch.get(k), input, k * tileValues);
        }
        Shape inShape = new Shape(batch.size(), source.channels(), plan.tileHeight(), plan.tileWidth());
        Shape outShape = new Shape(batch.size(), network.outChannels(), plan.tileHeight(), plan.tileWidth());
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(input, inShape);
            NDArray y = network.forward(x);
            // A network may make its result elsewhere (a wrapper, a TorchScript module); it ends here all the same.
            y.attach(scope);
            if (!y.getShape().equals(outShape)) {
                throw new IllegalStateException(network + " turned a batch of shape " + inShape + " into " + y.getShape()
                        + ", expected " + outShape);
            }
            return (y.getDataType() == DataType.FLOAT32 ? y : y.toType(DataType.FLOAT32, false)).toFloatArray();
        }
    }

    private void check(TileSource source, TilePlan plan) {
        if (source.channels() != network.inChannels()) {
            throw new IllegalArgumentException("the network takes " + network.inChannels() + " channels, the image plane has "
                    + source.channels());
        }
        if (source.width() != plan.imageWidth() || source.height() != plan.imageHeight()) {
            throw new IllegalArgumentException("tile plan for " + plan.imageWidth() + "x" + plan.imageHeight()
                    + " pixels does not fit a plane of " + source.width() + "x" + source.height());
        }
        int m = network.sizeMultiple();
        if (plan.tileWidth() % m != 0 || plan.tileHeight() % m != 0) {
            throw new IllegalArgumentException("tiles of " + plan.tileWidth() + "x" + plan.tileHeight()
                    + " are not multiples of the network's size multiple " + m);
        }
    }
}
