package io.tributary.ingestion.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.ingestion.enforcement.CheckedRecord;
import io.tributary.ingestion.enforcement.ContractEnforcer;
import io.tributary.ingestion.enforcement.Violation;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.RecordReaders;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * Processes one stored file: every row is checked against the dataset's contract, then published, quarantined with
 * its reason, or counted as a duplicate. Safe to run again on the same batch: quarantine entries are rewritten and
 * republished records carry the same identity, so later stages take them once.
 */
@ApplicationScoped
public class BatchProcessor {

    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);

    private final BatchStore store;
    private final RecordPublisher publisher;
    private final Event<BatchLifecycle> lifecycle;
    private final MeterRegistry meters;
    private final int quarantineChunk;

    public BatchProcessor(BatchStore store, RecordPublisher publisher, Event<BatchLifecycle> lifecycle,
            MeterRegistry meters, IngestionConfig config) {
        this.store = store;
        this.publisher = publisher;
        this.lifecycle = lifecycle;
        this.meters = meters;
        this.quarantineChunk = config.quarantineChunk();
    }

    public void process(UUID batchId) {
        BatchJob job = store.start(batchId);
        if (job.contract() == null) {
            fail(job, "dataset '" + job.dataset() + "' has no data contract: PUT one to /api/contracts/" + job.dataset()
                    + " and upload the file again");
            return;
        }
        Tally tally = new Tally(job);
        announce(job, BatchLifecycle.Phase.STARTED, tally, null);
        try {
            BatchCounts counts = run(job, tally);
            store.complete(batchId, counts);
            record(job.source(), counts);
            announce(job, BatchLifecycle.Phase.COMPLETED, tally, null);
            LOG.infof("batch %s of %s: %s", batchId, job.source(), counts);
        } catch (NoSuchFileException e) {
            fail(job, "the landing archive no longer holds " + job.file());
        } catch (IOException | RecordPublisher.PublishException e) {
            LOG.errorf(e, "batch %s failed", batchId);
            fail(job, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(BatchJob job, String error) {
        store.fail(job.batchId(), error);
        announce(job, BatchLifecycle.Phase.FAILED, null, error);
    }

    private void announce(BatchJob job, BatchLifecycle.Phase phase, Tally tally, String error) {
        lifecycle.fire(new BatchLifecycle(phase, job.batchId(), job.source(), job.dataset(), job.contractVersion(),
                job.file().toString(), tally == null ? List.of() : tally.fields,
                phase == BatchLifecycle.Phase.COMPLETED ? tally.counts() : null, error, Instant.now()));
    }

    private BatchCounts run(BatchJob job, Tally tally) throws IOException, InterruptedException {
        RecordPublisher.Flight flight = publisher.start();
        ContractEnforcer enforcer = new ContractEnforcer(job.contract(), ZoneId.of(job.timeZone()));
        Instant acceptedAt = Instant.now();
        try (RecordReader reader = RecordReaders.open(job.format(), job.options(), Files.newInputStream(job.file()))) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                tally.received++;
                tally.observe(record.names());
                if (record.raw().indexOf('\u0000') >= 0) {
                    tally.quarantine(record, new Violation(null, "text.nul", null,
                            "the record contains the NUL character, which no text column can hold"));
                    continue;
                }
                CheckedRecord checked = enforcer.check(record);
                if (!checked.isAccepted()) {
                    tally.quarantine(record, checked.violation());
                    continue;
                }
                String key = checked.businessKey() != null ? checked.businessKey() : record.raw();
                long fingerprint = fingerprint(record.raw());
                Long earlier = tally.seen.putIfAbsent(key, fingerprint);
                if (earlier == null) {
                    flight.send(key, event(job, record, checked, key, acceptedAt));
                    tally.accepted++;
                } else if (earlier == fingerprint) {
                    tally.duplicates++;
                } else {
                    tally.quarantine(record, new Violation(null, "primaryKey.unique", key,
                            "another record of this batch has the same primary key " + key + " and different values"));
                }
            }
            tally.flushQuarantine();
        }
        flight.awaitAll();
        return tally.counts();
    }

    private static RecordEvent event(BatchJob job, SourceRecord record, CheckedRecord checked, String key, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((job.source() + '\n' + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return RecordEvent.accepted(id, job.source(), checked.businessKey(), at, job.dataset(), job.contractVersion(),
                job.batchId(), record.position(), checked.data());
    }

    /** 64-bit FNV-1a of the raw row: tells an exact repeat from a different row with the same key. */
    private static long fingerprint(String raw) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < raw.length(); i++) {
            hash ^= raw.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private void record(String source, BatchCounts counts) {
        meters.counter("tributary.ingestion.records", "source", source, "outcome", "accepted").increment(counts.accepted());
        meters.counter("tributary.ingestion.records", "source", source, "outcome", "quarantined")
                .increment(counts.quarantined());
        meters.counter("tributary.ingestion.records", "source", source, "outcome", "duplicate")
                .increment(counts.duplicates());
    }

    /** Running counts of one batch, and its quarantine entries waiting to be written. */
    private final class Tally {
        private final BatchJob job;
        private final Map<String, Long> seen = new HashMap<>();
        private final List<QuarantinedRecordEntity> pending = new ArrayList<>();
        private List<String> fields = List.of();
        private long received;
        private long accepted;
        private long quarantined;
        private long duplicates;

        private Tally(BatchJob job) {
            this.job = job;
        }

        /** Keeps the first list of field names seen: a delimited file's header. */
        private void observe(List<String> names) {
            if (fields.isEmpty()) {
                fields = names;
            }
        }

        private void quarantine(SourceRecord record, Violation violation) {
            QuarantinedRecordEntity entry = new QuarantinedRecordEntity();
            entry.batchId = job.batchId();
            entry.dataset = job.dataset();
            entry.position = record.position();
            entry.field = violation.field();
            entry.rule = violation.rule();
            entry.value = storable(violation.value());
            entry.reason = violation.reason();
            entry.raw = storable(record.raw());
            pending.add(entry);
            quarantined++;
            if (pending.size() >= quarantineChunk) {
                flushQuarantine();
            }
        }

        private void flushQuarantine() {
            if (!pending.isEmpty()) {
                store.quarantine(List.copyOf(pending));
                pending.clear();
            }
        }

        /** PostgreSQL text cannot hold U+0000; the quarantine keeps the row with it made visible. */
        private static String storable(String text) {
            return text == null ? null : text.replace("\u0000", "\\u0000");
        }

        private BatchCounts counts() {
            return new BatchCounts(received, accepted, quarantined, duplicates);
        }
    }
}
