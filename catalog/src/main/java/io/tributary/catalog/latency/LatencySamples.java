package io.tributary.catalog.latency;

import java.time.Instant;
import java.util.Arrays;

/**
 * The instants records arrived at, or happened at, gathered while a transaction applies them; counted in
 * {@link LatencyBuckets} against the moment the transaction ends.
 */
public final class LatencySamples {

    private long[] millis = new long[16];
    private int size;

    public void add(Instant instant) {
        if (instant == null) {
            return;
        }
        if (size == millis.length) {
            millis = Arrays.copyOf(millis, size * 2);
        }
        millis[size++] = instant.toEpochMilli();
    }

    /** The same instants, in a copy of their own. */
    public LatencySamples copy() {
        LatencySamples copy = new LatencySamples();
        copy.millis = Arrays.copyOf(millis, millis.length);
        copy.size = size;
        return copy;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Counts by bucket of {@code now} minus each instant. */
    public long[] histogram(Instant now) {
        long[] counts = new long[LatencyBuckets.COUNT];
        long at = now.toEpochMilli();
        for (int i = 0; i < size; i++) {
            counts[LatencyBuckets.bucket(at - millis[i])]++;
        }
        return counts;
    }
}
