package io.tributary.ingestion.batch;

import java.util.UUID;

/** Fired when a batch is stored and recorded; processing starts once that transaction has committed. */
public record BatchReceived(UUID batchId) {
}
