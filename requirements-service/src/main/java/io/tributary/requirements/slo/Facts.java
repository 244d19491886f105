package io.tributary.requirements.slo;

import java.time.Instant;
import java.util.Optional;

import io.tributary.requirements.objective.Basis;

/**
 * What the running system did, as recorded in the catalog, for one objective's target. Read once per evaluation
 * cycle; every method answers from what happened, never from a cache's refresh time.
 */
public interface Facts {

    /** When ingestion accepted the newest record the target reflects (serving's {@code currentAsOf}). */
    Optional<Instant> newestArrival();

    /** The newest event time the target has applied. */
    Optional<Instant> eventWatermark();

    /** Whether the target's event time is a calendar date (its watermark is midnight UTC of that date). */
    boolean eventTimeIsDate();

    /** Latency counts by {@code LatencyBuckets} bucket of the records applied within [from, to). */
    long[] latency(Basis basis, Instant from, Instant to);

    /** When the newest batch that brought accepted records completed. */
    Optional<Instant> lastDelivery();

    /** Batches with accepted records completed at or after {@code from}. */
    long deliveriesSince(Instant from);

    /** Received and quarantined records of the batches completed at or after {@code from}. */
    Counts counts(Instant from);

    /** Records accepted by batches completed within [from, to). */
    long accepted(Instant from, Instant to);

    /** When the oldest data still held arrived. */
    Optional<Instant> oldestHeld();

    /** The earliest data the evaluator ever saw held for the target (kept between evaluations). */
    Optional<Instant> dataSince();

    /** The latest probe of a serving query; empty when none was made. */
    Optional<Probe> probe();

    record Counts(long received, long quarantined) {
    }

    /**
     * One call to a serving query.
     *
     * @param ok whether it answered with a 2xx status
     * @param millis how long the answer took (the timeout when there was none)
     */
    record Probe(boolean ok, long millis, String error) {
    }
}
