package io.tributary.ingestion.api;

import java.time.Instant;
import java.util.UUID;

public record QuarantinedRecordResponse(long id, UUID batch, String dataset, long line, String field, String rule,
        String value, String reason, String raw, Instant createdAt) {
}
