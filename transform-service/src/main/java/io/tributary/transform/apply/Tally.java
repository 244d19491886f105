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
