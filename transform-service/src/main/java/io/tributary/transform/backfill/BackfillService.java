package io.tributary.transform.backfill;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tributary.transform.apply.RecordApplier;
import io.tributary.transform.apply.Retries;
import io.tributary.transform.messaging.AcceptedRecordsReplay;
import io.tributary.transform.messaging.KafkaFailures;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.registry.PipelineRegistry;
import io.tributary.transform.service.PipelineChanged;
import io.tributary.transform.service.PipelineResumed;
import io.tributary.transform.service.PipelineService;

/**
 * Reprocesses a pipeline while the stream keeps flowing, in short transactions that lock the rows they compute:
 * <ul>
 * <li>{@code TABLE}: every stored row (curated, filtered or failed) computed again from its kept input with the
 * current version; started by each new version of a pipeline;</li>
 * <li>{@code TOPIC}: the accepted-records topic read again from its start (or from a time) up to where it ended when
 * the backfill began; started by a pipeline's first version, so that it covers the dataset's history.</li>
 * </ul>
 * Both give the tables a fresh run of the current version would give.
 */
@ApplicationScoped
public class BackfillService {

    public enum Source {
        TABLE,
        TOPIC
    }

    private static final Logger LOG = Logger.getLogger(BackfillService.class);
    private static final int CHUNK = 500;
    /** Failures of one transaction (other than conflicts, always retried) before the backfill fails. */
    private static final int ATTEMPTS = 5;
    /** Passes over the rows an earlier version wrote behind the first pass; each finds fewer, the last none. */
    private static final int SWEEPS = 5;
    /** Pipelines whose backfills run at the same time; the backfills of one pipeline run one after the other. */
    private static final int PIPELINES_AT_ONCE = 4;

    private final RecordApplier applier;
    private final PipelineRegistry registry;
    private final BackfillRepository backfills;
    private final AcceptedRecordsReplay topic;
    private final Event<BackfillLifecycle> lifecycle;
    private final ExecutorService runner = Executors.newFixedThreadPool(PIPELINES_AT_ONCE, r -> {
        Thread thread = new Thread(r, "pipeline-backfill");
        thread.setDaemon(true);
        return thread;
    });
    /** Per pipeline, its last backfill: the next one starts after it, whatever its end. */
    private final Map<String, CompletableFuture<Void>> last = new ConcurrentHashMap<>();

    public BackfillService(RecordApplier applier, PipelineRegistry registry, BackfillRepository backfills,
            AcceptedRecordsReplay topic, Event<BackfillLifecycle> lifecycle) {
        this.applier = applier;
        this.registry = registry;
        this.backfills = backfills;
        this.topic = topic;
        this.lifecycle = lifecycle;
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PipelineChanged changed) {
        try {
            start(changed.name(), changed.version(), changed.version() == 1 ? Source.TOPIC : Source.TABLE, null);
        } catch (SQLException e) {
            LOG.errorf(e, "the backfill of pipeline %s v%d could not start", changed.name(), changed.version());
        }
    }

    /** A paused pipeline runs again: the records it missed are read again from the offsets it paused at. */
    void onResumed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PipelineResumed resumed) {
        try {
            start(resumed.name(), resumed.version(), Source.TOPIC, null, resumed.from());
        } catch (SQLException e) {
            LOG.errorf(e, "the catching up of pipeline %s v%d could not start", resumed.name(), resumed.version());
        }
    }

    public UUID start(String pipeline, int version, Source source, Instant from) throws SQLException {
        return start(pipeline, version, source, from, null);
    }

    private UUID start(String pipeline, int version, Source source, Instant from, Map<Integer, Long> fromOffsets)
            throws SQLException {
        UUID id = UUID.randomUUID();
        backfills.create(id, pipeline, version, source.name(), from, fromOffsets);
        last.compute(pipeline, (name, previous) -> (previous == null
                ? CompletableFuture.<Void>completedFuture(null)
                : previous.handle((done, failure) -> (Void) null))
                .thenRunAsync(() -> run(id, pipeline, version, source, from, fromOffsets), runner));
        return id;
    }

    public Optional<BackfillRepository.Backfill> find(UUID id) throws SQLException {
        return backfills.find(id);
    }

    private void run(UUID id, String pipeline, int version, Source source, Instant from,
            Map<Integer, Long> fromOffsets) {
        notify(new BackfillLifecycle(BackfillLifecycle.Phase.STARTED, id, pipeline, version, source, null,
                Instant.now()));
        try {
            long done = again(id, pipeline, source, from, fromOffsets);
            backfills.complete(id);
            LOG.infof("backfill %s of pipeline %s from the %s: %d records", id, pipeline, source, done);
            notify(new BackfillLifecycle(BackfillLifecycle.Phase.COMPLETED, id, pipeline, version, source, null,
                    Instant.now()));
        } catch (Exception | Error e) {
            // an Error too: the backfill is marked failed with its reason, and the runner's thread goes on
            LOG.errorf(e, "backfill %s of pipeline %s failed", id, pipeline);
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            try {
                backfills.fail(id, reason);
            } catch (SQLException | RuntimeException stored) {
                LOG.errorf(stored, "backfill %s: its failure could not be stored", id);
            }
            notify(new BackfillLifecycle(BackfillLifecycle.Phase.FAILED, id, pipeline, version, source, reason,
                    Instant.now()));
        }
    }

    /**
     * Starts again the backfills a stop of the service interrupted (still {@code RUNNING} in the catalog), from their
     * beginning: a record applied already is skipped or computed to the same row, so going over it again is harmless.
     */
    void resumeInterrupted(@Observes StartupEvent startup) {
        try {
            for (BackfillRepository.Backfill interrupted : backfills.running()) {
                LOG.infof("backfill %s of pipeline %s v%d was interrupted; starting it again", interrupted.id(),
                        interrupted.pipeline(), interrupted.version());
                resume(interrupted);
            }
        } catch (SQLException e) {
            LOG.errorf(e, "interrupted backfills could not be read; they stay as they are");
        }
    }

    private void resume(BackfillRepository.Backfill interrupted) {
        Source source = Source.valueOf(interrupted.source());
        last.compute(interrupted.pipeline(), (name, previous) -> (previous == null
                ? CompletableFuture.<Void>completedFuture(null)
                : previous.handle((done, failure) -> (Void) null))
                .thenRunAsync(() -> run(interrupted.id(), interrupted.pipeline(), interrupted.version(), source,
                        interrupted.acceptedFrom(),
                        interrupted.fromOffsets().isEmpty() ? null : interrupted.fromOffsets()), runner));
    }

    /**
     * The backfill, started again from its beginning after a failure (a lost connection, a database restarting), up to
     * {@link #ATTEMPTS} times: both sources may be read again, since a record already applied is skipped. A pipeline's
     * first backfill is what brings the records that came before the live consumers knew the pipeline: giving it up at
     * the first dropped connection would lose them.
     */
    private long again(UUID id, String pipeline, Source source, Instant from, Map<Integer, Long> fromOffsets)
            throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                registry.refresh();
                return source == Source.TABLE
                        ? fromTable(id, pipeline, from)
                        : fromTopic(id, pipeline, from, fromOffsets);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (KafkaFailures.isPermanent(e)) {
                    // Kafka's answer will be the same at every attempt (not authorized, no such topic)
                    throw new IllegalStateException("Kafka refused the backfill's reading: "
                            + KafkaFailures.describe(e), e);
                }
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf(e, "backfill %s of pipeline %s failed (attempt %d); starting it again in %d s", id, pipeline,
                        attempt, attempt);
                Thread.sleep(attempt * 1000L);
            }
        }
    }

    /** Observers (lineage) must not stop a backfill. */
    private void notify(BackfillLifecycle step) {
        try {
            lifecycle.fire(step);
        } catch (RuntimeException e) {
            LOG.warnf(e, "backfill %s: its %s step was not observed", step.backfillId(), step.phase());
        }
    }

    /**
     * Every stored row once; then, once every replica's live consumer has taken the new version (it reads the catalog
     * again within {@link PipelineRegistry#RECHECK_MILLIS}), the rows a consumer still on an earlier version wrote
     * behind the first pass, until none is left.
     */
    private long fromTable(UUID id, String pipeline, Instant from) throws Exception {
        long grace = System.currentTimeMillis() + 2 * PipelineRegistry.RECHECK_MILLIS;
        long done = pass(id, pipeline, from, false, 0);
        Thread.sleep(Math.max(0, grace - System.currentTimeMillis()));
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            long before = done;
            done = pass(id, pipeline, from, true, done);
            if (done == before) {
                break;
            }
        }
        return done;
    }

    /** One pass over the stored rows in key order, in chunks; returns {@code done} plus the rows computed. */
    private long pass(UUID id, String pipeline, Instant from, boolean staleOnly, long done) throws Exception {
        Instant since = from == null ? Instant.EPOCH : from;
        String after = "";
        for (RecordApplier.Chunk chunk = rederive(pipeline, after, since, staleOnly); chunk
                .size() > 0; chunk = rederive(pipeline, after, since, staleOnly)) {
            after = chunk.lastKey();
            done += chunk.size();
            backfills.progress(id, done);
        }
        return done;
    }

    private RecordApplier.Chunk rederive(String pipeline, String after, Instant since, boolean staleOnly)
            throws Exception {
        return Retries.upTo(ATTEMPTS,
                isolation -> applier.rederive(current(pipeline), after, since, staleOnly, CHUNK, isolation));
    }

    private long fromTopic(UUID id, String pipeline, Instant from, Map<Integer, Long> fromOffsets) throws Exception {
        String dataset = current(pipeline).definition().dataset();
        AtomicLong done = new AtomicLong();
        // every replica's live consumer applies the new version to what comes after the ends the replay takes
        topic.read(dataset, from, fromOffsets, Duration.ofMillis(2 * PipelineRegistry.RECHECK_MILLIS),
                "transform-backfill-" + pipeline, (deliveries, read) -> {
                    if (!deliveries.isEmpty()) {
                        Retries.upTo(ATTEMPTS, isolation -> {
                            applier.replay(current(pipeline), deliveries, isolation);
                            return null;
                        });
                    }
                    if (read > 0) {
                        backfills.progress(id, done.addAndGet(read));
                    }
                });
        return done.get();
    }

    private CompiledPipeline current(String pipeline) {
        return registry.find(pipeline).orElseThrow(() -> PipelineService.unknown(pipeline));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
