package io.tributary.transform.backfill;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired on the backfill's thread when a backfill starts running, completes or fails. Observers (lineage) react without
 * the backfill knowing them.
 *
 * @param version the pipeline version the backfill computes the rows with
 * @param error why the backfill failed, else null
 */
public record BackfillLifecycle(Phase phase, UUID backfillId, String pipeline, int version,
        BackfillService.Source source, String error, Instant at) {

    public enum Phase {
        STARTED,
        COMPLETED,
        FAILED
    }
}
