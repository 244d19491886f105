package io.tributary.transform.api;

import java.time.Instant;
import java.util.UUID;

/**
 * @param status RUNNING, COMPLETED or FAILED
 * @param takeovers how many times another instance took the backfill over after the one running it stopped
 */
public record BackfillResponse(UUID id, String pipeline, int version, String source, String status, Instant from,
        long records, String error, Instant startedAt, Instant finishedAt, int takeovers) {
}
