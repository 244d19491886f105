package io.tributary.ingestion.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A batch and its counts: once completed, received = accepted + quarantined + duplicates.
 *
 * @param fields the field names the input came with
 * @param drift how those fields differ from the contract (added, missing, renamed, retyped, formatChanged), or null
 * @param droppedFields how many input fields the contract does not declare, not carried on
 * @param holdReason why the batch waits for review, when it does
 * @param processedBy the instance of the ingestion service that processed it last
 */
public record BatchResponse(UUID id, String source, String dataset, String status, String fileName, long sizeBytes,
        String contentSha256, Integer contractVersion, long received, long accepted, long quarantined,
        long duplicates, List<String> fields, @JsonRawValue String drift, int droppedFields, String holdReason,
        String error, Instant createdAt, Instant startedAt, String processedBy, Instant completedAt) {
}
