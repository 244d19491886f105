package io.tributary.requirements.slo;

import java.time.Duration;
import java.time.Instant;

/**
 * The time slices of one objective over its longest window, each good, bad or without evaluation: a ring of two bit
 * sets (counted, bad), so that a 28-day window of one-minute slices takes 10 KB. A slice is bad as soon as one
 * evaluation in it is bad, and good when it has evaluations and none is bad.
 */
public final class SliceLedger {

    private final long sliceMillis;
    private final int capacity;
    private final long[] counted;
    private final long[] bad;
    /** The newest slice index recorded; Long.MIN_VALUE before the first. */
    private long head = Long.MIN_VALUE;
    private int headGood;
    private int headBad;

    public SliceLedger(Duration slice, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ledger holds at least one slice: " + capacity);
        }
        this.sliceMillis = slice.toMillis();
        this.capacity = capacity;
        this.counted = new long[(capacity + 63) / 64];
        this.bad = new long[(capacity + 63) / 64];
    }

    public long sliceMillis() {
        return sliceMillis;
    }

    public int capacity() {
        return capacity;
    }

    /** The slice an instant falls in: slices are aligned to the epoch. */
    public long index(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), sliceMillis);
    }

    public Instant start(long index) {
        return Instant.ofEpochMilli(index * sliceMillis);
    }

    /** Counts one evaluation; one older than the ring is ignored. */
    public void record(Instant at, boolean good) {
        add(index(at), good ? 1 : 0, good ? 0 : 1);
    }

    /** Adds evaluations to a slice: how the ledger is filled again from stored slices. */
    public void add(long index, int good, int badCount) {
        if (good + badCount == 0) {
            return;
        }
        if (head == Long.MIN_VALUE || index > head) {
            advance(index);
        } else if (index <= head - capacity) {
            return;
        }
        int position = position(index);
        set(counted, position);
        if (badCount > 0) {
            set(bad, position);
        }
        if (index == head) {
            headGood += good;
            headBad += badCount;
        }
    }

    /** The newest slice recorded, or empty. */
    public long head() {
        return head;
    }

    public int headGood() {
        return headGood;
    }

    public int headBad() {
        return headBad;
    }

    /** Good and bad slices with index in [from, to], both included (only those the ring still holds). */
    public SliceCounts count(long from, long to) {
        if (head == Long.MIN_VALUE) {
            return SliceCounts.NONE;
        }
        long first = Math.max(from, head - capacity + 1);
        long last = Math.min(to, head);
        if (first > last) {
            return SliceCounts.NONE;
        }
        int start = position(first);
        int length = (int) (last - first + 1);
        long countedSlices;
        long badSlices;
        if (start + length <= capacity) {
            countedSlices = bits(counted, start, start + length);
            badSlices = bits(bad, start, start + length);
        } else {
            int tail = capacity - start;
            countedSlices = bits(counted, start, capacity) + bits(counted, 0, length - tail);
            badSlices = bits(bad, start, capacity) + bits(bad, 0, length - tail);
        }
        return new SliceCounts(countedSlices - badSlices, badSlices);
    }

    /** The last {@code slices} slices up to the head. */
    public SliceCounts last(long slices, long at) {
        return count(at - slices + 1, at);
    }

    private void advance(long index) {
        if (head != Long.MIN_VALUE) {
            long clear = Math.min(index - head, capacity);
            for (long i = 1; i <= clear; i++) {
                int position = position(head + i);
                unset(counted, position);
                unset(bad, position);
            }
        } else {
            java.util.Arrays.fill(counted, 0);
            java.util.Arrays.fill(bad, 0);
        }
        head = index;
        headGood = 0;
        headBad = 0;
    }

    private int position(long index) {
        return (int) Math.floorMod(index, (long) capacity);
    }

    private static void set(long[] bits, int position) {
        bits[position >>> 6] |= 1L << (position & 63);
    }

    private static void unset(long[] bits, int position) {
        bits[position >>> 6] &= ~(1L << (position & 63));
    }

    /** Set bits in positions [from, to). */
    private static long bits(long[] bits, int from, int to) {
        long total = 0;
        int position = from;
        while (position < to) {
            int word = position >>> 6;
            int offset = position & 63;
            int take = Math.min(64 - offset, to - position);
            long mask = take == 64 ? -1L : ((1L << take) - 1) << offset;
            total += Long.bitCount(bits[word] & mask);
            position += take;
        }
        return total;
    }
}
