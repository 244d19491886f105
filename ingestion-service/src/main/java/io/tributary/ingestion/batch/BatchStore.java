package io.tributary.ingestion.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.BatchStatus;
import io.tributary.catalog.entity.ContractVersionEntity;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.entity.SchemaVersionEntity;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lease.Leases;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.repository.BatchRepository;
import io.tributary.catalog.repository.ContractVersionRepository;
import io.tributary.catalog.repository.QuarantineRepository;
import io.tributary.catalog.repository.SchemaVersionRepository;
import io.tributary.catalog.repository.SourceRepository;
import io.tributary.ingestion.drift.ContractFormats;
import io.tributary.ingestion.drift.DriftHistory;
import io.tributary.ingestion.drift.DriftReport;
import io.tributary.ingestion.drift.FieldProfile;
import io.tributary.ingestion.drift.FieldProfiles;
import io.tributary.ingestion.drift.RenameEvidence;
import io.tributary.ingestion.landing.LandingArchive;
import io.tributary.ingestion.lineage.BatchLineage;
import io.tributary.ingestion.source.KnownSource;

/**
 * The catalog side of batches: each method is one short transaction. A write of a batch's processing confirms, in its
 * transaction, the lease of the instance doing it (decision 33): work another instance took over is not written twice.
 */
@ApplicationScoped
@Transactional
public class BatchStore {

    /** How many observed schema versions a batch's drift evidence looks at. */
    private static final int LAYOUTS = 20;
    /** How many read contract versions are kept at most; past it, they are read again. */
    private static final int READ_CONTRACTS = 1_000;
    /**
     * A source's row version (PostgreSQL's {@code xmin}, which every update of the row changes) and its dataset's
     * current contract version, in one statement.
     */
    private static final String PUSH_CHECK = """
            select cast(cast(s.xmin as text) as bigint),
                   (select max(c.version) from catalog.contract_version c where c.dataset = s.dataset)
            from catalog.source s where s.name = ?1
            """;

    private final BatchRepository batches;
    private final SourceRepository sources;
    private final ContractVersionRepository contracts;
    private final QuarantineRepository quarantine;
    private final SchemaVersionRepository schemas;
    private final Event<BatchReceived> received;
    private final Leases leases;
    private final BatchLineage lineage;
    /** The contract versions read, by dataset and version. */
    private final Map<String, DataContract> readContracts = new ConcurrentHashMap<>();

    public BatchStore(BatchRepository batches, SourceRepository sources, ContractVersionRepository contracts,
            QuarantineRepository quarantine, SchemaVersionRepository schemas, Event<BatchReceived> received,
            Leases leases, BatchLineage lineage) {
        this.batches = batches;
        this.sources = sources;
        this.contracts = contracts;
        this.quarantine = quarantine;
        this.schemas = schemas;
        this.received = received;
        this.leases = leases;
        this.lineage = lineage;
    }

    /** Records a received file as a batch, to be processed in the background once this transaction commits. */
    public BatchEntity create(UUID id, SourceEntity source, String fileName, LandingArchive.StoredFile file) {
        BatchEntity batch = record(id, source, fileName, file);
        received.fire(new BatchReceived(id));
        return batch;
    }

    /**
     * Records a received body as a batch that the caller processes at once, in one transaction: the batch is
     * recorded as started by this instance, holding its lease, with the job its processing needs (without the drift
     * history, read if needed). The source is the one the caller knows, checked against the catalog's in the same
     * statement that reads the dataset's current contract version.
     *
     * @return empty, with nothing recorded, when the source in the catalog is no longer the one the caller knows (an
     *         instance changed it since it was read): the caller reads it again
     */
    public Optional<StartedPush> recordStarted(UUID id, KnownSource known, String fileName,
            LandingArchive.StoredFile file) {
        SourceEntity source = known.source();
        List<?> rows = batches.getEntityManager().createNativeQuery(PUSH_CHECK)
                .setParameter(1, source.name)
                .getResultList();
        if (rows.isEmpty() || ((Number) ((Object[]) rows.get(0))[0]).longValue() != known.version()) {
            return Optional.empty();
        }
        Number current = (Number) ((Object[]) rows.get(0))[1];
        // written whole before it is persisted: one insert, no update of what changed after it
        BatchEntity batch = received(id, source, fileName, file);
        batch.status = BatchStatus.PROCESSING;
        batch.startedAt = Instant.now();
        batch.processedBy = leases.holder();
        BatchJob job = job(batch, source, current == null ? null : parsed(batch.dataset, current.intValue()),
                current == null ? 0 : current.intValue(), null);
        batch.contractVersion = job.contract() == null ? null : job.contractVersion();
        batches.persist(batch);
        // taken last: the lease is renewed from the moment it is taken, and is the catalog's once this commits
        Lease lease = leases.acquireNew(Lease.Kind.BATCH, id.toString())
                .orElseThrow(() -> new IllegalStateException("the new batch " + id + " is leased already"));
        return Optional.of(new StartedPush(lease, job));
    }

    /** A push recorded as a batch and started: the lease the caller holds on it and what its processing needs. */
    public record StartedPush(Lease lease, BatchJob job) {
    }

    /** Records a received body as a batch. */
    public BatchEntity record(UUID id, SourceEntity source, String fileName, LandingArchive.StoredFile file) {
        BatchEntity batch = received(id, source, fileName, file);
        batches.persist(batch);
        return batch;
    }

    private static BatchEntity received(UUID id, SourceEntity source, String fileName, LandingArchive.StoredFile file) {
        BatchEntity batch = new BatchEntity();
        batch.id = id;
        batch.source = source.name;
        batch.dataset = source.dataset;
        batch.status = BatchStatus.RECEIVED;
        batch.fileName = fileName;
        batch.landingPath = file.path().toString();
        batch.contentSha256 = file.sha256();
        batch.sizeBytes = file.size();
        return batch;
    }

    public Optional<BatchEntity> findSameContent(String source, String sha256) {
        return batches.findSameContent(source, sha256);
    }

    public BatchEntity get(UUID id) {
        return batches.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no batch " + id));
    }

    public List<BatchEntity> listBySource(String source) {
        return batches.list("source = ?1 order by createdAt desc", source);
    }

    public List<UUID> unfinished() {
        return batches.listUnfinishedIds();
    }

    /** Unfinished batches that no instance is working on, at most {@code limit}, oldest first. */
    public List<UUID> unleased(int limit) {
        return batches.listUnfinishedUnleased(limit);
    }

    /**
     * Marks the batch as being processed by the lease's holder and clears what an interrupted earlier attempt left (a
     * batch never started before has left nothing).
     *
     * @param history whether the job is to carry the dataset's drift history; without it, it is read when needed
     * @return empty when the batch is no longer to be processed: another instance finished it meanwhile
     */
    Optional<BatchJob> start(UUID id, Lease lease, boolean history) {
        leases.confirm(lease);
        BatchEntity batch = get(id);
        if (batch.status != BatchStatus.RECEIVED && batch.status != BatchStatus.PROCESSING) {
            return Optional.empty();
        }
        if (batch.startedAt != null) {
            quarantine.deleteByBatch(id);
        }
        batch.status = BatchStatus.PROCESSING;
        batch.startedAt = Instant.now();
        batch.processedBy = lease.holder();
        batch.holdReason = null;
        BatchJob job = job(batch, history);
        batch.contractVersion = job.contract() == null ? null : job.contractVersion();
        return Optional.of(job);
    }

    /** The batch with its source's settings, the dataset's current contract and its drift history. */
    public BatchJob job(BatchEntity batch) {
        return job(batch, true);
    }

    private BatchJob job(BatchEntity batch, boolean history) {
        return job(batch, sources.findByName(batch.source).orElseThrow(), history);
    }

    private BatchJob job(BatchEntity batch, SourceEntity source, boolean history) {
        ContractVersionEntity current = contracts.findCurrent(batch.dataset).orElse(null);
        return job(batch, source, current == null ? null : parsed(current), current == null ? 0 : current.version,
                history ? history(source.name, batch.dataset) : null);
    }

    private static BatchJob job(BatchEntity batch, SourceEntity source, DataContract contract, int contractVersion,
            DriftHistory history) {
        return new BatchJob(batch.id, source.name, batch.dataset, source.format, source.timeZone, source.options,
                Path.of(batch.landingPath), contractVersion,
                contract == null ? null : ContractFormats.apply(contract, source.formats), source.columnAliases,
                source.maxQuarantineShare, batch.released, history);
    }

    /** The stored contract version read; a version never changes once stored, so each is read once. */
    private DataContract parsed(ContractVersionEntity stored) {
        DataContract known = readContracts.get(key(stored.dataset, stored.version));
        return known != null ? known : keep(stored);
    }

    /** The contract version, read from the catalog unless read before. */
    private DataContract parsed(String dataset, int version) {
        DataContract known = readContracts.get(key(dataset, version));
        return known != null ? known : keep(contracts.findVersion(dataset, version).orElseThrow());
    }

    private DataContract keep(ContractVersionEntity stored) {
        DataContract read = ContractReader.read(ContractReader.parse(stored.document, ContractReader.Syntax.JSON),
                stored.dataset);
        if (readContracts.size() >= READ_CONTRACTS) {
            readContracts.clear();
        }
        readContracts.put(key(stored.dataset, stored.version), read);
        return read;
    }

    private static String key(String dataset, int version) {
        return dataset + '\n' + version;
    }

    /**
     * The headers the dataset's data came in (the source's last completed batch, then the {@value #LAYOUTS} newest
     * observed schema versions) and its fields' values merged over those versions.
     */
    public DriftHistory history(String source, String dataset) {
        List<RenameEvidence.Layout> layouts = new ArrayList<>();
        List<String> previous = batches.lastCompletedFields(source);
        if (!previous.isEmpty()) {
            layouts.add(new RenameEvidence.Layout("the source's last completed batch", previous, true));
        }
        Map<String, FieldProfile> profiles = Map.of();
        List<SchemaVersionEntity> versions = schemas.recentObserved(dataset, LAYOUTS);
        for (SchemaVersionEntity version : versions) {
            layouts.add(new RenameEvidence.Layout("the header of schema version " + version.version,
                    List.of(EventJson.read(version.fields.getBytes(StandardCharsets.UTF_8), String[].class)), true));
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            profiles = FieldProfiles.merge(profiles, FieldProfiles.read(versions.get(i).profile));
        }
        return new DriftHistory(layouts, profiles);
    }

    /** Records the fields the input came with, how they drifted, and the input's schema if it is a new one. */
    void recordFields(UUID id, Lease lease, List<String> fields, DriftReport drift) {
        leases.confirm(lease);
        BatchEntity batch = get(id);
        batch.fields = fields;
        batch.drift = drift.isEmpty() ? null : json(drift);
        batch.droppedFields = drift.added().size();
        schemas.recordObserved(batch.dataset, fields);
    }

    void hold(UUID id, Lease lease, String reason) {
        leases.confirm(lease);
        BatchEntity batch = get(id);
        batch.status = BatchStatus.AWAITING_REVIEW;
        batch.holdReason = reason;
    }

    /** Puts a batch back in line; processing starts once the caller's transaction commits. */
    public void requeue(BatchEntity batch) {
        batch.status = BatchStatus.RECEIVED;
        batch.completedAt = null;
        received.fire(new BatchReceived(batch.id));
    }

    void quarantine(Lease lease, List<QuarantinedRecordEntity> records) {
        leases.confirm(lease);
        quarantine.persist(records);
    }

    /**
     * Completes the batch, and merges what its fields' values looked like into the profile of its schema version.
     *
     * @param profiles the profiles of the batch's fields (as the source's aliases name them), from its sample
     */
    void complete(UUID id, Lease lease, BatchCounts counts, Map<String, FieldProfile> profiles, BatchLifecycle end) {
        leases.confirm(lease);
        BatchEntity batch = get(id);
        if (batch.fields != null && !profiles.isEmpty()) {
            schemas.findObservedForUpdate(batch.dataset, batch.fields).ifPresent(schema -> schema.profile = FieldProfiles
                    .write(FieldProfiles.merge(FieldProfiles.read(schema.profile), profiles)));
        }
        completed(batch, counts, end);
    }

    /**
     * Completes the batch in one go with the fields its input came with and their drift, known from earlier inputs
     * with the same fields, whose schema version is recorded already.
     */
    void complete(UUID id, Lease lease, BatchCounts counts, List<String> fields, DriftReport drift,
            BatchLifecycle end) {
        leases.confirm(lease);
        BatchEntity batch = get(id);
        batch.fields = fields;
        batch.drift = drift.isEmpty() ? null : json(drift);
        batch.droppedFields = drift.added().size();
        completed(batch, counts, end);
    }

    /** The batch's counts and status; a push's whole lineage run with them, in the same transaction (decision 57). */
    private void completed(BatchEntity batch, BatchCounts counts, BatchLifecycle end) {
        counted(batch, counts);
        if (end.push()) {
            lineage.storeCompletedPush(end);
        }
    }

    private static void counted(BatchEntity batch, BatchCounts counts) {
        batch.received = counts.received();
        batch.accepted = counts.accepted();
        batch.quarantined = counts.quarantined();
        batch.duplicates = counts.duplicates();
        batch.status = BatchStatus.COMPLETED;
        batch.error = null;
        batch.completedAt = Instant.now();
    }

    private static String json(Object value) {
        return new String(EventJson.write(value), StandardCharsets.UTF_8);
    }

    /** The batch's quarantine entries among these that are still there. */
    public List<QuarantinedRecordEntity> stillQuarantined(List<Long> ids) {
        return ids.isEmpty() ? List.of() : quarantine.list("id in ?1 order by position", ids);
    }

    /** Moves replayed records out of the quarantine and into the batch's accepted count. */
    public void replayed(UUID id, Lease lease, List<Long> accepted, List<QuarantinedRecordEntity> stillFailing) {
        leases.confirm(lease);
        long moved = accepted.isEmpty() ? 0 : quarantine.delete("id in ?1", accepted);
        stillFailing.forEach(entry -> quarantine.getEntityManager().merge(entry));
        BatchEntity batch = get(id);
        batch.accepted += moved;
        batch.quarantined -= moved;
    }

    /** Puts a batch back to RECEIVED after Kafka refused its records; its stored file is processed again later. */
    void waitForKafka(UUID id, Lease lease, String error) {
        leases.confirm(lease);
        BatchEntity batch = get(id);
        batch.status = BatchStatus.RECEIVED;
        batch.error = "waiting for Kafka, will retry: " + error;
    }

    BatchEntity fail(UUID id, Lease lease, String error) {
        leases.confirm(lease);
        BatchEntity batch = get(id);
        batch.status = BatchStatus.FAILED;
        batch.error = error;
        batch.completedAt = Instant.now();
        return batch;
    }
}
