package io.tributary.ingestion.messaging;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * How many of one sender's records may wait for their acknowledgement at once. One thread sends ({@link #take()},
 * {@link #awaitAll()}); any thread acknowledges ({@link #done()}), in practice the producer's network thread, a whole
 * produce response of records at a time.
 * <p>
 * The sender reads the shared count of acknowledgements only once it has used up what it knew was free, and once the
 * window is full it sleeps until half of it is free again, not until the next acknowledgement: the two threads do not
 * pass one permit to and fro for every record (a semaphore's compare-and-set on both sides of every record, and a
 * wake-up of the sender as soon as one place is free while the window is full).
 */
final class AckWindow {

    private final long size;
    private final AtomicLong done = new AtomicLong();
    /** Records handed out; only the sending thread writes it. */
    private long taken;
    /** How many more the sender may take before it looks at {@link #done} again; the sending thread's alone. */
    private long free;
    /** The count of acknowledgements the sleeping sender waits for; {@link Long#MAX_VALUE} while none sleeps. */
    private volatile long wakeAt = Long.MAX_VALUE;
    private volatile Thread sleeper;

    AckWindow(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a window holds at least two records, not " + size);
        }
        this.size = size;
        this.free = size;
    }

    /** Takes a place for one more record, waiting while the window is full until half of it is free. */
    void take() throws InterruptedException {
        if (free == 0) {
            free = size - (taken - done.get());
            if (free == 0) {
                awaitDone(taken - size / 2);
                free = size - (taken - done.get());
            }
        }
        free--;
        taken++;
    }

    /** One record taken has its answer from Kafka (an acknowledgement or a refusal), or was never sent. */
    void done() {
        long now = done.incrementAndGet();
        if (now >= wakeAt) {
            Thread waiting = sleeper;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    /** Waits until every record taken has its answer. */
    void awaitAll() throws InterruptedException {
        awaitDone(taken);
        free = size;
    }

    /** How many records taken wait for their answer. */
    long inFlight() {
        return taken - done.get();
    }

    private void awaitDone(long count) throws InterruptedException {
        if (done.get() >= count) {
            return;
        }
        sleeper = Thread.currentThread();
        wakeAt = count;
        try {
            // wakeAt is set before done is read again, and done() counts before it reads wakeAt: one of the two sees
            // the other, so an acknowledgement in between is never missed
            while (done.get() < count) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            wakeAt = Long.MAX_VALUE;
            sleeper = null;
        }
    }
}
