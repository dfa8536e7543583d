package io.github.fijigan.core.tensor;

import java.lang.ref.WeakReference;

/**
 * Test helper that frees the memory of unreachable Java direct buffers now, as a garbage collection
 * at an unlucky moment would: DJL's PyTorch engine wraps such buffers as tensor memory, so a test
 * that calls {@link #free()} between a forward and a backward pass exposes a graph that still reads a
 * tensor whose Java array was closed.
 */
public final class NativeBuffers {

    private NativeBuffers() {}

    /**
     * Runs full collections until a fresh sentinel is found unreachable (so every buffer unreachable
     * now is found too), three times over, with pauses for the reference handler to run the buffers'
     * cleaners, which free their memory.
     */
    public static void free() {
        for (int round = 0; round < 3; round++) {
            WeakReference<Object> sentinel = new WeakReference<>(new Object());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sentinel.get() != null && System.nanoTime() < deadline) {
                System.gc();
                pause(5);
            }
            pause(20);
        }
    }

    /**
     * Starts a daemon thread that runs a full collection every 10 ms or so until the returned handle is
     * closed: any stretch of work longer than that is nearly sure to meet one.
     */
    public static AutoCloseable collectContinuously() {
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-garbage-collector");
        collector.setDaemon(true);
        collector.start();
        return () -> {
            collector.interrupt();
            collector.join();
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the garbage collector", e);
        }
    }
}
