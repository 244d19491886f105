package io.tributary.transform.api;

import java.time.Instant;
import java.util.UUID;

/** @param status RUNNING, COMPLETED or FAILED */
public record BackfillResponse(UUID id, String pipeline, int version, String source, String status, Instant from,
        long records, String error, Instant startedAt, Instant finishedAt) {
}
