package io.tributary.ingestion.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A quarantined record.
 *
 * @param line where the record starts in its input
 * @param item the position of the item of an exploded JSON array the record was, from 1; absent when it was no item
 * @param stage {@code ingestion}, or {@code pipeline:<name>} for a record a transform pipeline could not process
 * @param step for a pipeline's record, where it failed ({@code input}, {@code step <n>}, {@code output},
 *        {@code evaluation}, or {@code store} when PostgreSQL refused its row); null for ingestion
 * @param sqlState PostgreSQL's SQLSTATE when it refused the record's row, else null
 */
public record QuarantinedRecordResponse(long id, UUID batch, String dataset, long line, Integer item, String field,
        String rule, String value, String reason, String raw, String stage, String step, String sqlState,
        Instant createdAt) {
}
