package io.github.fijigan.core.infer;

import java.util.ArrayList;
import java.util.List;

/**
 * The tiles covering one image plane and how their outputs are written back: each tile's output
 * pixel {@code (i, j)} lands on image pixel {@code (tile.x() + j, tile.y() + i)} when that is inside
 * the image, weighted by {@code columnWeights(tile.column())[j] * rowWeights(tile.row())[i]}; the
 * weighted sums are divided by the summed weights. Pixels past the image (the padding up to the
 * network's multiple) are dropped, which crops the result back to the image's size.
 *
 * <p>Made by {@link Tiler#plan}. Tiles are listed row by row; all have the same size.
 */
public final class TilePlan {

    private final AxisTiling columns;
    private final AxisTiling rows;
    private final BlendWindow window;
    private final List<Tile> tiles;

    TilePlan(AxisTiling columns, AxisTiling rows, BlendWindow window) {
        this.columns = columns;
        this.rows = rows;
        this.window = window;
        List<Tile> list = new ArrayList<>(columns.count() * rows.count());
        for (int r = 0; r < rows.count(); r++) {
            for (int c = 0; c < columns.count(); c++) {
                list.add(new Tile(c, r, columns.start(c), rows.start(r), columns.tile(), rows.tile()));
            }
        }
        this.tiles = List.copyOf(list);
    }

    /** @return the image's width */
    public int imageWidth() {
        return columns.length();
    }

    /** @return the image's height */
    public int imageHeight() {
        return rows.length();
    }

    /** @return the width padded up to the network's multiple; tiles never reach past it */
    public int paddedWidth() {
        return columns.padded();
    }

    /** @return the height padded up to the network's multiple */
    public int paddedHeight() {
        return rows.padded();
    }

    /** @return every tile's width */
    public int tileWidth() {
        return columns.tile();
    }

    /** @return every tile's height */
    public int tileHeight() {
        return rows.tile();
    }

    /** @return tiles per row of the grid */
    public int columns() {
        return columns.count();
    }

    /** @return tiles per column of the grid */
    public int rows() {
        return rows.count();
    }

    /** @return the tiles, row by row */
    public List<Tile> tiles() {
        return tiles;
    }

    /** @return the blending window */
    public BlendWindow window() {
        return window;
    }

    /** @return the weights along X of the tiles in grid column {@code column} */
    public float[] columnWeights(int column) {
        return window.weights(columns.tile(), columns.leftZone(column), columns.rightZone(column));
    }

    /** @return the weights along Y of the tiles in grid row {@code row} */
    public float[] rowWeights(int row) {
        return window.weights(rows.tile(), rows.leftZone(row), rows.rightZone(row));
    }

    @Override
    public String toString() {
        return "TilePlan[" + imageWidth() + "x" + imageHeight() + " as " + columns() + "x" + rows() + " tiles of "
                + tileWidth() + "x" + tileHeight() + ", " + window + "]";
    }
}
