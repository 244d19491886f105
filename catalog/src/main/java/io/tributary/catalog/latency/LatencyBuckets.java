package io.tributary.catalog.latency;

/**
 * The buckets latencies are counted in: exact below 8 ms, then eight buckets per doubling, so that a bucket's upper
 * bound is at most 12.5% above any latency it holds. Integer arithmetic only: the transform service counts every record
 * it applies.
 */
public final class LatencyBuckets {

    /** Latencies of this many milliseconds or more share the last bucket (about 12.7 days). */
    public static final long MAX_MILLIS = (1L << 40) - 1;
    /** One more than the highest bucket number. */
    public static final int COUNT = bucket(MAX_MILLIS) + 1;

    private LatencyBuckets() {
    }

    /** The bucket of a latency; a negative one (clocks apart, an event time in the future) counts as 0 ms. */
    public static int bucket(long millis) {
        long ms = Math.min(Math.max(millis, 0), MAX_MILLIS);
        if (ms < 8) {
            return (int) ms;
        }
        int octave = 63 - Long.numberOfLeadingZeros(ms);
        int sub = (int) (ms >>> (octave - 3)) & 7;
        return 8 + (octave - 3) * 8 + sub;
    }

    /** The smallest latency the bucket holds, in milliseconds. */
    public static long lowerBound(int bucket) {
        if (bucket < 8) {
            return bucket;
        }
        int octave = 3 + (bucket - 8) / 8;
        int sub = (bucket - 8) % 8;
        return (8L + sub) << (octave - 3);
    }

    /** The smallest latency above the bucket, in milliseconds: what a percentile within it is reported as. */
    public static long upperBound(int bucket) {
        return lowerBound(bucket + 1);
    }

    /**
     * The latency at or below which {@code percentile} percent of the counted ones are, as the upper bound of its
     * bucket (never below the true value); -1 when nothing was counted.
     *
     * @param counts counts by bucket number
     */
    public static long percentile(long[] counts, double percentile) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= Math.max(rank, 1)) {
                return upperBound(bucket);
            }
        }
        return upperBound(counts.length - 1);
    }
}
