package io.tributary.ingestion.quarantine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lease.LeaseConfig;
import io.tributary.catalog.lease.Leases;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.repository.QuarantineRepository;
import io.tributary.ingestion.batch.BatchJob;
import io.tributary.ingestion.batch.BatchStore;
import io.tributary.ingestion.batch.QuarantineEntries;
import io.tributary.ingestion.batch.RecordEvents;
import io.tributary.ingestion.drift.ColumnAliases;
import io.tributary.ingestion.enforcement.CheckedRecord;
import io.tributary.ingestion.enforcement.ContractEnforcer;
import io.tributary.ingestion.enforcement.Violation;
import io.tributary.ingestion.messaging.RecordPublisher;
import io.tributary.ingestion.parsing.CsvRecordReader;
import io.tributary.ingestion.parsing.FormatOptions;
import io.tributary.ingestion.parsing.JsonShape;
import io.tributary.ingestion.parsing.ReadLimits;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.RecordReaders;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * Checks quarantined records again, once the contract or the source's mapping is fixed: a record that now passes is
 * published (with the identity it would have had, so it is never taken twice) and leaves the quarantine; one that
 * still fails stays, with its new reason. The batch's counts move with it. A batch is replayed under its lease, as it
 * is processed (decision 33): two replays of it, by any instances, take turns, and the second finds only what the first
 * left in the quarantine.
 */
@ApplicationScoped
public class QuarantineReplayService {

    /** Which entries to replay; null fields do not filter. At most {@code limit} entries per call. */
    public record Filter(UUID batch, String dataset, String rule, int limit) {
    }

    public record Outcome(long replayed, long accepted, long stillQuarantined) {
    }

    /** A record whose key another record of its batch took: it stays until an operator resolves the conflict. */
    private static final String PRIMARY_KEY_CONFLICT = "primaryKey.unique";

    /** How often a replay asks again for the lease of a batch that another processing or replay holds. */
    private static final Duration ASK_EVERY = Duration.ofMillis(200);

    private final QuarantineRepository quarantine;
    private final BatchStore batches;
    private final RecordPublisher publisher;
    private final Leases leases;
    private final Duration waitAtMost;
    private final ReadLimits limits;

    public QuarantineReplayService(QuarantineRepository quarantine, BatchStore batches, RecordPublisher publisher,
            Leases leases, LeaseConfig leaseConfig, ReadLimits limits) {
        this.quarantine = quarantine;
        this.batches = batches;
        this.publisher = publisher;
        this.leases = leases;
        this.waitAtMost = leaseConfig.ttl();
        this.limits = limits;
    }

    public Outcome replay(Filter filter) throws InterruptedException {
        if (filter.batch() == null && filter.dataset() == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid replay filter",
                    List.of("batch or dataset: say which quarantine to replay"));
        }
        if (filter.limit() < 1 || filter.limit() > 100_000) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid replay filter",
                    List.of("limit: must be between 1 and 100000"));
        }
        List<QuarantinedRecordEntity> entries = QuarkusTransaction.requiringNew().call(() -> find(filter));
        Map<UUID, List<QuarantinedRecordEntity>> byBatch = entries.stream()
                .collect(Collectors.groupingBy(e -> e.batchId));
        Outcome total = new Outcome(0, 0, 0);
        for (Map.Entry<UUID, List<QuarantinedRecordEntity>> group : byBatch.entrySet()) {
            Outcome batch = replayBatch(group.getKey(), group.getValue());
            total = new Outcome(total.replayed() + batch.replayed(), total.accepted() + batch.accepted(),
                    total.stillQuarantined() + batch.stillQuarantined());
        }
        return total;
    }

    private List<QuarantinedRecordEntity> find(Filter filter) {
        List<Object> parameters = new ArrayList<>(List.of(QuarantinedRecordEntity.INGESTION));
        StringBuilder query = new StringBuilder("stage = ?1");
        if (filter.batch() != null) {
            parameters.add(filter.batch());
            query.append(" and batchId = ?").append(parameters.size());
        }
        if (filter.dataset() != null) {
            parameters.add(filter.dataset());
            query.append(" and dataset = ?").append(parameters.size());
        }
        if (filter.rule() != null) {
            parameters.add(filter.rule());
            query.append(" and rule = ?").append(parameters.size());
        }
        return quarantine.find(query + " order by batchId, position", parameters.toArray())
                .page(0, filter.limit())
                .list();
    }

    /** The entries found that are still in the quarantine once the batch's lease is held, checked again. */
    private Outcome replayBatch(UUID batchId, List<QuarantinedRecordEntity> found) throws InterruptedException {
        Lease lease = awaitLease(batchId);
        try {
            List<Long> ids = found.stream().map(entry -> entry.id).toList();
            List<QuarantinedRecordEntity> entries = QuarkusTransaction.requiringNew()
                    .call(() -> batches.stillQuarantined(ids));
            long accepted = replayHeld(batchId, lease, entries);
            return new Outcome(entries.size(), accepted, entries.size() - accepted);
        } finally {
            leases.release(lease);
        }
    }

    private Lease awaitLease(UUID batchId) throws InterruptedException {
        long deadline = System.nanoTime() + waitAtMost.toNanos();
        for (;;) {
            Optional<Lease> lease = leases.acquire(Lease.Kind.BATCH, batchId.toString());
            if (lease.isPresent()) {
                return lease.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ProblemException(Response.Status.CONFLICT, "the batch is busy",
                        List.of("batch " + batchId + " is being processed or replayed elsewhere for longer than "
                                + waitAtMost.toSeconds() + " s; replay it once that is done"));
            }
            Thread.sleep(ASK_EVERY.toMillis());
        }
    }

    private long replayHeld(UUID batchId, Lease lease, List<QuarantinedRecordEntity> entries)
            throws InterruptedException {
        BatchEntity batch = QuarkusTransaction.requiringNew().call(() -> batches.get(batchId));
        BatchJob job = QuarkusTransaction.requiringNew().call(() -> batches.job(batch));
        if (job.contract() == null) {
            return 0;
        }
        ContractEnforcer enforcer = new ContractEnforcer(job.contract(), ZoneId.of(job.timeZone()));
        ColumnAliases aliases = new ColumnAliases(job.columnAliases());
        List<String> fields = batch.fields == null ? List.of() : batch.fields;
        RecordPublisher.Flight flight = publisher.start(job.dataset());
        RecordEvents.OfBatch events = RecordEvents.of(job);
        List<Long> acceptedIds = new ArrayList<>();
        List<QuarantinedRecordEntity> stillFailing = new ArrayList<>();
        Instant at = Instant.now();
        for (QuarantinedRecordEntity entry : entries) {
            lease.ensureHeld();
            if (PRIMARY_KEY_CONFLICT.equals(entry.rule)) {
                continue;
            }
            String raw = QuarantineEntries.raw(entry);
            SourceRecord record = reread(job, fields, entry, raw, limits);
            CheckedRecord checked = enforcer.check(aliases.apply(record));
            if (checked.isAccepted()) {
                String key = RecordEvents.key(checked, raw);
                flight.send(key, events.accepted(entry.position, checked, key, at), entry.id);
                acceptedIds.add(entry.id);
            } else {
                QuarantineEntries.describe(entry, checked.violation());
                stillFailing.add(entry);
            }
        }
        for (RecordPublisher.Refused refused : flight.awaitAll()) {
            QuarantinedRecordEntity entry = entries.stream().filter(e -> e.id == refused.tag()).findFirst().orElseThrow();
            QuarantineEntries.describe(entry, new Violation(null, refused.rule(), null,
                    "Kafka refused the record, and would refuse it again: " + refused.reason()));
            acceptedIds.remove(entry.id);
            stillFailing.add(entry);
        }
        QuarkusTransaction.requiringNew().run(() -> batches.replayed(batchId, lease, acceptedIds, stillFailing));
        return acceptedIds.size();
    }

    /**
     * The quarantined record read again from its text as it came (not the copy the quarantine shows), with the field
     * names of its batch and, for an item of an exploded array, its place in that array, within the same limits as
     * at the door.
     */
    static SourceRecord reread(BatchJob job, List<String> fields, QuarantinedRecordEntity entry, String raw,
            ReadLimits limits) {
        long position = entry.position;
        try {
            if (job.format() == SourceEntity.Format.CSV) {
                try (CsvRecordReader reader = CsvRecordReader.withHeader(new StringReader(raw),
                        FormatOptions.csvFormat(job.options()), fields, limits)) {
                    SourceRecord row = reader.next();
                    return row == null
                            ? new SourceRecord(position, fields, List.of(""), raw, null)
                            : new SourceRecord(position, row.names(), row.values(), raw, row.error());
                }
            }
            // the quarantine keeps text, written here as UTF-8 whatever the source's own encoding
            Map<String, String> options = new HashMap<>(job.options());
            options.put("encoding", "UTF-8");
            try (RecordReader reader = RecordReaders.open(job.format(), options, JsonShape.of(job.contract()), limits,
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)))) {
                SourceRecord record = reader.next();
                if (record == null) {
                    return SourceRecord.unreadable(position, raw, "empty record");
                }
                // an item's text holds that item alone: its place in the array it came in is the entry's
                return new SourceRecord(position, record.names(), record.values(), raw, record.error(),
                        entry.item != null ? entry.item : record.item(),
                        entry.items != null ? entry.items : record.items());
            }
        } catch (IOException e) {
            return SourceRecord.unreadable(position, raw, "could not read the record again: " + e.getMessage());
        }
    }
}
