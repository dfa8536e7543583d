package io.github.fijigan.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * A history of generated images (Shrivastava et al. 2017, as CycleGAN uses it): the discriminator
 * sees, for each new fake, either that fake or, with probability ½ once the pool is full, an older
 * one, which it replaces. This keeps the discriminator from chasing the generator's latest mode.
 * The pool is part of the training state: it is saved in checkpoints, so a resumed run continues
 * with the same history.
 *
 * <pre>{@code
 * try (ImagePool pool = new ImagePool(50, manager)) {
 *     NDArray forD = pool.query(fake.stopGradient(), step.random("pool"));
 * }
 * }</pre>
 */
public final class ImagePool implements AutoCloseable {

    private final int capacity;
    private final NDManager manager;
    private final List<NDArray> images = new ArrayList<>();

    /**
     * @param capacity images kept; 0 passes every fake through
     * @param manager where the kept images live (they outlive the training steps)
     */
    public ImagePool(int capacity, NDManager manager) {
        if (capacity < 0) {
            throw new IllegalArgumentException("pool size must not be negative, got " + capacity);
        }
        this.capacity = capacity;
        this.manager = manager.newSubManager();
    }

    /**
     * @param fakes (N, C, H, W) generated images, detached from the generator
     * @param random decides, per image, whether an older image is returned instead
     * @return (N, C, H, W) images for the discriminator, in {@code fakes}' manager
     */
    public NDArray query(NDArray fakes, SplittableRandom random) {
        if (capacity == 0) {
            return fakes;
        }
        int n = Math.toIntExact(fakes.getShape().get(0));
        NDList out = new NDList(n);
        for (int i = 0; i < n; i++) {
            NDArray image = fakes.get(i).expandDims(0);
            if (images.size() < capacity) {
                images.add(keep(image));
                out.add(image);
            } else if (random.nextDouble() > 0.5) {
                NDArray old = images.set(random.nextInt(capacity), keep(image));
                NDArray returned = old.toDevice(fakes.getDevice(), true);
                returned.attach(fakes.getManager());
                old.close();
                out.add(returned);
            } else {
                out.add(image);
            }
        }
        return n == 1 ? out.get(0) : NDArrays.concat(out, 0);
    }

    /** @return how many images the pool holds */
    public int size() {
        return images.size();
    }

    /** @return copies of the kept images in {@code target}, oldest slot first, for a checkpoint */
    public NDList state(NDManager target) {
        NDList list = new NDList(images.size());
        for (NDArray image : images) {
            NDArray copy = image.duplicate();
            copy.attach(target);
            list.add(copy);
        }
        return list;
    }

    /** Replaces the pool's images with those {@link #state} saved. */
    public void load(NDList state) {
        if (state.size() > capacity) {
            throw new IllegalArgumentException("the saved pool holds " + state.size() + " images, more than its size " + capacity);
        }
        images.forEach(NDArray::close);
        images.clear();
        for (NDArray image : state) {
            images.add(keep(image));
        }
    }

    /** A copy that outlives the training step's scope. */
    private NDArray keep(NDArray image) {
        NDArray copy = image.duplicate();
        copy.attach(manager);
        NDScope.unregister(copy);
        return copy;
    }

    /** Frees the kept images. */
    @Override
    public void close() {
        images.clear();
        manager.close();
    }
}
