package io.tributary.ingestion.batch;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.ingestion.drift.DriftHistory;

/**
 * Everything processing a batch needs, read from the catalog in one go.
 *
 * @param contract the dataset's current contract with the source's accepted formats applied, or null when it has none
 * @param columnAliases input field → contract column, as accepted for the source
 * @param maxQuarantineShare the source's hold threshold, or null
 * @param released an operator let the batch through: it is not held again
 * @param history what earlier batches of the dataset say about its fields: headers and values, for drift evidence;
 *        null when not read with the job (a push reads it only when its drift is to be found)
 */
public record BatchJob(UUID batchId, String source, String dataset, SourceEntity.Format format, String timeZone,
        Map<String, String> options, Path file, int contractVersion, DataContract contract,
        Map<String, String> columnAliases, BigDecimal maxQuarantineShare, boolean released,
        DriftHistory history) {
}
