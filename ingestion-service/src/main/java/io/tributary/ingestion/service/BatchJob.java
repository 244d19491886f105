package io.tributary.ingestion.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.entity.SourceEntity;

/**
 * Everything processing a batch needs, read from the catalog in one go.
 *
 * @param contract the dataset's current contract, or null when it has none
 */
record BatchJob(UUID batchId, String source, String dataset, SourceEntity.Format format, String timeZone,
        Map<String, String> options,
        Path file, int contractVersion, DataContract contract) {
}
