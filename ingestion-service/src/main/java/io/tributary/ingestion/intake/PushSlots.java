package io.tributary.ingestion.intake;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many pushes of events each source has in progress, at most {@code perSource} at once: a producer that opens more
 * is told to come back (429) rather than holding the service's threads and disk for one source.
 */
final class PushSlots {

    private final int perSource;
    private final ConcurrentHashMap<String, Semaphore> bySource = new ConcurrentHashMap<>();

    PushSlots(int perSource) {
        this.perSource = perSource;
    }

    /** Takes a slot of the source if one is free; a slot taken must be given back with {@link #release}. */
    boolean tryTake(String source) {
        return bySource.computeIfAbsent(source, s -> new Semaphore(perSource)).tryAcquire();
    }

    void release(String source) {
        bySource.get(source).release();
    }

    int perSource() {
        return perSource;
    }
}
