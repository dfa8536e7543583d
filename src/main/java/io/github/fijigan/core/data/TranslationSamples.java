package io.github.fijigan.core.data;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.tensor.LinearMap;

/**
 * Picks the samples of a {@link TranslationImages} batch (which image and window in each domain),
 * at random or fixed, and stacks their windows into one array per domain in network units.
 */
final class TranslationSamples {

    /** One sample: image and window in domain A, and in domain B (-1 and null for single data). */
    private record Sample(int a, CropWindow windowA, int b, CropWindow windowB) {
    }

    /** The samples of one batch, ready to stack. */
    final class Batch {

        private final Sample[] samples;

        private Batch(Sample[] samples) {
            this.samples = samples;
        }

        /** @return images and targets (null for single data), owned by {@code manager} */
        ImageBatch stack(NDManager manager) {
            if (samples.length == 0) {
                throw new IllegalArgumentException("a batch needs at least one sample index");
            }
            NDArray images = stackDomain(manager, domainA, samples, true);
            if (domainB == null) {
                return new ImageBatch(images, null, null);
            }
            try {
                return new ImageBatch(images, null, stackDomain(manager, domainB, samples, false));
            } catch (RuntimeException e) {
                images.close();
                throw e;
            }
        }
    }

    private final TranslationImages.Options options;
    private final DomainImages domainA;
    private final DomainImages domainB;

    TranslationSamples(TranslationImages.Options options, DomainImages domainA, DomainImages domainB) {
        this.options = options;
        this.domainA = domainA;
        this.domainB = domainB;
    }

    /**
     * Draws, per sample in order: unaligned, the B index then A's window then B's; aligned, one
     * window for both; single, A's window.
     *
     * @param indices checked samples of the dataset; A image {@code i mod |A|}
     */
    Batch drawn(int[] indices, SplittableRandom random) {
        Sample[] samples = new Sample[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int a = indices[k] % domainA.size();
            if (domainB == null) {
                samples[k] = new Sample(a, window(domainA, a, random), -1, null);
            } else if (options.mode() == DatasetMode.ALIGNED) {
                CropWindow shared = window(domainA, a, random);
                samples[k] = new Sample(a, shared, a, shared);
            } else {
                int b = random.nextInt(domainB.size());
                CropWindow wa = window(domainA, a, random);
                samples[k] = new Sample(a, wa, b, window(domainB, b, random));
            }
        }
        return new Batch(samples);
    }

    /** @return the first {@code count} samples, B image {@code i mod |B|}, centre windows, unflipped */
    Batch fixed(int count) {
        Sample[] samples = new Sample[count];
        for (int i = 0; i < count; i++) {
            int a = i % domainA.size();
            int b = domainB == null ? -1 : i % domainB.size();
            samples[i] = new Sample(a, centre(domainA, a), b, domainB == null ? null : centre(domainB, b));
        }
        return new Batch(samples);
    }

    private CropWindow window(DomainImages d, int i, SplittableRandom random) {
        return CropWindow.draw(random, d.width(i), d.height(i), options);
    }

    private CropWindow centre(DomainImages d, int i) {
        return CropWindow.centre(d.width(i), d.height(i), options);
    }

    /** Copies every sample's window of one domain into one (N, C, H, W) array, created in one call. */
    private static NDArray stackDomain(NDManager manager, DomainImages domain, Sample[] samples, boolean sideA) {
        CropWindow first = sideA ? samples[0].windowA() : samples[0].windowB();
        int firstIndex = sideA ? samples[0].a() : samples[0].b();
        int w = first.width(), h = first.height(), c = domain.channels();
        int stride = Math.multiplyExact(c, Math.multiplyExact(w, h));
        float[] pixels = new float[Math.multiplyExact(samples.length, stride)];
        LinearMap toNetwork = domain.intensityMap().toNetwork();
        for (int k = 0; k < samples.length; k++) {
            CropWindow window = sideA ? samples[k].windowA() : samples[k].windowB();
            int i = sideA ? samples[k].a() : samples[k].b();
            if (window.width() != w || window.height() != h) {
                throw new IllegalArgumentException(domain.source(i) + " is " + window.width() + "x" + window.height() + " but "
                        + domain.source(firstIndex) + " is " + w + "x" + h + "; images of different sizes cannot share a "
                        + "batch: use batch size 1 or a preprocessing that crops");
            }
            window.copy(domain.plane(i), domain.width(i), domain.height(i), c, toNetwork, pixels, k * stride);
        }
        return manager.create(pixels, new Shape(samples.length, c, h, w));
    }
}
