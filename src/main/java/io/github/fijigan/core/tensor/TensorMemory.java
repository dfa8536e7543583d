package io.github.fijigan.core.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Access to a float32 tensor's memory as a {@link FloatBuffer}, so pixels are converted straight
 * into and out of the engine's storage with no intermediate whole-image copy.
 *
 * <p>On the CPU, PyTorch's {@code toByteBuffer(true)} is a view of the tensor itself: an empty
 * tensor is allocated by the engine (freed when closed, unlike a Java direct buffer that waits for
 * the garbage collector) and filled in place. A probe at first use checks that writes through the
 * view land in the tensor; where they do not (another engine, a GPU manager), a direct buffer is
 * filled and handed to the engine to copy.
 */
final class TensorMemory {

    private TensorMemory() {}

    /** Whether writes through {@code toByteBuffer(true)} change the tensor, checked once. */
    private static final class ViewProbe {
        static final boolean WRITES_THROUGH = probe();

        private static boolean probe() {
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                NDArray t = manager.create(new Shape(2), DataType.FLOAT32);
                ByteBuffer view = t.toByteBuffer(true);
                if (!view.isDirect() || view.capacity() != 2 * Float.BYTES) {
                    return false;
                }
                view.order(ByteOrder.nativeOrder()).asFloatBuffer().put(0, 42f).put(1, -3f);
                float[] back = t.toFloatArray();
                return back[0] == 42f && back[1] == -3f;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    /** @return a new float32 tensor of {@code shape} whose values {@code fill} writes (absolute puts, from index 0) */
    static NDArray filled(NDManager manager, Shape shape, Consumer<FloatBuffer> fill) {
        long size = shape.size();
        if (size * Float.BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(shape + " exceeds one tensor buffer (2 GiB); use smaller batches or tiles");
        }
        if (manager.getDevice().equals(Device.cpu()) && ViewProbe.WRITES_THROUGH) {
            NDArray tensor = manager.create(shape, DataType.FLOAT32);
            fill.accept(tensor.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer());
            return tensor;
        }
        FloatBuffer buffer = ByteBuffer.allocateDirect((int) (size * Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
        fill.accept(buffer);
        return manager.create(buffer, shape, DataType.FLOAT32);
    }

    /**
     * @return the float32 values of {@code tensor[index]} as a buffer valid until {@code scope} closes;
     *     copies (to the CPU, to float32, to contiguous memory) are made only where needed and belong to scope
     */
    static FloatBuffer view(NDArray tensor, int index, NDManager scope) {
        NDArray one = tensor.get(index);
        one.attach(scope);
        if (one.getDataType() != DataType.FLOAT32) {
            one = one.toType(DataType.FLOAT32, false);
            one.attach(scope);
        }
        return one.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
