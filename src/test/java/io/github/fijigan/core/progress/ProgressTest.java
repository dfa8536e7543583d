package io.github.fijigan.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** ProgressListener's defaults and CancellationToken across threads. */
class ProgressTest {

    @Test
    void aTokenCancelsOnceAndForAll() {
        CancellationToken token = new CancellationToken();
        assertFalse(token.isCancelled());
        token.throwIfCancelled();
        token.throwIfCancelled("training");
        token.cancel();
        token.cancel();
        assertTrue(token.isCancelled());
        assertEquals("cancelled", assertThrows(CancelledException.class, token::throwIfCancelled).getMessage());
        assertEquals("training cancelled",
                assertThrows(CancelledException.class, () -> token.throwIfCancelled("training")).getMessage());
        assertTrue(RuntimeException.class.isAssignableFrom(CancelledException.class));
    }

    @Test
    void aWorkerThreadSeesACancelFromAnotherThread() throws InterruptedException {
        CancellationToken token = new CancellationToken();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicLong steps = new AtomicLong();
        List<Throwable> thrown = new ArrayList<>();
        Thread worker = new Thread(() -> {
            started.countDown();
            try {
                // Without a volatile flag this loop may never see the cancel (the JIT hoists the read).
                while (true) {
                    token.throwIfCancelled("work");
                    steps.incrementAndGet();
                }
            } catch (CancelledException e) {
                synchronized (thrown) {
                    thrown.add(e);
                }
                stopped.countDown();
            }
        });
        worker.setDaemon(true);
        worker.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        token.cancel();
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the worker never saw the cancel");
        worker.join(10_000);
        synchronized (thrown) {
            assertEquals("work cancelled", thrown.get(0).getMessage());
        }
    }

    @Test
    void noneIgnoresAndMessageReportsWithoutCount() {
        ProgressListener.NONE.progress(1, 2, "x");
        ProgressListener.NONE.message("x");
        List<String> calls = new ArrayList<>();
        ProgressListener recorder = (done, total, message) -> calls.add(done + "/" + total + " " + message);
        recorder.message("Scanning");
        assertEquals(List.of("0/0 Scanning"), calls);
    }

    @Test
    void aPartMapsItsStepsIntoTheLargerTask() {
        List<String> calls = new ArrayList<>();
        ProgressListener recorder = (done, total, message) -> calls.add(done + "/" + total + " " + message);
        ProgressListener loading = recorder.part(10, 20, 100);
        loading.progress(0, 3, "a");
        loading.progress(1, 3, "b");
        loading.progress(3, 3, "c");
        loading.progress(5, 3, "beyond");
        loading.message("status");
        assertEquals(List.of("10/100 a", "17/100 b", "30/100 c", "30/100 beyond", "10/100 status"), calls);
        assertThrows(IllegalArgumentException.class, () -> recorder.part(90, 20, 100));
        assertThrows(IllegalArgumentException.class, () -> recorder.part(-1, 2, 100));
    }
}
