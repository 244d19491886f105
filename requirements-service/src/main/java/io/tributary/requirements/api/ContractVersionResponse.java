package io.tributary.requirements.api;

import java.time.Instant;

/**
 * One stored version of a dataset's contract.
 *
 * @param version the catalog's version number: 1, 2, 3... per dataset
 * @param contractVersion the contract's own {@code version} string
 * @param properties how many properties the dataset's schema object declares
 */
public record ContractVersionResponse(
        String dataset,
        int version,
        String contractId,
        String contractVersion,
        String status,
        int properties,
        Instant createdAt) {
}
