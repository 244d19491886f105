package io.tributary.transform.backfill;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lease.LeaseConfig;
import io.tributary.catalog.lease.LeaseLostException;
import io.tributary.catalog.lease.Leases;
import io.tributary.transform.apply.BacklogBuild;
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
 * <li>{@code TOPIC}: the dataset's topic of accepted records (and the single old topic of every dataset, while it
 * exists) read again from its start (or from a time) up to where it ended when the backfill began; started by a
 * pipeline's first version, so that it covers the dataset's history;</li>
 * <li>{@code BACKLOG}: a topic up to the offsets handed to the build ({@link BacklogBuild}) by a first version's
 * declaration, or by the live consumer when many records wait for a running pipeline ({@link #takeBacklog}), built
 * beside the tables and swapped in; the live consumers leave the topic meanwhile and read on after those offsets once
 * it ends. Should the build fail, the records it was to count are handed back to them, to be applied one by one.</li>
 * </ul>
 * Both give the tables a fresh run of the current version would give. A backfill is run by the instance holding its
 * lease (decision 33), from its start until it ends; one whose instance died or stopped is taken over, by another
 * instance or by the same once it runs again, when its lease lapses, and run again from its beginning, which both
 * sources allow (a record already applied is skipped or computed to the same row).
 */
@ApplicationScoped
public class BackfillService {

    public enum Source {
        TABLE,
        TOPIC,
        BACKLOG;

        /** Whether the backfill reads the dataset's topic (else its curated table). */
        public boolean readsTopic() {
            return this != TABLE;
        }
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
    private final Leases leases;
    private final BacklogBuild backlog;
    private final Duration lookEvery;
    /** Backfills this instance runs or has queued, so that none is taken over by it twice. */
    private final Set<UUID> mine = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean looking = new AtomicBoolean();
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pipeline-backfill-takeover");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService runner = Executors.newFixedThreadPool(PIPELINES_AT_ONCE, r -> {
        Thread thread = new Thread(r, "pipeline-backfill");
        thread.setDaemon(true);
        return thread;
    });
    /** Per pipeline, its last backfill: the next one starts after it, whatever its end. */
    private final Map<String, CompletableFuture<Void>> last = new ConcurrentHashMap<>();

    public BackfillService(RecordApplier applier, PipelineRegistry registry, BackfillRepository backfills,
            AcceptedRecordsReplay topic, Event<BackfillLifecycle> lifecycle, Leases leases, LeaseConfig leaseConfig,
            BacklogBuild backlog) {
        this.applier = applier;
        this.registry = registry;
        this.backfills = backfills;
        this.topic = topic;
        this.lifecycle = lifecycle;
        this.leases = leases;
        this.backlog = backlog;
        this.lookEvery = leaseConfig.renewInterval();
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PipelineChanged changed) {
        try {
            if (changed.backlog() != null) {
                BacklogBuild.Plan plan = changed.backlog();
                start(changed.name(), changed.version(), Source.BACKLOG, null, plan.topic(), plan.ends(),
                        plan.countedFrom());
            } else {
                start(changed.name(), changed.version(), changed.version() == 1 ? Source.TOPIC : Source.TABLE, null);
            }
        } catch (SQLException e) {
            LOG.errorf(e, "the backfill of pipeline %s v%d could not start", changed.name(), changed.version());
        }
    }

    /** A paused pipeline runs again: the records it missed are read again from the offsets it paused at. */
    void onResumed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PipelineResumed resumed) {
        try {
            start(resumed.name(), resumed.version(), Source.TOPIC, null, resumed.topic(), resumed.from());
        } catch (SQLException e) {
            LOG.errorf(e, "the catching up of pipeline %s v%d could not start", resumed.name(), resumed.version());
        }
    }

    public UUID start(String pipeline, int version, Source source, Instant from) throws SQLException {
        return start(pipeline, version, source, from, null, null);
    }

    private UUID start(String pipeline, int version, Source source, Instant from, String fromTopic,
            Map<Integer, Long> fromOffsets) throws SQLException {
        return start(pipeline, version, source, from, fromTopic, fromOffsets, Map.of());
    }

    private UUID start(String pipeline, int version, Source source, Instant from, String fromTopic,
            Map<Integer, Long> fromOffsets, Map<Integer, Long> countedFrom) throws SQLException {
        UUID id = UUID.randomUUID();
        Lease lease = QuarkusTransaction.requiringNew()
                .call(() -> create(id, pipeline, version, source, from, fromTopic, fromOffsets, countedFrom));
        schedule(lease, id, pipeline, version, source, from, fromTopic, fromOffsets);
        return id;
    }

    /** Stores the backfill and leases it, in the caller's transaction. */
    private Lease create(UUID id, String pipeline, int version, Source source, Instant from, String fromTopic,
            Map<Integer, Long> fromOffsets, Map<Integer, Long> countedFrom) throws SQLException {
        backfills.create(id, pipeline, version, source.name(), from, fromTopic, fromOffsets, countedFrom);
        return leases.acquire(Lease.Kind.BACKFILL, id.toString())
                .orElseThrow(() -> new IllegalStateException("the new backfill " + id + " is leased already"));
    }

    /** The topics whose records a backlog build owns now ({@link BackfillRepository#buildingTopics}). */
    public Set<String> buildingTopics() throws SQLException {
        return backfills.buildingTopics();
    }

    /**
     * Whether the {@code waiting} records of the one pipeline reading {@code dataset} (so far: more are coming) would be
     * handed to a build: asked by the live consumer before it holds them while they keep coming.
     */
    public boolean mayTakeBacklog(String dataset, long waiting) throws SQLException {
        Optional<CompiledPipeline> reader = onlyReader(dataset);
        // in a transaction of its own: the catalog's pipeline versions are read through the entity manager
        return reader.isPresent()
                && QuarkusTransaction.requiringNew().call(() -> backlog.mayRebuild(reader.get(), waiting));
    }

    /** The one pipeline reading the dataset, when no backfill of it runs. */
    private Optional<CompiledPipeline> onlyReader(String dataset) throws SQLException {
        List<CompiledPipeline> readers = registry.current().stream()
                .filter(p -> p.definition().dataset().equals(dataset)).toList();
        if (readers.size() != 1 || backfills.running(readers.get(0).name())) {
            return Optional.empty();
        }
        return Optional.of(readers.get(0));
    }

    /**
     * Called by the live consumer when many records of {@code dataset} wait on its topic: when the one pipeline
     * reading it is better built again from the topic ({@link BacklogBuild#claimRunning}), hands them to a
     * {@code BACKLOG} backfill in the transaction that moves the consumer's offsets past them, and starts it.
     *
     * @return the offsets the live consumer goes on from; empty when it is to apply the records itself
     */
    public Optional<Map<Integer, Long>> takeBacklog(String dataset) throws SQLException {
        Optional<CompiledPipeline> reader = onlyReader(dataset);
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        CompiledPipeline pipeline = reader.get();
        UUID id = UUID.randomUUID();
        record Taken(BacklogBuild.Plan plan, Lease lease) {
        }
        Taken taken = QuarkusTransaction.requiringNew().call(() -> {
            Optional<BacklogBuild.Plan> plan = backlog.claimRunning(pipeline);
            if (plan.isEmpty()) {
                return null;
            }
            return new Taken(plan.get(), create(id, pipeline.name(), pipeline.version(), Source.BACKLOG, null,
                    plan.get().topic(), plan.get().ends(), plan.get().countedFrom()));
        });
        if (taken == null) {
            return Optional.empty();
        }
        schedule(taken.lease(), id, pipeline.name(), pipeline.version(), Source.BACKLOG, null, taken.plan().topic(),
                taken.plan().ends());
        return Optional.of(taken.plan().ends());
    }

    /** Runs the backfill after the pipeline's earlier ones, whatever their end, holding its lease until it ends. */
    private void schedule(Lease lease, UUID id, String pipeline, int version, Source source, Instant from,
            String fromTopic, Map<Integer, Long> fromOffsets) {
        mine.add(id);
        last.compute(pipeline, (name, previous) -> (previous == null
                ? CompletableFuture.<Void>completedFuture(null)
                : previous.handle((done, failure) -> (Void) null))
                .thenRunAsync(() -> {
                    try {
                        run(lease, id, pipeline, version, source, from, fromTopic, fromOffsets);
                    } finally {
                        mine.remove(id);
                        leases.release(lease);
                    }
                }, runner));
    }

    public Optional<BackfillRepository.Backfill> find(UUID id) throws SQLException {
        return backfills.find(id);
    }

    private void run(Lease lease, UUID id, String pipeline, int version, Source source, Instant from,
            String fromTopic, Map<Integer, Long> fromOffsets) {
        notify(new BackfillLifecycle(BackfillLifecycle.Phase.STARTED, id, pipeline, version, source, null,
                Instant.now()));
        try {
            long done = again(lease, id, pipeline, source, from, fromTopic, fromOffsets);
            complete(lease);
            LOG.infof("backfill %s of pipeline %s from the %s: %d records", id, pipeline, source, done);
            notify(new BackfillLifecycle(BackfillLifecycle.Phase.COMPLETED, id, pipeline, version, source, null,
                    Instant.now()));
        } catch (LeaseLostException e) {
            LOG.warnf("backfill %s stops here: %s", id, e.getMessage());
        } catch (Exception | Error e) {
            // an Error too: the backfill is marked failed with its reason, and the runner's thread goes on
            LOG.errorf(e, "backfill %s of pipeline %s failed", id, pipeline);
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    leases.confirm(lease);
                    try {
                        backfills.fail(id, reason);
                    } catch (SQLException failed) {
                        throw new IllegalStateException(failed);
                    }
                });
            } catch (RuntimeException stored) {
                LOG.errorf(stored, "backfill %s: its failure could not be stored", id);
            }
            notify(new BackfillLifecycle(BackfillLifecycle.Phase.FAILED, id, pipeline, version, source, reason,
                    Instant.now()));
        }
    }

    /**
     * Looks for interrupted backfills (still {@code RUNNING} in the catalog, with no live lease) at start-up and then
     * at every lease renewal: a stop of this instance, or the death of another, left them.
     */
    void resumeInterrupted(@Observes StartupEvent startup) {
        takeOverUnleased();
        if (looking.compareAndSet(false, true)) {
            long every = lookEvery.toMillis();
            looker.scheduleWithFixedDelay(this::takeOverUnleased, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Takes over every running backfill that no instance holds and starts it again from its beginning: a record
     * applied already is skipped or computed to the same row, so going over it again is harmless. A failure (the
     * catalog out of reach) waits for the next look.
     */
    void takeOverUnleased() {
        try {
            leases.freeEarlierRun();
            for (BackfillRepository.Backfill interrupted : backfills.unleased()) {
                if (mine.contains(interrupted.id())) {
                    continue;
                }
                Optional<Lease> lease = leases.acquire(Lease.Kind.BACKFILL, interrupted.id().toString());
                if (lease.isPresent()) {
                    backfills.takenOver(interrupted.id());
                    LOG.infof("backfill %s of pipeline %s v%d was interrupted; starting it again", interrupted.id(),
                            interrupted.pipeline(), interrupted.version());
                    schedule(lease.get(), interrupted.id(), interrupted.pipeline(), interrupted.version(),
                            Source.valueOf(interrupted.source()), interrupted.acceptedFrom(), interrupted.fromTopic(),
                            interrupted.fromOffsets().isEmpty() ? null : interrupted.fromOffsets());
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("interrupted backfills could not be looked for (looked for again in %s): %s", lookEvery,
                    e.getMessage());
        }
    }

    /**
     * The backfill, started again from its beginning after a failure (a lost connection, a database restarting), up to
     * {@link #ATTEMPTS} times: both sources may be read again, since a record already applied is skipped. A pipeline's
     * first backfill is what brings the records that came before the live consumers knew the pipeline: giving it up at
     * the first dropped connection would lose them.
     */
    private long again(Lease lease, UUID id, String pipeline, Source source, Instant from, String fromTopic,
            Map<Integer, Long> fromOffsets) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                registry.refresh();
                return switch (source) {
                    case TABLE -> fromTable(lease, id, pipeline, from);
                    case TOPIC -> fromTopic(lease, id, pipeline, from, fromTopic, fromOffsets);
                    case BACKLOG -> fromBacklog(lease, id, pipeline, fromTopic, fromOffsets);
                };
            } catch (InterruptedException | LeaseLostException e) {
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
    private long fromTable(Lease lease, UUID id, String pipeline, Instant from) throws Exception {
        long grace = System.currentTimeMillis() + 2 * PipelineRegistry.RECHECK_MILLIS;
        long done = pass(lease, id, pipeline, from, false, 0);
        Thread.sleep(Math.max(0, grace - System.currentTimeMillis()));
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            long before = done;
            done = pass(lease, id, pipeline, from, true, done);
            if (done == before) {
                break;
            }
        }
        return done;
    }

    /** One pass over the stored rows in key order, in chunks; returns {@code done} plus the rows computed. */
    private long pass(Lease lease, UUID id, String pipeline, Instant from, boolean staleOnly, long done)
            throws Exception {
        Instant since = from == null ? Instant.EPOCH : from;
        String after = "";
        for (RecordApplier.Chunk chunk = rederive(lease, pipeline, after, since, staleOnly); chunk
                .size() > 0; chunk = rederive(lease, pipeline, after, since, staleOnly)) {
            after = chunk.lastKey();
            done += chunk.size();
            backfills.progress(id, done);
        }
        return done;
    }

    /**
     * One chunk, unless a renewal found the backfill taken over: then it stops. A chunk computed while the lease is
     * being lost is harmless: computing a row again from its kept input gives the same row.
     */
    private RecordApplier.Chunk rederive(Lease lease, String pipeline, String after, Instant since,
            boolean staleOnly) throws Exception {
        lease.ensureHeld();
        return Retries.upTo(ATTEMPTS,
                isolation -> applier.rederive(current(pipeline), after, since, staleOnly, CHUNK, isolation));
    }

    private long fromTopic(Lease lease, UUID id, String pipeline, Instant from, String fromTopic,
            Map<Integer, Long> fromOffsets) throws Exception {
        String dataset = current(pipeline).definition().dataset();
        AtomicLong done = new AtomicLong();
        // every replica's live consumer applies the new version to what comes after the ends the replay takes
        topic.read(dataset, from, fromTopic, fromOffsets, Duration.ofMillis(2 * PipelineRegistry.RECHECK_MILLIS),
                "transform-backfill-" + pipeline, (deliveries, read) -> {
                    lease.ensureHeld();
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

    /**
     * The build up to {@code ends}, then the records after them read again from the topic; the whole topic record by
     * record when the build fails (a row PostgreSQL refuses, a key too long for an index: the per-record path
     * quarantines that record alone).
     */
    private long fromBacklog(Lease lease, UUID id, String pipeline, String topicName, Map<Integer, Long> ends)
            throws Exception {
        if (backfills.isBuilt(id)) {
            // started again after its build committed: the backlog is in the tables, counted once
            return 0;
        }
        Map<Integer, Long> countedFrom = backfills.find(id).map(BackfillRepository.Backfill::countedFrom)
                .orElse(Map.of());
        BacklogBuild.Plan plan = new BacklogBuild.Plan(topicName, ends, countedFrom);
        try {
            return backlog.build(current(pipeline), plan, lease, read -> progress(id, read), () -> backfills.built(id));
        } catch (LeaseLostException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf(e, "backfill %s: the backlog of pipeline %s could not be built; its records are handed back to "
                    + "the live consumers, which apply them one by one", id, pipeline);
            backlog.handBack(plan);
            return 0;
        }
    }

    private void progress(UUID id, long done) {
        try {
            backfills.progress(id, done);
        } catch (SQLException e) {
            LOG.debugf("backfill %s: its progress was not stored: %s", id, e.getMessage());
        }
    }

    private CompiledPipeline current(String pipeline) {
        return registry.find(pipeline).orElseThrow(() -> PipelineService.unknown(pipeline));
    }

    /**
     * Marks the backfill completed if this holding still has it, in one transaction with the check.
     *
     * @throws LeaseLostException if another instance took it over
     */
    void complete(Lease lease) {
        QuarkusTransaction.requiringNew().run(() -> {
            leases.confirm(lease);
            try {
                backfills.complete(UUID.fromString(lease.key()));
            } catch (SQLException e) {
                throw new IllegalStateException("the backfill's end could not be stored: " + e.getMessage(), e);
            }
        });
    }

    @PreDestroy
    void stop() {
        looker.shutdownNow();
        runner.shutdownNow();
    }
}
