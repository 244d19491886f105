package io.tributary.catalog.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void everyLatencyFallsInTheBucketWhoseBoundsHoldIt() {
        for (long ms = 0; ms < 5_000_000; ms += ms < 1_000 ? 1 : 997) {
            int bucket = LatencyBuckets.bucket(ms);
            assertTrue(LatencyBuckets.lowerBound(bucket) <= ms && ms < LatencyBuckets.upperBound(bucket),
                    ms + " ms in bucket " + bucket);
        }
    }

    @Test
    void aBucketsUpperBoundIsAtMostAnEighthAboveItsLowerOne() {
        for (int bucket = 8; bucket < LatencyBuckets.COUNT - 1; bucket++) {
            double ratio = (double) LatencyBuckets.upperBound(bucket) / LatencyBuckets.lowerBound(bucket);
            assertTrue(ratio <= 1.125 + 1e-12, "bucket " + bucket + ": " + ratio);
        }
    }

    @Test
    void negativeAndHugeLatenciesStayInTheFirstAndLastBuckets() {
        assertEquals(0, LatencyBuckets.bucket(-5));
        assertEquals(LatencyBuckets.COUNT - 1, LatencyBuckets.bucket(Long.MAX_VALUE));
    }

    @Test
    void aPercentileIsTheUpperBoundOfItsBucket() {
        long[] counts = new long[LatencyBuckets.COUNT];
        counts[LatencyBuckets.bucket(100)] = 90;
        counts[LatencyBuckets.bucket(2_000)] = 10;
        assertEquals(LatencyBuckets.upperBound(LatencyBuckets.bucket(100)), LatencyBuckets.percentile(counts, 90));
        assertEquals(LatencyBuckets.upperBound(LatencyBuckets.bucket(2_000)), LatencyBuckets.percentile(counts, 91));
        assertEquals(-1, LatencyBuckets.percentile(new long[LatencyBuckets.COUNT], 99));
    }

    @Test
    void samplesAreCountedAgainstTheEndOfTheTransaction() {
        LatencySamples samples = new LatencySamples();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        for (int i = 0; i < 40; i++) {
            samples.add(now.minusMillis(i));
        }
        samples.add(null);
        long[] counts = samples.histogram(now);
        assertEquals(40, java.util.Arrays.stream(counts).sum());
        assertEquals(1, counts[0]);
    }
}
