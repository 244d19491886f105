package io.tributary.ingestion.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.ingestion.api.BatchResponse;
import io.tributary.ingestion.api.QuarantinedRecordResponse;
import io.tributary.ingestion.api.SourceResponse;

@ApplicationScoped
public class IngestionMapper {

    public SourceResponse toResponse(SourceEntity source) {
        return new SourceResponse(source.name, source.dataset, source.format.name(), source.timeZone, source.options,
                source.columnAliases, source.formats, source.maxQuarantineShare, source.dropFolder, source.topic,
                source.enabled,
                source.createdAt,
                source.updatedAt);
    }

    public BatchResponse toResponse(BatchEntity batch) {
        return new BatchResponse(batch.id, batch.source, batch.dataset, batch.status.name(), batch.fileName,
                batch.sizeBytes, batch.contentSha256, batch.contractVersion, batch.received, batch.accepted,
                batch.quarantined, batch.duplicates, batch.fields, batch.drift, batch.droppedFields, batch.holdReason,
                batch.error, batch.createdAt, batch.startedAt, batch.processedBy, batch.completedAt);
    }

    public QuarantinedRecordResponse toResponse(QuarantinedRecordEntity entry) {
        return new QuarantinedRecordResponse(entry.id, entry.batchId, entry.dataset, entry.position, entry.item,
                entry.field, entry.rule, entry.value, entry.reason, entry.raw, entry.stage, entry.step, entry.sqlState,
                entry.createdAt);
    }
}
