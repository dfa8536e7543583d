package io.github.fijigan.core.infer;

/**
 * One tile of a {@link TilePlan}: the rectangle of the (padded) image a network sees, in image pixel
 * coordinates. It may reach past the image's right and bottom edges into the mirror padding that
 * makes the image a multiple of the network's size, never past the padded image.
 *
 * @param column the tile's column in the grid, from 0
 * @param row the tile's row in the grid, from 0
 * @param x first column of the source rectangle
 * @param y first row of the source rectangle
 * @param width columns of the source rectangle (the same for every tile of a plan)
 * @param height rows of the source rectangle (the same for every tile of a plan)
 */
public record Tile(int column, int row, int x, int y, int width, int height) {

    public Tile {
        if (column < 0 || row < 0 || x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("tile needs a non-negative position and a positive size, got column " + column
                    + ", row " + row + " at " + x + "," + y + " size " + width + "x" + height);
        }
    }
}
