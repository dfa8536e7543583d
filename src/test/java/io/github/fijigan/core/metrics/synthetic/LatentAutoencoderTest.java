package io.github.fijigan.core.metrics.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.testdata.Shapes;
import org.junit.jupiter.api.Test;

/** The latent autoencoder: its shapes, its seed, and that training on real images makes it reconstruct unseen ones. */
class LatentAutoencoderTest {

    static final AutoencoderSpec TINY = new AutoencoderSpec(32, 1, 4, 8, 8);
    static final LatentAutoencoder.Training TRAINING = new LatentAutoencoder.Training(15, 16, 2e-3, 5);

    @Test
    void trainingOnRealImagesReconstructsHeldOutOnesFarBetter() {
        float[][] train = Shapes.perClass(0, 40);
        float[][] heldOut = Shapes.perClass(40, 48);
        try (LatentAutoencoder ae = LatentAutoencoder.create(TINY, Device.cpu(), 3)) {
            double before = ae.reconstructionError(heldOut);
            long t0 = System.nanoTime();
            double[] losses = ae.train(train, TRAINING, ProgressListener.NONE, new CancellationToken());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double after = ae.reconstructionError(heldOut);
            System.out.printf("autoencoder %d parameters: held-out MSE %.5f -> %.5f; training loss %.5f -> %.5f; %.1f s%n",
                    ae.parameterCount(), before, after, losses[0], losses[losses.length - 1], seconds);
            assertTrue(after < before / 5, "held-out MSE " + before + " -> " + after);
            assertTrue(losses[losses.length - 1] < losses[0] / 3, "training loss " + losses[0] + " -> " + losses[losses.length - 1]);
        }
    }

    @Test
    void encodesToTheLatentShapeTheSameWayForTheSameSeedAndImage() {
        float[][] images = Shapes.perClass(0, 3);
        try (LatentAutoencoder a = LatentAutoencoder.create(TINY, Device.cpu(), 9);
                LatentAutoencoder b = LatentAutoencoder.create(TINY, Device.cpu(), 9);
                LatentAutoencoder other = LatentAutoencoder.create(TINY, Device.cpu(), 10)) {
            float[][] latents = a.encode(images);
            assertEquals(6, latents.length);
            assertEquals(4 * 4 * 8, latents[0].length);
            assertArrayEquals(latents[2], b.encode(images)[2]);
            // One image alone gives the vector it got among others.
            assertArrayEquals(latents[4], a.encode(new float[][] {images[4]})[0]);
            assertTrue(Math.abs(latents[0][0] - other.encode(images)[0][0]) > 0, "another seed, other weights");
        }
    }

    @Test
    void theStudysAutoencoderHasTheParametersCountedByHand() {
        AutoencoderSpec study = AutoencoderSpec.of(256, 1);
        assertEquals(4, study.downsamplings());
        assertEquals(2048, study.latentDimension());
        try (LatentAutoencoder ae = LatentAutoencoder.create(study, Device.cpu(), 1)) {
            // encoder 1->16->32->64->8, decoder 8->64->32->16->1, 3x3 kernels with biases
            long encoder = (16 * 9 + 16) + (32 * 16 * 9 + 32) + (64 * 32 * 9 + 64) + (8 * 64 * 9 + 8);
            long decoder = (64 * 8 * 9 + 64) + (32 * 64 * 9 + 32) + (16 * 32 * 9 + 16) + (16 * 9 + 1);
            assertEquals(encoder + decoder, ae.parameterCount());
            assertEquals(55_817, ae.parameterCount());
        }
    }

    @Test
    void badSizesImagesAndCancellationAreReported() {
        IllegalArgumentException ratio = assertThrows(IllegalArgumentException.class, () -> new AutoencoderSpec(48, 1, 5, 8, 8));
        assertTrue(ratio.getMessage().contains("image size 48 must be the latent size 5 times 2, 4, 8"), ratio.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AutoencoderSpec(32, 1, 32, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new LatentAutoencoder.Training(0, 16, 1e-3, 1));
        try (LatentAutoencoder ae = LatentAutoencoder.create(TINY, Device.cpu(), 1)) {
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> ae.encode(new float[][] {new float[16]}));
            assertEquals("image 0 has 16 values; the autoencoder takes 1 x 32 x 32 = 1024", size.getMessage());
            CancellationToken cancel = new CancellationToken();
            cancel.cancel();
            assertThrows(CancelledException.class, () -> ae.train(Shapes.perClass(0, 2), TRAINING, ProgressListener.NONE, cancel));
        }
    }
}
