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
    final LatencySamples arrivals = new LatencySamples();
    final LatencySamples eventTimes = new LatencySamples();

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
