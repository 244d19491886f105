package io.tributary.transform.apply;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lease.LeaseLostException;
import io.tributary.catalog.repository.PipelineVersionRepository;
import io.tributary.catalog.repository.QuarantineRepository;
import io.tributary.transform.aggregate.AggregateRepository;
import io.tributary.transform.analytics.AnalyticsViews;
import io.tributary.transform.config.BacklogConfig;
import io.tributary.transform.curated.CopyText;
import io.tributary.transform.curated.CuratedRow;
import io.tributary.transform.curated.CuratedTableRepository;
import io.tributary.transform.curated.Sql;
import io.tributary.transform.curated.TableColumns;
import io.tributary.transform.features.FeatureRepository;
import io.tributary.transform.messaging.AcceptedRecordDeserializer;
import io.tributary.transform.messaging.AcceptedRecordsReplay;
import io.tributary.transform.messaging.TopicPositions;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.Outcome;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.pipeline.Step;
import io.tributary.transform.progress.PipelineProgress;
import io.tributary.transform.progress.PipelineStateRepository;
import io.tributary.transform.registry.PipelineRegistry;
import io.tributary.transform.service.PipelineService;

/**
 * The backlog path (decision 0061): a pipeline's first version over a topic that already holds many records gets them
 * built beside its tables and swapped in, instead of applied one by one.
 * <ul>
 * <li>{@link #claim}, in the transaction that stores the version: when the pipeline looks nothing up, no pipeline has
 * applied the dataset's topic yet and it holds at least {@link BacklogConfig#minRecords()} records, the consumer's
 * offsets of the topic are set to its ends, so that the live consumer starts after them and the build owns every
 * record before.</li>
 * <li>{@link #build}, in one transaction: the records up to those ends are read on a thread of their own, run through
 * the pipeline on this one and streamed with {@code COPY} into unindexed tables named as the pipeline's with a
 * leading underscore (no pipeline's name begins with one); a key's newest record is kept (an exact repeat keeps its
 * first), the key and indexes are built, the aggregate and features rebuilt set-based, the counts added, and the
 * tables swapped in by renaming under the pipeline's lock. A failure rolls all of it back.</li>
 * </ul>
 * The live consumers leave the topic while the build runs, and read on from the ends, which the swap stores, once it
 * has ended; a build that fails hands its records back to them ({@link #handBack}). A running pipeline's records are
 * handed to a build by its live consumer ({@link #claimRunning}, decision 0062).
 */
@ApplicationScoped
public class BacklogBuild {

    /**
     * What a build was handed: the topic, the offsets it reads up to, and those from which its records are counted
     * (and quarantined) as the live path would have: a running pipeline's tables are built from the topic's start, but
     * its live path counted the records before these already. Empty: every record is counted.
     */
    public record Plan(String topic, Map<Integer, Long> ends, Map<Integer, Long> countedFrom) {
    }

    private static final Logger LOG = Logger.getLogger(BacklogBuild.class);
    /** Records handed from the reading thread to the building one at a time. */
    private static final int QUEUED_CHUNKS = 4;
    /** {@code COPY} text sent to PostgreSQL in pieces of about this many characters. */
    private static final int COPY_BUFFER = 256 * 1024;
    /** Quarantine entries kept before they are written (between two {@code COPY}s). */
    private static final int QUARANTINE_CHUNK = 1000;

    private final AgroalDataSource dataSource;
    private final BacklogConfig config;
    private final PipelineRegistry registry;
    private final TopicPositions positions;
    private final ConsumerOffsetRepository offsets;
    private final AcceptedRecordsReplay topics;
    private final CuratedTableRepository tables;
    private final AggregateRepository aggregates;
    private final FeatureRepository features;
    private final AnalyticsViews views;
    private final PipelineStateRepository states;
    private final QuarantineRepository quarantine;
    private final PipelineVersionRepository versions;

    public BacklogBuild(AgroalDataSource dataSource, BacklogConfig config, PipelineRegistry registry,
            TopicPositions positions, ConsumerOffsetRepository offsets, AcceptedRecordsReplay topics,
            CuratedTableRepository tables, AggregateRepository aggregates, FeatureRepository features,
            AnalyticsViews views, PipelineStateRepository states, QuarantineRepository quarantine,
            PipelineVersionRepository versions) {
        this.dataSource = dataSource;
        this.config = config;
        this.registry = registry;
        this.positions = positions;
        this.offsets = offsets;
        this.topics = topics;
        this.tables = tables;
        this.aggregates = aggregates;
        this.features = features;
        this.views = views;
        this.states = states;
        this.quarantine = quarantine;
        this.versions = versions;
    }

    /**
     * In the caller's transaction (the one storing the pipeline's first version): hands the dataset's backlog to a
     * build when the path applies, by setting the consumer's offsets of the topic to its ends.
     *
     * @return the build's plan; empty when the records are to be applied one by one
     */
    public Optional<Plan> claim(CompiledPipeline pipeline) throws SQLException {
        if (pipeline.version() != 1 || !buildable(pipeline) || readByAnother(pipeline)) {
            return Optional.empty();
        }
        String topic = Channels.acceptedRecordsOf(pipeline.definition().dataset());
        Map<Integer, Long> ends;
        long records;
        try {
            if (positions.ends(Channels.ACCEPTED_RECORDS).values().stream().anyMatch(end -> end > 0)) {
                return Optional.empty(); // the dataset's history may begin on the single old topic (decision 0054)
            }
            ends = positions.ends(topic);
            Map<Integer, Long> starts = positions.starts(topic);
            records = ends.entrySet().stream().mapToLong(e -> e.getValue() - starts.getOrDefault(e.getKey(), 0L))
                    .sum();
        } catch (RuntimeException e) {
            LOG.infof("pipeline %s: the backlog of %s could not be measured (%s); its records are applied one by one",
                    pipeline.name(), topic, e.getMessage());
            return Optional.empty();
        }
        if (records < config.minRecords()
                || offsets.lock(RecordApplier.CONSUMER, topic, ends.keySet()).values().stream().anyMatch(o -> o > 0)) {
            return Optional.empty();
        }
        offsets.advance(RecordApplier.CONSUMER, topic, ends);
        LOG.infof("pipeline %s: the %d records of %s up to offsets %s are built beside its tables", pipeline.name(),
                records, topic, ends);
        return Optional.of(new Plan(topic, Map.copyOf(ends), Map.of()));
    }

    /**
     * In the caller's transaction, for a running pipeline whose topic holds many records it has not applied yet (a
     * large file uploaded to it): hands the whole topic to a build when the path applies, by setting the consumer's
     * offsets of the topic to its ends. The build reads the topic from its start, since its tables replace the served
     * ones, and counts only the records from the offsets stored now.
     * <p>
     * It applies when {@link #mayRebuild} (nothing deleted by retention that the served tables hold, among others) and
     * the records waiting are at least {@link BacklogConfig#runningMinRecords()} and at least as many as those applied
     * ({@link #worthRebuilding}).
     *
     * @return the build's plan; empty when the records are to be applied one by one
     */
    public Optional<Plan> claimRunning(CompiledPipeline pipeline) throws SQLException {
        if (!mayRebuild(pipeline)) {
            return Optional.empty();
        }
        String topic = Channels.acceptedRecordsOf(pipeline.definition().dataset());
        Map<Integer, Long> ends;
        try {
            ends = positions.ends(topic);
        } catch (RuntimeException e) {
            LOG.infof("pipeline %s: the records waiting on %s could not be measured (%s); they are applied one by one",
                    pipeline.name(), topic, e.getMessage());
            return Optional.empty();
        }
        Map<Integer, Long> applied = offsets.lock(RecordApplier.CONSUMER, topic, ends.keySet());
        long done = applied.values().stream().mapToLong(Long::longValue).sum();
        long waiting = ends.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - applied.getOrDefault(e.getKey(), 0L))).sum();
        if (!worthRebuilding(waiting, done, config.runningMinRecords())) {
            return Optional.empty();
        }
        offsets.advance(RecordApplier.CONSUMER, topic, ends);
        LOG.infof("pipeline %s: %d records of %s wait after the %d applied; its tables are built again from the topic "
                + "up to offsets %s", pipeline.name(), waiting, topic, done, ends);
        return Optional.of(new Plan(topic, Map.copyOf(ends), Map.copyOf(applied)));
    }

    /**
     * Whether a running pipeline's tables may be built again from its topic, whatever the records waiting: it looks
     * nothing up, is the only one reading its dataset, is neither paused nor blocked, and its topic still holds its
     * first record, the single old topic none.
     */
    public boolean mayRebuild(CompiledPipeline pipeline) throws SQLException {
        if (!buildable(pipeline) || readByAnother(pipeline) || registry.blocked().containsKey(pipeline.name())
                || states.paused().containsKey(pipeline.name())) {
            return false;
        }
        String topic = Channels.acceptedRecordsOf(pipeline.definition().dataset());
        try {
            return positions.ends(Channels.ACCEPTED_RECORDS).values().stream().allMatch(end -> end == 0)
                    && positions.starts(topic).values().stream().allMatch(start -> start == 0);
        } catch (RuntimeException e) {
            LOG.infof("pipeline %s: the start of %s could not be read (%s); its records are applied one by one",
                    pipeline.name(), topic, e.getMessage());
            return false;
        }
    }

    /**
     * Whether the records waiting so far for a running pipeline are enough for its tables to be built again from its
     * topic ({@link #worthRebuilding}, against the records its consumer applied) and it {@link #mayRebuild}.
     */
    public boolean mayRebuild(CompiledPipeline pipeline, long waiting) throws SQLException {
        long applied = offsets.all(RecordApplier.CONSUMER, Channels.acceptedRecordsOf(pipeline.definition().dataset()))
                .values().stream().mapToLong(Long::longValue).sum();
        return worthRebuilding(waiting, applied, config.runningMinRecords()) && mayRebuild(pipeline);
    }

    /**
     * Whether a running pipeline's tables are better built again from its topic than the records waiting applied one
     * by one: enough of them wait, and at least as many as were applied (which the build reads again).
     */
    static boolean worthRebuilding(long waiting, long applied, long minRecords) {
        return waiting >= minRecords && waiting >= applied;
    }

    /** Whether the path can build the pipeline: it must look nothing up, and nothing may look it up. */
    static boolean buildable(CompiledPipeline pipeline) {
        return !pipeline.isReference()
                && pipeline.definition().steps().stream().noneMatch(Step.Lookup.class::isInstance);
    }

    private boolean readByAnother(CompiledPipeline pipeline) {
        return versions.listCurrent().stream().anyMatch(v -> v.dataset.equals(pipeline.definition().dataset())
                && !v.name.equals(pipeline.name()));
    }

    /** Work done in the build's transaction once the tables are swapped in. */
    public interface Swapped {
        void run() throws SQLException;
    }

    /**
     * Builds the pipeline's records of {@code topic} up to {@code ends} and swaps them in, in one transaction.
     *
     * @param progress told how many records were read, now and then
     * @param swapped run in the same transaction after the swap: it commits with the tables or not at all
     * @return the records read
     */
    public long build(CompiledPipeline pipeline, Plan plan, Lease lease, LongConsumer progress, Swapped swapped) {
        return QuarkusTransaction.requiringNew().timeout((int) Math.min(Integer.MAX_VALUE, config.timeout().toSeconds()))
                .call(() -> buildInTransaction(pipeline, plan, lease, progress, swapped));
    }

    private long buildInTransaction(CompiledPipeline pipeline, Plan plan, Lease lease, LongConsumer progress,
            Swapped swapped) throws Exception {
        long t0 = System.nanoTime();
        CompiledPipeline built = renamed(pipeline, "_" + pipeline.name());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : CuratedTables.all(built.name())) {
                statement.execute("drop table if exists " + Sql.table(table));
            }
            List<String> problems = tables.ensure(built, List.of());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the built table does not fit the pipeline: " + problems);
            }
            statement.execute("alter table " + Sql.table(built.name()) + " drop constraint "
                    + Sql.quote(built.name() + "_pkey"));
            Counts counts = copy(connection, pipeline, built, plan, lease, progress);
            long copied = System.nanoTime();
            keyKeepingNewest(connection, built, counts, plan.countedFrom());
            long keyed = System.nanoTime();
            tables.ensure(built, PipelineService.indexed(built));
            long indexed = System.nanoTime();
            aggregates.ensure(built);
            long aggregated = System.nanoTime();
            features.ensure(built);
            long featured = System.nanoTime();
            for (String table : CuratedTables.all(built.name())) {
                if (!TableColumns.of(connection, table).isEmpty()) {
                    statement.execute("analyze " + Sql.table(table));
                }
            }
            long derived = System.nanoTime();
            swap(connection, pipeline, built);
            // exactly the ends: the live consumers read on from there once the build has ended (decision 0062)
            offsets.set(RecordApplier.CONSUMER, plan.topic(), plan.ends());
            states.add(pipeline.name(), counts.progress(), CuratedTables.freshnessKey(pipeline.name()));
            swapped.run();
            LOG.infof("pipeline %s: %d records built in %.1f s (read and copied %.1f s, keyed and derived %.1f s: "
                    + "keyed %.1f, indexed %.1f, aggregated %.1f, features %.1f, analysed %.1f): %s", pipeline.name(),
                    counts.read, seconds(System.nanoTime() - t0), seconds(copied - t0), seconds(derived - copied),
                    seconds(keyed - copied), seconds(indexed - keyed), seconds(aggregated - indexed),
                    seconds(featured - aggregated), seconds(derived - featured), counts.progress());
            return counts.read;
        }
    }

    /**
     * After a build failed: hands its records back to the live consumers, which apply them one by one from the offsets
     * the build was to count from (a first version's: the topic's start).
     */
    public void handBack(Plan plan) {
        Map<Integer, Long> from = new HashMap<>();
        plan.ends().keySet().forEach(partition -> from.put(partition, plan.countedFrom().getOrDefault(partition, 0L)));
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                offsets.set(RecordApplier.CONSUMER, plan.topic(), from);
            } catch (SQLException e) {
                throw new IllegalStateException("the backlog's records could not be handed back: " + e.getMessage(),
                        e);
            }
        });
    }

    /** The pipeline under another name: its tables are {@code curated.<name>*}. */
    static CompiledPipeline renamed(CompiledPipeline pipeline, String name) {
        PipelineDefinition d = pipeline.definition();
        return new CompiledPipeline(new PipelineDefinition(name, d.dataset(), d.kind(), d.key(), d.eventTime(),
                d.lateness(), d.steps(), d.aggregate(), d.features()), pipeline.version(), pipeline.input(),
                pipeline.output(), pipeline.lineage(), pipeline.transformed(), pipeline.steps(), pipeline.conversions());
    }

    /** The counts of the build's records, as the live path would have counted them. */
    static final class Counts {
        long read;
        /** Records the live path counted already (before the plan's {@code countedFrom}). */
        long uncounted;
        long unreadable;
        long curated;
        long corrected;
        long duplicates;
        long filtered;
        long failed;
        long late;
        /**
         * Where the {@link #lateSeen} rows counted late came from: a repeat among them is not late (the live path drops
         * it). Unboxed, since a whole file may be late.
         */
        int[] latePartitions = new int[64];
        long[] lateOffsets = new long[64];
        int lateSeen;
        Instant eventWatermark;
        Instant lastAcceptedAt;

        void countLate(int partition, long offset) {
            if (lateSeen == latePartitions.length) {
                latePartitions = Arrays.copyOf(latePartitions, lateSeen * 2);
                lateOffsets = Arrays.copyOf(lateOffsets, lateSeen * 2);
            }
            latePartitions[lateSeen] = partition;
            lateOffsets[lateSeen++] = offset;
            late++;
        }

        PipelineProgress progress() {
            return new PipelineProgress(read - uncounted - unreadable, curated, corrected, duplicates, filtered, failed, 0,
                    late,
                    0, eventWatermark, lastAcceptedAt);
        }
    }

    /**
     * Reads the records on a thread of its own and, on this one, runs each through the pipeline and writes its row as
     * {@code COPY} text; a record that fails goes to the quarantine as the live path sends it.
     */
    private Counts copy(Connection connection, CompiledPipeline pipeline, CompiledPipeline built, Plan plan,
            Lease lease, LongConsumer progress) throws Exception {
        String topic = plan.topic();
        BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        Throwable[] readFailure = new Throwable[1];
        AtomicBoolean writerStopped = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            long[] read = {0};
            try {
                topics.readUpTo(topic, plan.ends(), "transform-backlog-" + pipeline.name(), chunk -> {
                    lease.ensureHeld();
                    while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                        lease.ensureHeld();
                    }
                    read[0] += chunk.size();
                    progress.accept(read[0]);
                });
            } catch (Throwable e) {
                readFailure[0] = e;
            } finally {
                // the end marker, offered for as long as the writer takes chunks: never waited for once it stopped
                try {
                    while (!writerStopped.get() && !queue.offer(List.of(), 1, TimeUnit.SECONDS)) {
                        // the writer is still taking the chunks before it
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "backlog-reader-" + pipeline.name());
        reader.setDaemon(true);
        reader.start();
        try {
            Counts counts = new Counts();
            new Writer(connection, pipeline, built, plan.countedFrom(), counts).run(queue);
            reader.join();
            if (readFailure[0] instanceof LeaseLostException lost) {
                throw lost;
            }
            if (readFailure[0] != null) {
                throw new IllegalStateException("reading " + topic + " failed: " + readFailure[0].getMessage(),
                        readFailure[0]);
            }
            return counts;
        } finally {
            writerStopped.set(true);
            reader.interrupt();
        }
    }

    /** Runs records through the pipeline and streams their rows into the built table, on the build's connection. */
    private final class Writer {
        private final Connection connection;
        private final CompiledPipeline pipeline;
        private final CompiledPipeline built;
        private final Map<Integer, Long> countedFrom;
        private final Counts counts;
        private final AcceptedRecordDeserializer deserializer = new AcceptedRecordDeserializer(null);
        private final Session context = new Session(registry, tables, states);
        private final List<String> columns;
        private final StringBuilder text = new StringBuilder(COPY_BUFFER + 16 * 1024);
        private final List<QuarantinedRecordEntity> failures = new ArrayList<>();
        /** Per partition, the newest event time of a curated row so far: a row behind it by the lateness is late. */
        private final Map<Integer, Instant> watermarks = new HashMap<>();
        private final Duration lateness;
        private CopyIn copy;

        Writer(Connection connection, CompiledPipeline pipeline, CompiledPipeline built, Map<Integer, Long> countedFrom,
                Counts counts) {
            this.connection = connection;
            this.pipeline = pipeline;
            this.built = built;
            this.countedFrom = countedFrom;
            this.counts = counts;
            this.columns = new ArrayList<>(pipeline.output().keySet());
            this.lateness = pipeline.definition().lateness() == null
                    ? PipelineWriter.DEFAULT_LATENESS
                    : pipeline.definition().lateness();
        }

        void run(BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> queue) throws Exception {
            copy = start();
            for (List<ConsumerRecord<byte[], byte[]>> chunk = queue.take(); !chunk.isEmpty(); chunk = queue.take()) {
                for (ConsumerRecord<byte[], byte[]> record : chunk) {
                    take(record);
                }
            }
            flush();
            copy.endCopy();
            persistFailures();
        }

        private void take(ConsumerRecord<byte[], byte[]> record) throws SQLException {
            counts.read++;
            AcceptedRecord accepted = record.value() == null
                    ? null
                    : deserializer.deserialize(record.topic(), record.value());
            boolean counted = record.offset() >= countedFrom.getOrDefault(record.partition(), 0L);
            if (!counted) {
                counts.uncounted++;
            }
            if (accepted == null || !pipeline.definition().dataset().equals(accepted.event().tributarydataset())) {
                // as the live consumer does: an unreadable message, or another dataset's, is passed over
                if (counted) {
                    counts.unreadable++;
                }
                return;
            }
            Item item = Item.of(new Delivery(record.topic(), record.partition(), record.offset(), accepted,
                    accepted.event().tributarydataset()), Item.Mode.LIVE);
            Outcome outcome = PipelineWriter.run(pipeline, item, context);
            CuratedRow row = PipelineWriter.row(pipeline, item, outcome);
            count(row, item, counted);
            if (counted && outcome instanceof Outcome.Failed failed) {
                failures.add(PipelineWriter.quarantineEntry(pipeline, item, failed, null));
            }
            CopyText.line(row, columns, text);
            if (text.length() >= COPY_BUFFER) {
                flush();
            }
            if (failures.size() >= QUARANTINE_CHUNK) {
                flush();
                copy.endCopy();
                persistFailures();
                copy = start();
            }
        }

        /** Counts the row as the live path does; a row it counted already only moves the watermarks. */
        private void count(CuratedRow row, Item item, boolean counted) {
            if (counted) {
                switch (row.status()) {
                    case CURATED -> counts.curated++;
                    case FILTERED -> counts.filtered++;
                    case FAILED -> counts.failed++;
                }
            }
            counts.lastAcceptedAt = PipelineWriter.later(counts.lastAcceptedAt, item.acceptedAt());
            Instant eventTime = row.isCurated() ? Changes.eventInstant(pipeline, row) : null;
            if (eventTime != null) {
                Instant watermark = watermarks.get(item.partition());
                if (counted && watermark != null && eventTime.isBefore(watermark.minus(lateness))) {
                    counts.countLate(item.partition(), item.offset());
                }
                watermarks.put(item.partition(), PipelineWriter.later(watermark, eventTime));
                counts.eventWatermark = PipelineWriter.later(counts.eventWatermark, eventTime);
            }
        }

        private CopyIn start() throws SQLException {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(CopyText.statement(built));
        }

        private void flush() throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }

        private void persistFailures() {
            if (!failures.isEmpty()) {
                quarantine.persist(failures);
                quarantine.flush();
                failures.clear();
            }
        }
    }

    /**
     * Gives the built table its primary key. When a key came more than once, first keeps of each key the row the live
     * path would have kept (its records in the order ingestion accepted them: the newest, or of an exact repeat of
     * it, the first) and counts the repeats and corrections among the rows counted by status (those of records from
     * {@code countedFrom}, by partition).
     */
    static void keyKeepingNewest(Connection connection, CompiledPipeline built, Counts counts,
            Map<Integer, Long> countedFrom) throws SQLException {
        String table = Sql.table(built.name());
        try (Statement statement = connection.createStatement()) {
            statement.execute("savepoint tributary_backlog_key");
            try {
                statement.execute("alter table " + table + " add primary key (_key)");
                statement.execute("release savepoint tributary_backlog_key");
                return;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                statement.execute("rollback to savepoint tributary_backlog_key");
            }
        }
        try (PreparedStatement walk = connection.prepareStatement(REPEATED.formatted(table, counted(countedFrom)))) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            walk.setArray(1, pg.createArrayOf("int4", Arrays.copyOf(counts.latePartitions, counts.lateSeen)));
            walk.setArray(2, pg.createArrayOf("int8", Arrays.copyOf(counts.lateOffsets, counts.lateSeen)));
            try (ResultSet r = walk.executeQuery()) {
                while (r.next()) {
                    long repeats = r.getLong("repeats");
                    long corrections = r.getLong("corrections");
                    counts.duplicates += repeats;
                    counts.late -= r.getLong("late_repeats");
                    switch (CuratedRow.Status.valueOf(r.getString("_status").toUpperCase(Locale.ROOT))) {
                        case CURATED -> {
                            counts.curated -= repeats + corrections;
                            counts.corrected += corrections;
                        }
                        case FILTERED -> counts.filtered -= repeats;
                        case FAILED -> counts.failed -= repeats;
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(SUPERSEDED.formatted(table, "true"));
            statement.execute("alter table " + table + " add primary key (_key)");
        }
    }

    /**
     * Whether a row's record is counted: its offset is at or after its partition's in {@code countedFrom} (a partition
     * not named there is counted from its start). Numbers only, so written into the statement.
     */
    static String counted(Map<Integer, Long> countedFrom) {
        if (countedFrom.values().stream().allMatch(offset -> offset <= 0)) {
            return "true";
        }
        StringBuilder sql = new StringBuilder("_offset >= case _partition");
        countedFrom.forEach((partition, offset) -> sql.append(" when ").append((int) partition).append(" then ")
                .append((long) offset));
        return sql.append(" else 0 end").toString();
    }

    /**
     * The rows of the keys that came more than once, in the order ingestion accepted them, and whether each is counted
     * ({@code %2$s}, of {@link #counted}).
     */
    private static final String RUNS = """
            select ctid as id, _key, _status, _partition, _offset, row_number() over w as n, %2$s as counted,
                _hash is distinct from lag(_hash) over w as starts
            from %1$s where _key in (select _key from %1$s group by _key having count(*) > 1)
            window w as (partition by _key order by _accepted_at, _partition, _offset)
            """;

    /**
     * Per status, the rows after a key's first that repeat the row before (the live path counts them as duplicates),
     * the curated ones that differ from it (corrections), and the repeats among the rows counted late.
     */
    private static final String REPEATED = """
            select _status, count(*) filter (where counted and not starts) as repeats,
                count(*) filter (where counted and starts and n > 1) as corrections,
                count(*) filter (where counted and not starts and (_partition, _offset) in (
                    select * from unnest(?::integer[], ?::bigint[]))) as late_repeats
            from (%s) runs group by _status
            """.formatted(RUNS);

    /** Deletes every row of a repeated key but the first of its last run of equal rows. */
    private static final String SUPERSEDED = """
            delete from %%1$s where ctid in (
                select id from (select id, n, max(n) filter (where starts) over (partition by _key) as kept
                                from (%s) runs) marked
                where n <> kept)
            """.formatted(RUNS);

    /**
     * Replaces the pipeline's tables with the built ones under the pipeline's lock, the analysts' views made again
     * over them: the built tables and their indexes lose their leading underscore. A version stored meanwhile gets
     * its columns and tables as when it was stored.
     */
    private void swap(Connection connection, CompiledPipeline pipeline, CompiledPipeline built) throws SQLException {
        tables.lockPipeline(pipeline);
        views.dropOf(pipeline.name());
        List<String> served = CuratedTables.all(pipeline.name());
        List<String> made = CuratedTables.all(built.name());
        try (Statement statement = connection.createStatement()) {
            for (String table : served) {
                statement.execute("drop table if exists " + Sql.table(table));
            }
            for (int i = 0; i < made.size(); i++) {
                List<String> indexes = new ArrayList<>();
                try (PreparedStatement query = connection.prepareStatement("""
                        select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid
                        where i.indrelid = to_regclass(?)
                        """)) {
                    query.setString(1, Sql.table(made.get(i)));
                    try (ResultSet r = query.executeQuery()) {
                        while (r.next()) {
                            indexes.add(r.getString(1));
                        }
                    }
                }
                statement.execute("alter table if exists " + Sql.table(made.get(i)) + " rename to "
                        + Sql.quote(served.get(i)));
                for (String index : indexes) {
                    statement.execute("alter index " + CuratedTables.SCHEMA + "." + Sql.quote(index) + " rename to "
                            + Sql.quote(index.substring(1)));
                }
            }
        }
        Optional<CompiledPipeline> current = registry.find(pipeline.name());
        if (current.isPresent() && current.get().version() != pipeline.version()) {
            tables.ensure(current.get(), PipelineService.indexed(current.get()));
            aggregates.ensure(current.get());
            features.ensure(current.get());
        }
        views.makeOf(pipeline.name());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
