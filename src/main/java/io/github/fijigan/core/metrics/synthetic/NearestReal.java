package io.github.fijigan.core.metrics.synthetic;

/**
 * A row of the memorisation table: a synthetic image and the real training images most like it.
 *
 * @param rank 1 for the synthetic image most like a real one (smallest pixel RMSE, then latent distance)
 * @param syntheticClass the synthetic image's class
 * @param syntheticFile its file name
 * @param latentClass the class of the real image nearest in latent space
 * @param latentFile that real image's file name
 * @param latentDistance the Euclidean distance between the two latent vectors
 * @param pixelClass the class of the real image nearest in pixel space
 * @param pixelFile that real image's file name
 * @param pixelRmse the root mean square difference of their pixels, in the real images' units
 *     (grey levels for 8-bit images; physical units such as HU where the images are calibrated)
 */
public record NearestReal(int rank, String syntheticClass, String syntheticFile, String latentClass, String latentFile,
        double latentDistance, String pixelClass, String pixelFile, double pixelRmse) {
}
