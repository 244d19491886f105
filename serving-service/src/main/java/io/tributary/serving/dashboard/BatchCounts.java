package io.tributary.serving.dashboard;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One batch of intake and what became of its records: received = accepted + quarantined + duplicates.
 *
 * @param status as ingestion keeps it (COMPLETED, AWAITING_REVIEW, ...)
 * @param holdReason why the batch is held for review; absent when it is not
 * @param quarantine ingestion's list of the batch's quarantined records
 */
public record BatchCounts(UUID id, String source, String status, String fileName, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant completedAt, long received, long accepted,
        long quarantined, long duplicates, @JsonInclude(JsonInclude.Include.NON_NULL) String holdReason,
        String quarantine) {
}
