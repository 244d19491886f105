package io.tributary.ingestion.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.ingestion.enforcement.CheckedRecord;
import io.tributary.ingestion.enforcement.ContractEnforcer;
import io.tributary.ingestion.enforcement.Violation;
import io.tributary.ingestion.parsing.CsvReader;
import io.tributary.ingestion.parsing.CsvRecord;

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
    private final MeterRegistry meters;
    private final int quarantineChunk;

    public BatchProcessor(BatchStore store, RecordPublisher publisher, MeterRegistry meters, IngestionConfig config) {
        this.store = store;
        this.publisher = publisher;
        this.meters = meters;
        this.quarantineChunk = config.quarantineChunk();
    }

    public void process(UUID batchId) {
        BatchJob job = store.start(batchId);
        if (job.contract() == null) {
            store.fail(batchId, "dataset '" + job.dataset() + "' has no data contract: PUT one to /api/contracts/"
                    + job.dataset() + " and upload the file again");
            return;
        }
        try {
            BatchCounts counts = run(job);
            store.complete(batchId, counts);
            record(job.source(), counts);
            LOG.infof("batch %s of %s: %s", batchId, job.source(), counts);
        } catch (NoSuchFileException e) {
            store.fail(batchId, "the landing archive no longer holds " + job.file());
        } catch (IOException | RecordPublisher.PublishException e) {
            LOG.errorf(e, "batch %s failed", batchId);
            store.fail(batchId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BatchCounts run(BatchJob job) throws IOException, InterruptedException {
        Tally tally = new Tally(job);
        RecordPublisher.Flight flight = publisher.start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(job.file()),
                SourceOptions.encoding(job.options())))) {
            CsvReader csv = new CsvReader(reader, SourceOptions.csvFormat(job.options()));
            CsvRecord header = csv.next();
            if (header == null) {
                return tally.counts();
            }
            ContractEnforcer enforcer = new ContractEnforcer(job.contract(), header.fields(), ZoneId.of(job.timeZone()));
            Instant acceptedAt = Instant.now();
            for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                if (row.raw().isEmpty()) {
                    continue;
                }
                tally.received++;
                if (row.raw().indexOf('\u0000') >= 0) {
                    tally.quarantine(row, new Violation(null, "text.nul", null,
                            "the row contains the NUL character, which no text column can hold"));
                    continue;
                }
                CheckedRecord checked = enforcer.check(row.fields());
                if (!checked.isAccepted()) {
                    tally.quarantine(row, checked.violation());
                    continue;
                }
                String key = checked.businessKey() != null ? checked.businessKey() : row.raw();
                long fingerprint = fingerprint(row.raw());
                Long earlier = tally.seen.putIfAbsent(key, fingerprint);
                if (earlier == null) {
                    flight.send(key, event(job, row, checked, key, acceptedAt));
                    tally.accepted++;
                } else if (earlier == fingerprint) {
                    tally.duplicates++;
                } else {
                    tally.quarantine(row, new Violation(null, "primaryKey.unique", key,
                            "another row of this file has the same primary key " + key + " and different values"));
                }
            }
            tally.flushQuarantine();
        }
        flight.awaitAll();
        return tally.counts();
    }

    private static RecordEvent event(BatchJob job, CsvRecord row, CheckedRecord checked, String key, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((job.source() + '\n' + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return RecordEvent.accepted(id, job.source(), checked.businessKey(), at, job.dataset(), job.contractVersion(),
                job.batchId(), row.line(), checked.data());
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
        private long received;
        private long accepted;
        private long quarantined;
        private long duplicates;

        private Tally(BatchJob job) {
            this.job = job;
        }

        private void quarantine(CsvRecord row, Violation violation) {
            QuarantinedRecordEntity entry = new QuarantinedRecordEntity();
            entry.batchId = job.batchId();
            entry.dataset = job.dataset();
            entry.position = row.line();
            entry.field = violation.field();
            entry.rule = violation.rule();
            entry.value = storable(violation.value());
            entry.reason = violation.reason();
            entry.raw = storable(row.raw());
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
