package io.tributary.ingestion.api;

import java.time.Instant;
import java.util.UUID;

/** A batch and its counts: once completed, received = accepted + quarantined + duplicates. */
public record BatchResponse(UUID id, String source, String dataset, String status, String fileName, long sizeBytes,
        String contentSha256, Integer contractVersion, long received, long accepted, long quarantined,
        long duplicates, String error, Instant createdAt, Instant startedAt, Instant completedAt) {
}
