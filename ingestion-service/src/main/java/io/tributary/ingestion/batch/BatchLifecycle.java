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
 * @param push a push of events, processed while its caller waits: its lineage run is stored whole once it ends, in
 *        one transaction (decision 53), as no other holder has started it
 */
public record BatchLifecycle(Phase phase, UUID batchId, String source, String dataset, int contractVersion,
        String file, List<String> fields, BatchCounts counts, String error, Instant at, boolean push) {

    /** A step of a batch that is not a push. */
    public BatchLifecycle(Phase phase, UUID batchId, String source, String dataset, int contractVersion, String file,
            List<String> fields, BatchCounts counts, String error, Instant at) {
        this(phase, batchId, source, dataset, contractVersion, file, fields, counts, error, at, false);
    }

    public enum Phase {
        STARTED,
        /** Waiting for an operator; a decision puts it back in line and it starts again. */
        HELD,
        COMPLETED,
        FAILED
    }
}
