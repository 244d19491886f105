package io.tributary.transform.apply;

import java.time.Instant;

import io.tributary.catalog.latency.LatencySamples;
import io.tributary.transform.progress.PipelineProgress;

/** A pipeline's counts within one transaction. */
final class Tally {

    long received;
    long curated;
    long corrected;
    long duplicates;
    long filtered;
    long failed;
    long superseded;
    long late;
    long rederived;
    Instant eventWatermark;
    Instant lastAcceptedAt;
    /** When each live record was accepted, and when each live curated row with a timestamp happened. */
    final LatencySamples arrivals;
    final LatencySamples eventTimes;

    Tally() {
        this(new LatencySamples(), new LatencySamples());
    }

    private Tally(LatencySamples arrivals, LatencySamples eventTimes) {
        this.arrivals = arrivals;
        this.eventTimes = eventTimes;
    }

    /** The counts so far, in a copy that later counting leaves as it is. */
    Tally copy() {
        Tally copy = new Tally(arrivals.copy(), eventTimes.copy());
        copy.received = received;
        copy.curated = curated;
        copy.corrected = corrected;
        copy.duplicates = duplicates;
        copy.filtered = filtered;
        copy.failed = failed;
        copy.superseded = superseded;
        copy.late = late;
        copy.rederived = rederived;
        copy.eventWatermark = eventWatermark;
        copy.lastAcceptedAt = lastAcceptedAt;
        return copy;
    }

    /** Counts a record applied with this decision: every live record is received, and then counted once more. */
    void count(Item.Mode mode, RowDecision decision) {
        boolean live = mode == Item.Mode.LIVE;
        if (live) {
            received++;
        }
        if (decision instanceof RowDecision.Superseded) {
            superseded += live ? 1 : 0;
        } else if (decision instanceof RowDecision.Repeat) {
            duplicates += live ? 1 : 0;
        } else if (decision instanceof RowDecision.AppliedFirstByBackfill) {
            curated++;
        } else if (decision instanceof RowDecision.Write write) {
            switch (write.effect()) {
                case CURATED -> curated++;
                case CORRECTED -> corrected++;
                case FILTERED -> filtered++;
                case FAILED -> failed++;
                case REDERIVED -> rederived++;
            }
            late += write.late() && live ? 1 : 0;
        }
    }

    /**
     * Counts a record whose row no table could hold, quarantined without one (a key longer than an index entry may
     * be): a live one is received and failed.
     */
    void countRefused(Item.Mode mode) {
        if (mode == Item.Mode.LIVE) {
            received++;
            failed++;
        }
    }

    void seeEventTime(Instant time) {
        if (time != null && (eventWatermark == null || time.isAfter(eventWatermark))) {
            eventWatermark = time;
        }
    }

    void seeAccepted(Instant time) {
        if (time != null && (lastAcceptedAt == null || time.isAfter(lastAcceptedAt))) {
            lastAcceptedAt = time;
        }
    }

    boolean isEmpty() {
        return received == 0 && rederived == 0;
    }

    PipelineProgress progress() {
        return new PipelineProgress(received, curated, corrected, duplicates, filtered, failed, superseded, late,
                rederived, eventWatermark, lastAcceptedAt);
    }
}
