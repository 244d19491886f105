package io.tributary.ingestion.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AckWindowTest {

    @Test
    void takesAFullWindowWithoutWaiting() throws InterruptedException {
        AckWindow window = new AckWindow(8);
        for (int i = 0; i < 8; i++) {
            window.take();
        }
        assertEquals(8, window.inFlight());
    }

    @Test
    void aFullWindowWaitsUntilHalfOfItIsAnswered() throws Exception {
        AckWindow window = new AckWindow(8);
        CompletableFuture<Void> ninth = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                for (int i = 0; i < 9; i++) {
                    window.take();
                }
                ninth.complete(null);
            } catch (InterruptedException e) {
                ninth.completeExceptionally(e);
            }
        });
        sender.start();
        awaitParked(sender);
        for (int i = 0; i < 3; i++) {
            window.done();
        }
        assertThrows(TimeoutException.class, () -> ninth.get(200, TimeUnit.MILLISECONDS),
                "three answers of eight leave the sender waiting");
        window.done();
        ninth.get(10, TimeUnit.SECONDS);
        assertEquals(5, window.inFlight());
    }

    private static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, "the sender waits once the window is full");
            Thread.sleep(5);
        }
    }

    @Test
    void neverHasMoreInFlightThanItsSizeAndAwaitsEveryAnswer() throws Exception {
        AckWindow window = new AckWindow(64);
        BlockingQueue<Long> sent = new LinkedBlockingQueue<>();
        AtomicLong mostInFlight = new AtomicLong();
        long records = 200_000;
        Thread acknowledger = new Thread(() -> {
            try {
                for (long i = 0; i < records; i++) {
                    sent.take();
                    window.done();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        acknowledger.start();
        for (long i = 0; i < records; i++) {
            window.take();
            mostInFlight.accumulateAndGet(window.inFlight(), Math::max);
            sent.add(i);
        }
        window.awaitAll();
        assertEquals(0, window.inFlight());
        assertTrue(mostInFlight.get() <= 64, "at most the window's size in flight, not " + mostInFlight.get());
        acknowledger.join(10_000);
        assertFalse(acknowledger.isAlive());
    }

    @Test
    void aWaitingSenderStopsWhenInterrupted() throws Exception {
        AckWindow window = new AckWindow(2);
        window.take();
        window.take();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                window.awaitAll();
                outcome.complete(null);
            } catch (InterruptedException e) {
                outcome.complete(e);
            }
        });
        sender.start();
        sender.interrupt();
        assertTrue(outcome.get(10, TimeUnit.SECONDS) instanceof InterruptedException);
    }
}
