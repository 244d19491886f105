package io.tributary.ingestion.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A record held back at the door.
 *
 * @param line where the record starts in its input
 * @param item the position of the item of an exploded JSON array the record was, from 1; absent when it was no item
 */
public record QuarantinedRecordResponse(long id, UUID batch, String dataset, long line, Integer item, String field,
        String rule, String value, String reason, String raw, Instant createdAt) {
}
