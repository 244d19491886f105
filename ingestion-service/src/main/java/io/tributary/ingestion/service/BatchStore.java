package io.tributary.ingestion.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.BatchStatus;
import io.tributary.catalog.entity.ContractVersionEntity;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.repository.BatchRepository;
import io.tributary.catalog.repository.ContractVersionRepository;
import io.tributary.catalog.repository.QuarantineRepository;
import io.tributary.catalog.repository.SourceRepository;

/** The catalog side of batches: each method is one short transaction. */
@ApplicationScoped
@Transactional
public class BatchStore {

    private final BatchRepository batches;
    private final SourceRepository sources;
    private final ContractVersionRepository contracts;
    private final QuarantineRepository quarantine;
    private final Event<BatchReceived> received;

    public BatchStore(BatchRepository batches, SourceRepository sources, ContractVersionRepository contracts,
            QuarantineRepository quarantine, Event<BatchReceived> received) {
        this.batches = batches;
        this.sources = sources;
        this.contracts = contracts;
        this.quarantine = quarantine;
        this.received = received;
    }

    public BatchEntity create(UUID id, SourceEntity source, String fileName, LandingArchive.StoredFile file) {
        BatchEntity batch = new BatchEntity();
        batch.id = id;
        batch.source = source.name;
        batch.dataset = source.dataset;
        batch.status = BatchStatus.RECEIVED;
        batch.fileName = fileName;
        batch.landingPath = file.path().toString();
        batch.contentSha256 = file.sha256();
        batch.sizeBytes = file.size();
        batches.persist(batch);
        received.fire(new BatchReceived(id));
        return batch;
    }

    public BatchEntity get(UUID id) {
        return batches.findByIdOptional(id).orElseThrow(() -> new UnknownBatchException(id));
    }

    public List<BatchEntity> listBySource(String source) {
        return batches.list("source = ?1 order by createdAt desc", source);
    }

    public List<UUID> unfinished() {
        return batches.listUnfinishedIds();
    }

    /** Marks the batch as being processed and clears what an interrupted earlier attempt left. */
    BatchJob start(UUID id) {
        BatchEntity batch = get(id);
        SourceEntity source = sources.findByName(batch.source).orElseThrow();
        quarantine.deleteByBatch(id);
        batch.status = BatchStatus.PROCESSING;
        batch.startedAt = Instant.now();
        ContractVersionEntity current = contracts.findCurrent(batch.dataset).orElse(null);
        DataContract contract = null;
        if (current != null) {
            batch.contractVersion = current.version;
            contract = ContractReader.read(ContractReader.parse(current.document, ContractReader.Syntax.JSON),
                    batch.dataset);
        }
        return new BatchJob(id, source.name, batch.dataset, source.format, source.timeZone, source.options,
                Path.of(batch.landingPath), current == null ? 0 : current.version, contract);
    }

    void quarantine(List<QuarantinedRecordEntity> records) {
        quarantine.persist(records);
    }

    void complete(UUID id, BatchCounts counts) {
        BatchEntity batch = get(id);
        batch.received = counts.received();
        batch.accepted = counts.accepted();
        batch.quarantined = counts.quarantined();
        batch.duplicates = counts.duplicates();
        batch.status = BatchStatus.COMPLETED;
        batch.completedAt = Instant.now();
    }

    void fail(UUID id, String error) {
        BatchEntity batch = get(id);
        batch.status = BatchStatus.FAILED;
        batch.error = error;
        batch.completedAt = Instant.now();
    }
}
