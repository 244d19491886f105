package io.tributary.transform.progress;

import java.time.Instant;

/**
 * What a pipeline has done with the records it received: received = curated + corrected + duplicates + filtered +
 * failed + superseded. Late records are among the curated and corrected ones; re-derived rows (completed by a
 * reference, or by a backfill) are counted apart, as they are not new input.
 *
 * @param superseded records older than the version of their key already stored (a replay of an older offset)
 * @param eventWatermark the newest event time seen
 * @param lastAcceptedAt when ingestion accepted the newest record applied
 */
public record PipelineProgress(
        long received,
        long curated,
        long corrected,
        long duplicates,
        long filtered,
        long failed,
        long superseded,
        long late,
        long rederived,
        Instant eventWatermark,
        Instant lastAcceptedAt) {

    public static final PipelineProgress NONE = new PipelineProgress(0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
}
