package io.tributary.ingestion.batch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired as a batch moves: when processing starts, when it is held for review, and when it completes or fails.
 * Observers (lineage, metrics) react without the processor knowing them.
 *
 * @param fields the field names the input carried (a file's header), empty when not known
 * @param counts null until the batch has finished
 * @param error why the batch failed or is held, else null
 */
public record BatchLifecycle(Phase phase, UUID batchId, String source, String dataset, int contractVersion,
        String file, List<String> fields, BatchCounts counts, String error, Instant at) {

    public enum Phase {
        STARTED,
        /** Waiting for an operator; a decision puts it back in line and it starts again. */
        HELD,
        COMPLETED,
        FAILED
    }
}
