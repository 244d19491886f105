package io.tributary.ingestion.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.lease.Lease;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.ingestion.drift.ColumnAliases;
import io.tributary.ingestion.drift.DriftDetector;
import io.tributary.ingestion.drift.DriftHistory;
import io.tributary.ingestion.drift.DriftReport;
import io.tributary.ingestion.drift.FieldProfile;
import io.tributary.ingestion.drift.FieldProfiles;
import io.tributary.ingestion.enforcement.Violation;
import io.tributary.ingestion.messaging.AlertPublisher;
import io.tributary.ingestion.messaging.RecordPublisher;
import io.tributary.ingestion.parsing.JsonShape;
import io.tributary.ingestion.parsing.ReadLimits;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.RecordReaders;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * Processes one stored file. First its fields and a sample of its records are compared with the contract: a drift an
 * operator must decide on holds the batch whole. With a hold threshold on the source, every record is checked before
 * any is published, and a batch with too many failures is held too. Otherwise every record is published, quarantined
 * with its reason, or counted as a duplicate. Safe to run again on the same batch: quarantine entries are rewritten
 * and republished records carry the same identity, so later stages take them once. The caller holds the batch's lease;
 * every write confirms it, and the work stops at the next record once a renewal found it taken over.
 */
@ApplicationScoped
public class BatchProcessor {

    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);
    /** How many records of an input its drift is found from; an input of no more is read once. */
    public static final int SAMPLE = 1000;

    private final BatchStore store;
    private final RecordPublisher publisher;
    private final AlertPublisher alerts;
    private final Event<BatchLifecycle> lifecycle;
    private final MeterRegistry meters;
    private final int quarantineChunk;
    private final ReadLimits limits;
    private final KnownFields knownFields = new KnownFields();

    public BatchProcessor(BatchStore store, RecordPublisher publisher, AlertPublisher alerts,
            Event<BatchLifecycle> lifecycle, MeterRegistry meters, IngestionConfig config, ReadLimits limits) {
        this.limits = limits;
        this.store = store;
        this.publisher = publisher;
        this.alerts = alerts;
        this.lifecycle = lifecycle;
        this.meters = meters;
        this.quarantineChunk = config.quarantineChunk();
    }

    /** What the scheduler should do next with a batch it handed over. */
    public enum Next {
        DONE,
        /** Kafka did not take every record: the batch waits, and is processed again later from its stored file. */
        RETRY_LATER,
        /**
         * Kafka refuses the batch's records for a reason sending again does not change (an authorization, the topic):
         * the batch is FAILED with that reason.
         */
        REFUSED
    }

    /** Processes a file: a drift an operator must decide on, or too many failures, hold it whole. */
    public Next process(UUID batchId, Lease lease) {
        return process(batchId, lease, true, null);
    }

    /**
     * Processes a push of events, whose caller waits for the answer: it is never held, so that every event it holds is
     * accepted, quarantined with its reason or counted as a duplicate by the time the call returns (decision 28). The
     * drift is still found and kept on the batch; a push with the fields of an earlier one found with a drift of field
     * names alone, whose every record passes the contract, is given that drift without its detection ({@link
     * KnownFields}, decision 53).
     *
     * @param body the push's records as read flat from its stored body, when it was read whole; null to read it again
     */
    public Next processPush(BatchStore.StartedPush push, List<SourceRecord> body) {
        return process(push.job(), push.lease(), false, body);
    }

    private Next process(UUID batchId, Lease lease, boolean holds, List<SourceRecord> body) {
        Optional<BatchJob> started = store.start(batchId, lease, holds);
        if (started.isEmpty()) {
            return Next.DONE;
        }
        return process(started.get(), lease, holds, body);
    }

    private Next process(BatchJob job, Lease lease, boolean holds, List<SourceRecord> body) {
        UUID batchId = job.batchId();
        if (job.contract() == null) {
            fail(job, !holds, lease, List.of(), "dataset '" + job.dataset() + "' has no data contract: PUT one to "
                    + "/api/contracts/" + job.dataset() + " and upload the file again");
            return Next.DONE;
        }
        List<String> fields = List.of();
        boolean fieldsRecorded = false;
        KnownFields.Key kind = KnownFields.Key.of(job);
        Optional<DriftReport> known = Optional.empty();
        try {
            Sample sample = body != null && JsonShape.of(job.contract()).equals(JsonShape.FLAT)
                    ? new Sample(body, true)
                    : sample(job);
            fields = DriftDetector.namesOf(sample.records());
            known = holds ? Optional.empty() : knownFields.drift(kind, fields);
            if (!holds) {
                meters.counter("tributary.ingestion.push.drift", "source", job.source(), "check",
                        known.isPresent() ? "known" : "found").increment();
            }
            if (known.isPresent()) {
                announce(job, !holds, BatchLifecycle.Phase.STARTED, fields, null, null);
                BatchCounts counts = run(job, lease, sample, true);
                BatchLifecycle end = step(job, !holds, BatchLifecycle.Phase.COMPLETED, fields, counts, null);
                if (counts.quarantined() == 0) {
                    fieldsRecorded = true;
                    store.complete(batchId, lease, counts, fields, known.get(), end);
                } else {
                    // a record failing the contract may be a type or a date format that changed: found in full
                    Drift drift = drift(job, sample);
                    store.recordFields(batchId, lease, fields, drift.report());
                    fieldsRecorded = true;
                    store.complete(batchId, lease, counts, drift.profiles(), end);
                }
                completed(job, end);
                return Next.DONE;
            }
            Drift found = drift(job, sample);
            DriftReport drift = found.report();
            store.recordFields(batchId, lease, fields, drift);
            fieldsRecorded = true;
            announce(job, !holds, BatchLifecycle.Phase.STARTED, fields, null, null);
            if (holds && !job.released() && drift.needsReview()) {
                hold(job, lease, fields, drift.summary());
                return Next.DONE;
            }
            if (holds && !job.released() && job.maxQuarantineShare() != null) {
                String overThreshold = thresholdExceeded(job, run(job, lease, sample, false));
                if (overThreshold != null) {
                    hold(job, lease, fields, overThreshold);
                    return Next.DONE;
                }
            }
            BatchCounts counts = run(job, lease, sample, true);
            BatchLifecycle end = step(job, !holds, BatchLifecycle.Phase.COMPLETED, fields, counts, null);
            store.complete(batchId, lease, counts, found.profiles(), end);
            if (!holds) {
                knownFields.learn(kind, fields, drift);
            }
            completed(job, end);
        } catch (NoSuchFileException e) {
            fail(job, !holds, lease, fields, "the landing archive no longer holds " + job.file());
        } catch (IOException e) {
            LOG.errorf(e, "batch %s failed", batchId);
            fail(job, !holds, lease, fields, e.getMessage());
        } catch (RecordPublisher.PublishException e) {
            if (!fieldsRecorded && known.isPresent()) {
                store.recordFields(batchId, lease, fields, known.get());
            }
            if (e.permanent()) {
                LOG.errorf("batch %s failed: %s", batchId, e.getMessage());
                fail(job, !holds, lease, fields,
                        e.getMessage() + "; nothing more of the batch was sent: once that is fixed, upload "
                                + "the file again");
                return Next.REFUSED;
            }
            LOG.warnf("batch %s waits for Kafka: %s", batchId, e.getMessage());
            store.waitForKafka(batchId, lease, e.getMessage());
            return Next.RETRY_LATER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Next.DONE;
    }

    /** How the input's fields drifted, and what their values looked like (by the source's aliases' names). */
    private record Drift(DriftReport report, Map<String, FieldProfile> profiles) {
    }

    /** The drift found from the sample, against the contract and what earlier batches of the dataset said. */
    private Drift drift(BatchJob job, Sample sample) {
        ColumnAliases aliases = new ColumnAliases(job.columnAliases());
        List<SourceRecord> aliased = sample.records().stream().map(aliases::apply).toList();
        DriftHistory history = (job.history() == null ? store.history(job.source(), job.dataset()) : job.history())
                .aliased(aliases);
        DriftReport report = new DriftDetector(job.contract(), ZoneId.of(job.timeZone()))
                .detect(aliased, history.layouts(), history.profiles());
        return new Drift(report, FieldProfiles.of(aliased));
    }

    /** Tells the batch's completion (stored, with a push's lineage run, by {@link BatchStore#complete}). */
    private void completed(BatchJob job, BatchLifecycle end) {
        record(job.source(), end.counts());
        lifecycle.fire(end);
        LOG.infof("batch %s of %s: %s", job.batchId(), job.source(), end.counts());
    }

    /** The first records of the input, as they were written; {@code whole} when they are all of it. */
    private record Sample(List<SourceRecord> records, boolean whole) {
    }

    private Sample sample(BatchJob job) throws IOException {
        List<SourceRecord> sample = new ArrayList<>();
        try (RecordReader reader = open(job)) {
            SourceRecord next = reader.next();
            while (next != null && sample.size() < SAMPLE) {
                sample.add(next);
                next = reader.next();
            }
            return new Sample(sample, next == null);
        }
    }

    /**
     * Reads every record once; a small input (a push of events) is not read from the file again. With {@code publish}
     * false nothing leaves the batch: it only counts, to decide on a hold.
     */
    private BatchCounts run(BatchJob job, Lease lease, Sample sample, boolean publish)
            throws IOException, InterruptedException {
        Tally tally = new Tally(job, lease, publish);
        RecordPath path = new RecordPath(job.contract(), ZoneId.of(job.timeZone()),
                new ColumnAliases(job.columnAliases()), tally.keys, RecordEvents.of(job), Instant.now());
        RecordPublisher.Flight flight = publisher.start(job.dataset());
        try (RecordReader reader = sample.whole() ? RecordReader.of(sample.records()) : open(job)) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                lease.ensureHeld();
                tally.received++;
                RecordPath.Step step = path.take(record);
                if (step instanceof RecordPath.Accepted accepted) {
                    if (publish) {
                        flight.send(accepted.key(), path.event(accepted), tally.received);
                    }
                    tally.accepted++;
                } else if (step instanceof RecordPath.Quarantined quarantined) {
                    tally.quarantine(record, quarantined.violation());
                } else {
                    tally.duplicates++;
                }
            }
        }
        List<RecordPublisher.Refused> refused = flight.awaitAll();
        if (!refused.isEmpty()) {
            quarantineRefused(job, sample, refused, tally);
        }
        tally.flushQuarantine();
        return tally.counts();
    }

    /**
     * Moves the records Kafka refused for good from the accepted to the quarantine, with what Kafka said. They are
     * few: the input is read again to find them by their place in it, rather than keeping every record in flight.
     */
    private void quarantineRefused(BatchJob job, Sample sample, List<RecordPublisher.Refused> refused, Tally tally)
            throws IOException {
        Map<Long, RecordPublisher.Refused> byPlace = new HashMap<>();
        refused.forEach(r -> byPlace.put(r.tag(), r));
        long place = 0;
        try (RecordReader reader = sample.whole() ? RecordReader.of(sample.records()) : open(job)) {
            for (SourceRecord record = reader.next(); record != null && !byPlace.isEmpty(); record = reader.next()) {
                RecordPublisher.Refused refusal = byPlace.remove(++place);
                if (refusal != null) {
                    tally.accepted--;
                    tally.quarantine(record, new Violation(null, refusal.rule(), null, "Kafka refused the record, "
                            + "and would refuse it again: " + refusal.reason()));
                }
            }
        }
        LOG.warnf("batch %s: Kafka refused %d records for good; they are quarantined", job.batchId(), refused.size());
    }

    private RecordReader open(BatchJob job) throws IOException {
        return RecordReaders.open(job.format(), job.options(), JsonShape.of(job.contract()), limits,
                Files.newInputStream(job.file()));
    }

    private static String thresholdExceeded(BatchJob job, BatchCounts trial) {
        if (trial.received() == 0) {
            return null;
        }
        BigDecimal share = BigDecimal.valueOf(trial.quarantined())
                .divide(BigDecimal.valueOf(trial.received()), 4, RoundingMode.HALF_UP);
        if (share.compareTo(job.maxQuarantineShare()) <= 0) {
            return null;
        }
        return trial.quarantined() + " of " + trial.received() + " records (" + percent(share)
                + ") fail the contract, over the source's threshold of " + percent(job.maxQuarantineShare());
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private void hold(BatchJob job, Lease lease, List<String> fields, String reason) {
        store.hold(job.batchId(), lease, reason);
        alerts.batchHeld(job.batchId(), job.source(), job.dataset(), reason);
        announce(job, false, BatchLifecycle.Phase.HELD, fields, null, reason);
        meters.counter("tributary.ingestion.holds", "source", job.source()).increment();
    }

    private void fail(BatchJob job, boolean push, Lease lease, List<String> fields, String error) {
        store.fail(job.batchId(), lease, error);
        announce(job, push, BatchLifecycle.Phase.FAILED, fields, null, error);
    }

    /**
     * Sets a batch aside as FAILED from outside its processing (which threw, or left records Kafka did not take), with
     * the reason an operator reads on the batch, and tells the lifecycle's observers.
     */
    public void fail(UUID batchId, Lease lease, String error) {
        BatchEntity batch = store.fail(batchId, lease, error);
        lifecycle.fire(new BatchLifecycle(BatchLifecycle.Phase.FAILED, batchId, batch.source, batch.dataset,
                batch.contractVersion == null ? 0 : batch.contractVersion, batch.landingPath,
                batch.fields == null ? List.of() : batch.fields, null, error, Instant.now()));
    }

    private void announce(BatchJob job, boolean push, BatchLifecycle.Phase phase, List<String> fields,
            BatchCounts counts, String error) {
        lifecycle.fire(step(job, push, phase, fields, counts, error));
    }

    private static BatchLifecycle step(BatchJob job, boolean push, BatchLifecycle.Phase phase, List<String> fields,
            BatchCounts counts, String error) {
        return new BatchLifecycle(phase, job.batchId(), job.source(), job.dataset(), job.contractVersion(),
                job.file().toString(), fields, counts, error, Instant.now(), push);
    }

    private void record(String source, BatchCounts counts) {
        meters.counter("tributary.ingestion.records", "source", source, "outcome", "accepted")
                .increment(counts.accepted());
        meters.counter("tributary.ingestion.records", "source", source, "outcome", "quarantined")
                .increment(counts.quarantined());
        meters.counter("tributary.ingestion.records", "source", source, "outcome", "duplicate")
                .increment(counts.duplicates());
    }

    /** Running counts of one pass over a batch, and its quarantine entries waiting to be written. */
    private final class Tally {
        private final BatchJob job;
        private final Lease lease;
        private final boolean write;
        private final KeyIndex keys = new KeyIndex();
        private final List<QuarantinedRecordEntity> pending = new ArrayList<>();
        private long received;
        private long accepted;
        private long quarantined;
        private long duplicates;

        private Tally(BatchJob job, Lease lease, boolean write) {
            this.job = job;
            this.lease = lease;
            this.write = write;
        }

        private void quarantine(SourceRecord record, Violation violation) {
            quarantined++;
            if (!write) {
                return;
            }
            QuarantinedRecordEntity entry = QuarantineEntries.of(job.batchId(), job.dataset(), record.position(),
                    record.raw(), violation);
            if (record.item() > 0) {
                entry.item = record.item();
                entry.items = record.items();
            }
            pending.add(entry);
            if (pending.size() >= quarantineChunk) {
                flushQuarantine();
            }
        }

        private void flushQuarantine() {
            if (!pending.isEmpty()) {
                store.quarantine(lease, List.copyOf(pending));
                pending.clear();
            }
        }

        private BatchCounts counts() {
            return new BatchCounts(received, accepted, quarantined, duplicates);
        }
    }
}
