package io.tributary.benchmarks;

import static io.tributary.benchmarks.EndToEnd.log;
import static io.tributary.benchmarks.EndToEnd.seconds;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.generator.DumpFile;
import io.tributary.local.DemoLoader;
import io.tributary.local.LocalPostgres;
import io.tributary.local.Suite;
import io.tributary.transform.aggregate.AggregateRepository;
import io.tributary.transform.apply.AcceptedRecord;
import io.tributary.transform.apply.ConsumerOffsetRepository;
import io.tributary.transform.apply.RecordApplier;
import io.tributary.transform.curated.CopyText;
import io.tributary.transform.curated.CuratedRow;
import io.tributary.transform.curated.CuratedTableRepository;
import io.tributary.transform.curated.Sql;
import io.tributary.transform.features.FeatureRepository;
import io.tributary.transform.messaging.AcceptedRecordDeserializer;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.Outcome;
import io.tributary.transform.pipeline.PipelineCompiler;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.pipeline.PipelineReader;
import io.tributary.transform.pipeline.RowContext;
import io.tributary.transform.service.PipelineService;

/**
 * The backlog path of the transform, measured: what a pipeline could do with a large backlog of its dataset (a first
 * load, or the backfill a pipeline change starts) if it built its tables beside the served ones instead of applying
 * the records one poll at a time. A generated file is uploaded through ingestion with no pipeline declared, so that the
 * dataset's topic holds the whole backlog; then this program, with the transform service's own classes
 * (its record decoder {@link AcceptedRecordDeserializer}, the demo pipeline compiled by {@link PipelineCompiler}, the
 * curated row's columns, the repositories' own DDL and set-based statements), reads the topic with a plain
 * {@link KafkaConsumer}, decodes and runs the pipeline on {@code --threads} threads (one by default: on two cores one
 * decoding thread beside one PostgreSQL backend measured best), each streaming its curated rows into an unindexed
 * table {@code curated.sales_next} with {@code COPY} while the reader fetches, then builds the three indexes, the aggregate, the purchase histories and the co-purchase counts set-based, advances the consumer offsets and
 * swaps the new tables in for the served ones by renaming them, in one transaction. The same file's work done by
 * PostgreSQL alone ({@link SetBasedBound}) follows on the same PostgreSQL, and the run prints <b>bound / backlog
 * path</b>, with each stage's seconds and the CPU of every process.
 * <p>
 * {@code --compare} checks the path instead of timing it: the tables are built as {@code curated.sales_backlog*} and not
 * swapped in, the demo pipeline is then declared so that the service applies the same backlog record by record, and
 * every table is compared with the service's, value for value as text (the curated rows without {@code _curated_at},
 * the aggregate without its update times).
 * <p>
 * Before the measure, the path reads, decodes and runs the first {@code --warmup-records} (100,000) records of the
 * backlog and drops their rows, so that it is measured on compiled code, as a service up for a while would run it.
 * <p>
 * {@code --service} measures the transform service's own backlog path instead (decision 0061): once the file's
 * records are in the topic, the demo pipeline is declared and the time runs until serving counts every row, the
 * service building the backlog beside its tables and swapping it in; the run prints bound / service, and bound /
 * (upload until the batch is COMPLETED, plus that time), the whole way from the file to the tables. No warm-up: the
 * service's JIT compiles the path during the build (its CPU is reported).
 * <p>
 * Usage: {@code run-backlog-path.sh [rows, default 300000] [--threads 1] [--warmup-records 100000]
 * [--parallel-build] [--compare] [--service] [--keep]}. With one thread the rows are copied in the build's own transaction, into a
 * table created in it; with more, each thread copies on its own connection and commits, then the build runs in one
 * transaction; {@code --parallel-build} builds the indexes and the aggregate on one connection and the features on
 * another at once, each committed, before the swap's transaction.
 */
public final class BacklogPath {

    static final String SOURCE = "backlog";
    /** The served pipeline's name and the name its new tables are built under before the swap. */
    static final String SERVED = DemoLoader.DATASET;
    static final String BUILT = SERVED + "_next";
    static final String COMPARED = SERVED + "_backlog";
    /** Records handed to a decoding thread at a time. */
    static final int CHUNK = 2_000;
    /** Text of COPY data buffered by a decoding thread before it is sent. */
    static final int COPY_BUFFER = 256 * 1024;

    private final long rows;
    private final long warmupRecords;
    private final int threads;
    private final boolean oneTransaction;
    private final boolean parallelBuild;
    private final boolean compare;
    private final boolean service;
    private final boolean keep;
    private final Path root;
    private final EndToEnd bench = new EndToEnd();
    private CpuAccounting cpu = new CpuAccounting();
    private CpuAccounting.Snapshot boundStart;
    private CpuAccounting.Snapshot boundEnd;

    private BacklogPath(long rows, long warmupRecords, int threads, boolean oneTransaction, boolean parallelBuild,
            boolean compare, boolean service, boolean keep, Path root) {
        this.service = service;
        this.parallelBuild = parallelBuild;
        this.rows = rows;
        this.warmupRecords = warmupRecords;
        this.threads = threads;
        this.oneTransaction = oneTransaction;
        this.compare = compare;
        this.keep = keep;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        long rows = 300_000;
        long warmupRecords = 100_000;
        int threads = 1;
        boolean parallelBuild = false;
        boolean compare = false;
        boolean service = false;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--warmup-records" -> warmupRecords = Long.parseLong(args[++i]);
                case "--parallel-build" -> parallelBuild = true;
                case "--compare" -> compare = true;
                case "--service" -> service = true;
                case "--keep" -> keep = true;
                case "-h", "--help" -> {
                    System.out.println("usage: run-backlog-path.sh [rows, default 300000] [--threads 1] "
                            + "[--warmup-records 100000] [--parallel-build] [--compare] [--service] [--keep]");
                    return;
                }
                default -> rows = Long.parseLong(args[i].replace("_", "").replace(",", ""));
            }
        }
        boolean oneTransaction = threads == 1 && !parallelBuild;
        Path root = EndToEnd.repositoryRoot();
        EndToEnd.requirePackagedServices(root);
        new BacklogPath(rows, warmupRecords, threads, oneTransaction, parallelBuild, compare, service, keep, root)
                .run();
    }

    // ------------------------------------------------------------------ the run

    private void run() throws Exception {
        Path work = Files.createTempDirectory("tributary-backlog-path-");
        log("working directory " + work);
        log("services of " + root + " (" + EndToEnd.revision(root) + ")");
        log("machine: " + EndToEnd.machine());
        Suite suite = null;
        try {
            DataContract contract = ContractReader.read(
                    ContractReader.parse(DemoLoader.contractYaml(), ContractReader.Syntax.YAML), DemoLoader.DATASET);
            CompiledPipeline served = compile(contract, SERVED);
            CompiledPipeline built = compile(contract, compare ? COMPARED : BUILT);
            DumpFile file = GeneratedCsv.write(work.resolve("input"), rows, TransformBatch.SEED);
            Suite started = BenchSuite.start(work, root);
            suite = started;
            cpu = EndToEnd.accounting(started);
            declareWithoutPipeline(started);
            if (service) {
                double uploaded = upload(started, file);
                EndToEnd.settle(cpu);
                CpuAccounting.Snapshot declared = cpu.snapshot();
                double took = declareAndAwaitServing(started, file);
                CpuAccounting.Snapshot servedAt = cpu.snapshot();
                EndToEnd.printCpu("CPU time by process, declaration until serving counts every row:", declared,
                        servedAt);
                EndToEnd.settle(cpu);
                Map<String, Double> bound = bound(started, file, contract);
                double b = SetBasedBound.total(bound);
                log(String.format(Locale.ROOT, "RESULT the service's backlog path: %,d records, declaration until "
                        + "serving counts every row %.2f s; upload until COMPLETED %.2f s; bound %.2f s; bound / "
                        + "service %.2f; bound / (upload + service) %.2f; target >= 0.75", rows, took, uploaded, b,
                        b / took, b / (uploaded + took)));
                double boundCpu = CpuAccounting.partsSeconds(boundStart, boundEnd);
                log(CpuAccounting.floor("from the declaration until serving counted every row",
                        CpuAccounting.partsSeconds(declared, servedAt), boundCpu, b));
                return;
            }
            if (!compare) {
                try (Connection connection = connect(started)) {
                    ensureServed(connection, served);
                }
            }
            upload(started, file);
            if (warmupRecords > 0) {
                warmUp(started, built);
            }
            EndToEnd.settle(cpu);
            Stages stages = backlog(started, built, served);
            if (compare) {
                compareWithService(started, built, file);
                return;
            }
            EndToEnd.settle(cpu);
            Map<String, Double> bound = bound(started, file, contract);
            report(stages, bound);
        } finally {
            EndToEnd.stopSuite(suite, work, keep);
        }
    }

    /** The contract and a CSV source of the dataset, and no pipeline: the uploaded records stay in the topic. */
    private void declareWithoutPipeline(Suite suite) throws Exception {
        bench.signIn(suite);
        EndToEnd.expect(bench.send(HttpRequest.newBuilder(URI.create(suite.requirementsUrl() + "/api/contracts/"
                + DemoLoader.DATASET)).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(DemoLoader.contractYaml())), Duration.ofMinutes(1)), 200,
                201);
        String body = EndToEnd.JSON.writeValueAsString(Map.of("name", SOURCE, "dataset", DemoLoader.DATASET,
                "format", "CSV", "timeZone", DemoLoader.TIME_ZONE));
        EndToEnd.expect(bench.send(HttpRequest.newBuilder(URI.create(suite.ingestionUrl() + "/api/sources"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)),
                Duration.ofMinutes(1)), 201);
        log("declared the contract of '" + DemoLoader.DATASET + "' and the CSV source '" + SOURCE + "', no pipeline");
    }

    /**
     * Declares the demo pipeline over the dataset's backlog and waits until serving counts every row. @return the seconds
     * it took
     */
    private double declareAndAwaitServing(Suite suite, DumpFile file) throws Exception {
        long t0 = System.nanoTime();
        EndToEnd.expect(bench.send(HttpRequest.newBuilder(URI.create(suite.transformUrl() + "/api/pipelines/"
                + DemoLoader.DATASET)).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(DemoLoader.pipelineYaml())), Duration.ofMinutes(1)), 201);
        TransformBatch.awaitServing(bench, suite, file, rows);
        double took = seconds(System.nanoTime() - t0);
        log(String.format(Locale.ROOT, "the service: the pipeline declared over %,d records; serving counts every row "
                + "after %.2f s", rows, took));
        return took;
    }

    /**
     * Uploads the file and waits until ingestion has published every row to the dataset's topic. @return the seconds
     * it took
     */
    private double upload(Suite suite, DumpFile file) throws Exception {
        long t0 = System.nanoTime();
        String batchId = bench.upload(suite, SOURCE, file.path());
        while (true) {
            JsonNode batch = bench.batch(suite, batchId);
            String status = batch.path("status").asText();
            if (Set.of("COMPLETED", "FAILED", "AWAITING_REVIEW", "REJECTED").contains(status)) {
                if (!"COMPLETED".equals(status) || batch.path("accepted").asLong() != file.accepted()) {
                    throw new IllegalStateException("the batch did not accept every row: " + batch);
                }
                log(String.format(Locale.ROOT, "uploaded: batch COMPLETED after %.2f s, %,d records in the topic",
                        seconds(System.nanoTime() - t0), batch.path("accepted").asLong()));
                return seconds(System.nanoTime() - t0);
            }
            Thread.sleep(200);
        }
    }

    /**
     * The demo pipeline compiled as the service compiles it (its dataset's contract fields and their types), under
     * the given name: its tables are {@code curated.<name>*}.
     */
    static CompiledPipeline compile(DataContract contract, String name) {
        PipelineDefinition demo = PipelineReader.read(DemoLoader.pipelineYaml(), true);
        PipelineDefinition definition = new PipelineDefinition(name, demo.dataset(), demo.kind(), demo.key(),
                demo.eventTime(), demo.lateness(), demo.steps(), demo.aggregate(), demo.features());
        Map<String, FieldType> input = new LinkedHashMap<>();
        for (ContractProperty property : contract.properties()) {
            input.put(property.name(), FieldType.of(property.logicalType()));
        }
        return PipelineCompiler.compile(definition, 1, input, reference -> java.util.Optional.empty());
    }

    // ------------------------------------------------------------------ the backlog path

    /** Seconds of each stage, CPU snapshots at their ends and the CPU of this JVM's own threads of the path. */
    static final class Stages {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        final Map<String, CpuAccounting.Snapshot> ends = new LinkedHashMap<>();
        CpuAccounting.Snapshot start;
        String loadBefore;
        String loadAfter;
        long records;
        double threadsCpu;
        double readerCpu;

        double total() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * Reads the first records of the backlog, decodes them, runs the pipeline and writes their COPY text, which is
     * dropped, on the same threads: the JIT compiles the path's code before it is measured, as it would have in a
     * transform service that has been up for a while. Not counted.
     */
    private void warmUp(Suite suite, CompiledPipeline pipeline) throws Exception {
        long t0 = System.nanoTime();
        long read = read(suite, Channels.acceptedRecordsOf(DemoLoader.DATASET), pipeline, null, new HashMap<>(),
                new Stages(), warmupRecords);
        log(String.format(Locale.ROOT, "warm-up: %,d records read, decoded and run through the pipeline in %.2f s, "
                + "their rows dropped; not counted", read, seconds(System.nanoTime() - t0)));
    }

    private Stages backlog(Suite suite, CompiledPipeline built, CompiledPipeline served) throws Exception {
        Stages stages = new Stages();
        String topic = Channels.acceptedRecordsOf(DemoLoader.DATASET);
        stages.loadBefore = EndToEnd.loadAverage();
        stages.start = cpu.snapshot();
        long t0 = System.nanoTime();
        try (Connection build = connect(suite)) {
            AgroalDataSource source = dataSource(build);
            CuratedTableRepository tables = new CuratedTableRepository(source);
            build.setAutoCommit(!oneTransaction);
            dropTables(build, built.name());
            List<String> problems = tables.ensure(built, List.of());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the curated table does not fit the pipeline: " + problems);
            }
            try (Statement statement = build.createStatement()) {
                statement.execute("alter table " + Sql.table(built.name()) + " drop constraint "
                        + Sql.quote(built.name() + "_pkey"));
            }
            build.setAutoCommit(false);
            t0 = stage(stages, "create the unindexed table", t0);

            Map<Integer, Long> ends = new HashMap<>();
            stages.records = read(suite, topic, built, build, ends, stages, Long.MAX_VALUE);
            if (stages.records != rows) {
                throw new IllegalStateException("read " + stages.records + " records of the backlog, expected " + rows);
            }
            t0 = stage(stages, "read the topic, decode, run the pipeline, COPY the curated rows (overlapped)", t0);

            if (parallelBuild) {
                buildInParallel(suite, built);
                t0 = stage(stages, "indexes and aggregate beside the histories and co-purchases (two connections)", t0);
            } else {
                indexes(build, built);
                t0 = stage(stages, "its primary key, index by order, index by customer and product", t0);
                derived(build, built);
                t0 = stage(stages, "aggregate, purchase histories, co-purchase counts (the service's own rebuilds)",
                        t0);
            }
            if (!compare) {
                new ConsumerOffsetRepository(source).advance(RecordApplier.CONSUMER, topic, ends);
                swap(build, built.name(), served.name());
            }
            build.commit();
            stage(stages, compare ? "commit" : "offsets, swap by renaming, commit", t0);
        }
        stages.loadAfter = EndToEnd.loadAverage();
        log(String.format(Locale.ROOT, "backlog path: %,d records in %.2f s", stages.records, stages.total()));
        return stages;
    }

    /** The curated table's primary key and the service's own indexes of it. */
    private static void indexes(Connection connection, CompiledPipeline built) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table " + Sql.table(built.name()) + " add primary key (_key)");
        }
        log(String.format(Locale.ROOT, "  primary key: %.2f s", seconds(System.nanoTime() - t0)));
        t0 = System.nanoTime();
        new CuratedTableRepository(dataSource(connection)).ensure(built, PipelineService.indexed(built));
        log(String.format(Locale.ROOT, "  index by order, by customer and product: %.2f s",
                seconds(System.nanoTime() - t0)));
    }

    /** The aggregate, then the features: {@link #aggregate}, {@link #features}. */
    private static void derived(Connection connection, CompiledPipeline built) throws SQLException {
        aggregate(connection, built);
        features(connection, built);
    }

    /** The aggregate built by the service's own set-based rebuild. */
    private static void aggregate(Connection connection, CompiledPipeline built) throws SQLException {
        long t0 = System.nanoTime();
        new AggregateRepository(dataSource(connection)).ensure(built);
        log(String.format(Locale.ROOT, "  aggregate: %.2f s", seconds(System.nanoTime() - t0)));
    }

    /** The purchase histories and co-purchase counts built by the service's own set-based rebuild. */
    private static void features(Connection connection, CompiledPipeline built) throws SQLException {
        long t0 = System.nanoTime();
        new FeatureRepository(dataSource(connection)).ensure(built);
        log(String.format(Locale.ROOT, "  purchase histories and co-purchase counts: %.2f s",
                seconds(System.nanoTime() - t0)));
    }

    /**
     * The indexes and the aggregate on one connection, the features (the longest statement) on another, at once, each
     * committed: nothing reads the new tables until the swap renames them, so each may commit on its own, and
     * PostgreSQL uses both cores.
     */
    private static void buildInParallel(Suite suite, CompiledPipeline built) throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread indexing = new Thread(() -> {
            try (Connection connection = connect(suite)) {
                connection.setAutoCommit(false);
                indexes(connection, built);
                aggregate(connection, built);
                connection.commit();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "backlog-indexes");
        indexing.start();
        try (Connection connection = connect(suite)) {
            connection.setAutoCommit(false);
            features(connection, built);
            connection.commit();
        }
        indexing.join();
        if (failure[0] != null) {
            throw new IllegalStateException("building the indexes failed", failure[0]);
        }
    }

    private long stage(Stages stages, String name, long t0) {
        long now = System.nanoTime();
        stages.seconds.put(name, seconds(now - t0));
        stages.ends.put(name, cpu.snapshot());
        log(String.format(Locale.ROOT, "%s: %.2f s", name, seconds(now - t0)));
        return System.nanoTime();
    }

    /**
     * Reads the topic from its beginning to the end it had when reading started, on this thread, and hands chunks of
     * records to the decoding threads, each of which streams its rows into the table through its own COPY (on the
     * build's connection itself with one thread in one transaction); returns the records read, and puts each
     * partition's next offset into {@code ends}. Without a connection ({@code build} null) the rows are dropped and
     * reading stops after {@code limit} records: the warm-up.
     */
    private long read(Suite suite, String topic, CompiledPipeline pipeline, Connection build, Map<Integer, Long> ends,
            Stages stages, long limit) throws Exception {
        boolean drop = build == null;
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        long readerCpu0 = threadBean.getCurrentThreadCpuTime();
        BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> queue = new ArrayBlockingQueue<>(threads * 2);
        List<Decoder> decoders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Connection connection = drop ? null : oneTransaction ? build : connect(suite);
            if (!drop && !oneTransaction) {
                connection.setAutoCommit(false);
            }
            Decoder decoder = new Decoder(pipeline, connection, queue, !oneTransaction);
            decoder.setName("backlog-decoder-" + i);
            decoder.start();
            decoders.add(decoder);
        }
        long records = 0;
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            end.forEach((partition, offset) -> ends.put(partition.partition(), offset));
            Set<TopicPartition> open = new LinkedHashSet<>();
            end.forEach((partition, offset) -> {
                if (offset > 0) {
                    open.add(partition);
                }
            });
            List<ConsumerRecord<byte[], byte[]>> chunk = new ArrayList<>(CHUNK);
            while (!open.isEmpty() && records < limit) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    chunk.add(record);
                    records++;
                    if (chunk.size() == CHUNK) {
                        put(queue, chunk, decoders);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                open.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            }
            if (!chunk.isEmpty()) {
                put(queue, chunk, decoders);
            }
        }
        stages.readerCpu = seconds(threadBean.getCurrentThreadCpuTime() - readerCpu0);
        for (int i = 0; i < threads; i++) {
            put(queue, List.of(), decoders);
        }
        long copied = 0;
        for (Decoder decoder : decoders) {
            decoder.join();
            if (decoder.failure != null) {
                throw new IllegalStateException("a decoding thread failed", decoder.failure);
            }
            copied += decoder.copied;
            stages.threadsCpu += decoder.cpu;
            if (!drop && !oneTransaction) {
                decoder.connection.close();
            }
        }
        stages.threadsCpu += stages.readerCpu;
        if (!drop && copied != records) {
            throw new IllegalStateException("COPY took " + copied + " rows of " + records + " records read");
        }
        return records;
    }

    private static void put(BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> queue,
            List<ConsumerRecord<byte[], byte[]>> chunk, List<Decoder> decoders) throws InterruptedException {
        while (!queue.offer(chunk, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            for (Decoder decoder : decoders) {
                if (decoder.failure != null) {
                    throw new IllegalStateException("a decoding thread failed", decoder.failure);
                }
            }
        }
    }

    /**
     * A decoding thread: takes chunks of records until an empty one, decodes each as the transform's consumer does,
     * runs the pipeline, and streams the curated rows as COPY text through its own connection, committing at the end
     * unless the connection is the build's.
     */
    private static final class Decoder extends Thread {
        private final CompiledPipeline pipeline;
        private final Connection connection;
        private final BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> queue;
        private final boolean commit;
        private final AcceptedRecordDeserializer deserializer = new AcceptedRecordDeserializer(null);
        private final RowContext context = new DemoContext();
        private final List<String> columns;
        private final StringBuilder text = new StringBuilder(COPY_BUFFER + 16 * 1024);
        volatile Throwable failure;
        long copied;
        double cpu;

        Decoder(CompiledPipeline pipeline, Connection connection,
                BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> queue, boolean commit) {
            this.pipeline = pipeline;
            this.connection = connection;
            this.queue = queue;
            this.commit = commit;
            this.columns = new ArrayList<>(pipeline.output().keySet());
        }

        @Override
        public void run() {
            try {
                CopyIn copy = connection == null
                        ? null
                        : connection.unwrap(PGConnection.class).getCopyAPI().copyIn(CopyText.statement(pipeline));
                while (true) {
                    List<ConsumerRecord<byte[], byte[]>> chunk = queue.take();
                    if (chunk.isEmpty()) {
                        break;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : chunk) {
                        AcceptedRecord accepted = deserializer.deserialize(record.topic(), record.value());
                        CopyText.line(row(pipeline, accepted, record.partition(), record.offset(), context), columns,
                                text);
                        if (text.length() >= COPY_BUFFER) {
                            send(copy);
                        }
                    }
                }
                send(copy);
                if (copy == null) {
                    return;
                }
                copied = copy.endCopy();
                if (commit) {
                    connection.commit();
                }
            } catch (Throwable e) {
                failure = e;
            } finally {
                cpu = seconds(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            }
        }

        /** Sends the buffered text, or drops it without a COPY (the warm-up). */
        private void send(CopyIn copy) throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (copy != null) {
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            text.setLength(0);
        }
    }

    /**
     * The curated row the service's per-record path stores for a record read from the topic for the first time (the
     * same columns as {@code PipelineWriter}'s row: the outcome's key and status, the record's identity, batch,
     * position, partition, offset, hash, input and acceptance time).
     */
    static CuratedRow row(CompiledPipeline pipeline, AcceptedRecord accepted, int partition, long offset,
            RowContext context) {
        RecordEvent event = accepted.event();
        String businessKey = event.id().toString();
        Outcome outcome;
        try {
            outcome = pipeline.run(event.data(), event.sourceName(), businessKey, context);
        } catch (RuntimeException e) {
            outcome = new Outcome.Failed(businessKey, "evaluation", null, "the record could not be evaluated: " + e);
        }
        CuratedRow.Status status = outcome instanceof Outcome.Curated
                ? CuratedRow.Status.CURATED
                : outcome instanceof Outcome.Filtered ? CuratedRow.Status.FILTERED : CuratedRow.Status.FAILED;
        Map<String, Object> values = outcome instanceof Outcome.Curated curated ? curated.values() : Map.of();
        List<String> pending = outcome instanceof Outcome.Curated curated ? curated.pending() : List.of();
        return new CuratedRow(outcome.key(), event.id(), event.sourceName(), event.tributarybatch(),
                event.tributaryposition(), partition, offset, pipeline.version(), accepted.hash(), status, pending,
                accepted.input(), event.time(), values);
    }

    /** The demo pipeline looks nothing up and converts no local times; its sources' zone is the demo's. */
    private static final class DemoContext implements RowContext {
        @Override
        public Map<String, Object> reference(String pipeline, String key) {
            throw new IllegalStateException("the demo pipeline looks nothing up");
        }

        @Override
        public ZoneId zoneOf(String source) {
            return ZoneId.of(DemoLoader.TIME_ZONE);
        }
    }

    /** The served pipeline's tables as the service creates them when the pipeline is declared: empty here. */
    private static void ensureServed(Connection connection, CompiledPipeline served) throws SQLException {
        AgroalDataSource source = dataSource(connection);
        List<String> problems = new CuratedTableRepository(source).ensure(served, PipelineService.indexed(served));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        new AggregateRepository(source).ensure(served);
        new FeatureRepository(source).ensure(served);
    }

    private static void dropTables(Connection connection, String pipeline) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : CuratedTables.all(pipeline)) {
                statement.execute("drop table if exists " + Sql.table(table));
            }
        }
    }

    /**
     * Replaces the served tables with the built ones in the caller's transaction: the old ones dropped, the new ones and
     * their indexes renamed to the served names. Readers of the served tables wait for the commit, then read the new.
     */
    static void swap(Connection connection, String built, String served) throws SQLException {
        dropTables(connection, served);
        List<String> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            List<String> builtTables = CuratedTables.all(built);
            List<String> servedTables = CuratedTables.all(served);
            for (int i = 0; i < builtTables.size(); i++) {
                statement.execute("alter table if exists " + Sql.table(builtTables.get(i)) + " rename to "
                        + Sql.quote(servedTables.get(i)));
            }
            try (ResultSet result = statement.executeQuery("select indexname from pg_indexes where schemaname = '"
                    + CuratedTables.SCHEMA + "' and indexname like '" + built.replace("_", "\\_") + "\\_%'")) {
                while (result.next()) {
                    indexes.add(result.getString(1));
                }
            }
            for (String index : indexes) {
                statement.execute("alter index " + CuratedTables.SCHEMA + "." + Sql.quote(index) + " rename to "
                        + Sql.quote(served + index.substring(built.length())));
            }
        }
    }

    /**
     * A data source that hands out the one connection, whose {@code close} is ignored: the service's repositories then
     * run their statements in the caller's transaction.
     */
    static AgroalDataSource dataSource(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(BacklogPath.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (AgroalDataSource) Proxy.newProxyInstance(BacklogPath.class.getClassLoader(),
                new Class<?>[]{AgroalDataSource.class, DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Connection connect(Suite suite) throws SQLException {
        return DriverManager.getConnection(suite.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    // ------------------------------------------------------------------ the comparison with the service

    /**
     * Declares the demo pipeline, waits until the service has applied the whole backlog record by record, and compares
     * each of its tables with the one the backlog path built; fails on any difference.
     */
    private void compareWithService(Suite suite, CompiledPipeline built, DumpFile file) throws Exception {
        EndToEnd.expect(bench.send(HttpRequest.newBuilder(URI.create(suite.transformUrl() + "/api/pipelines/"
                + SERVED)).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(DemoLoader.pipelineYaml())), Duration.ofMinutes(1)), 200,
                201);
        log("declared the pipeline: the service applies the backlog record by record");
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            JsonNode pipeline = bench.pipeline(suite);
            long received = pipeline.path("counts").path("received").asLong();
            if (received >= file.accepted() && pipeline.path("lagRecords").asLong() == 0) {
                log("the service applied " + received + " records: " + pipeline.path("counts"));
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the service did not apply the backlog: " + pipeline);
            }
            Thread.sleep(500);
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"table (service / backlog path)", "rows, service", "rows, backlog path",
                "rows of one not in the other"});
        long differences = 0;
        List<String> servedTables = CuratedTables.all(SERVED);
        List<String> builtTables = CuratedTables.all(built.name());
        try (Connection connection = connect(suite); Statement statement = connection.createStatement()) {
            for (int i = 0; i < servedTables.size(); i++) {
                String a = Sql.table(servedTables.get(i));
                String b = Sql.table(builtTables.get(i));
                List<String> columns = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("select column_name from information_schema.columns "
                        + "where table_schema = '" + CuratedTables.SCHEMA + "' and table_name = '"
                        + servedTables.get(i) + "' order by ordinal_position")) {
                    while (result.next()) {
                        columns.add(result.getString(1));
                    }
                }
                columns.removeAll(List.of("_curated_at", AggregateLayout.UPDATED_AT, AggregateLayout.RESTATED_AT));
                String select = columns.stream().map(c -> Sql.quote(c) + "::text").collect(Collectors.joining(", "));
                long rowsA = count(statement, "select count(*) from " + a);
                long rowsB = count(statement, "select count(*) from " + b);
                long diff = count(statement, "select count(*) from ((select " + select + " from " + a
                        + " except all select " + select + " from " + b + ") union all (select " + select + " from "
                        + b + " except all select " + select + " from " + a + ")) d");
                differences += diff + (rowsA == 0 ? 1 : 0);
                table.add(new String[]{servedTables.get(i) + " / " + builtTables.get(i),
                        String.format(Locale.ROOT, "%,d", rowsA), String.format(Locale.ROOT, "%,d", rowsB),
                        String.format(Locale.ROOT, "%,d", diff)});
            }
        }
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "## The backlog path against the per-record path, %,d rows, "
                + "%s", rows, Instant.now()));
        System.out.println();
        System.out.println("Every column compared as text (the curated rows without `_curated_at`, the aggregate "
                + "without `_updated_at` and `_restated_at`).");
        System.out.println();
        EndToEnd.printTable(table);
        System.out.println();
        if (differences != 0) {
            throw new IllegalStateException("the backlog path's tables differ from the service's");
        }
        System.out.println("The tables are equal, value for value.");
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    // ------------------------------------------------------------------ the bound and the report

    private Map<String, Double> bound(Suite suite, DumpFile file, DataContract contract) throws Exception {
        try (Connection connection = connect(suite); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists bench_bound cascade");
            statement.execute("create schema bench_bound");
            statement.execute("set search_path = bench_bound");
            statement.execute("checkpoint");
            boundStart = cpu.snapshot();
            Map<String, Double> steps = SetBasedBound.measure(connection, file, contract);
            boundEnd = cpu.snapshot();
            statement.execute("drop schema bench_bound cascade");
            log(String.format(Locale.ROOT, "bound: %.2f s", SetBasedBound.total(steps)));
            return steps;
        }
    }

    private void report(Stages stages, Map<String, Double> bound) {
        double total = stages.total();
        double boundSeconds = SetBasedBound.total(bound);
        System.out.println();
        System.out.println("## Backlog path, " + Instant.now() + ", " + EndToEnd.machine());
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "%,d rows (generator, seed %d, 1 day), demo contract and "
                + "pipeline; %d decoding thread(s), text COPY, %s; load average before %s, after %s.", rows,
                TransformBatch.SEED, threads, oneTransaction
                        ? "the rows copied in the build's own transaction"
                        : parallelBuild
                                ? "each thread's COPY committed, the indexes and the derived tables built on two "
                                        + "connections at once, then the swap in one transaction"
                                : "each thread's COPY committed, then the build in one transaction",
                stages.loadBefore, stages.loadAfter));
        System.out.println();
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"stage", "seconds", "other load"});
        CpuAccounting.Snapshot from = stages.start;
        for (Map.Entry<String, Double> stage : stages.seconds.entrySet()) {
            CpuAccounting.Snapshot to = stages.ends.get(stage.getKey());
            table.add(new String[]{stage.getKey(), String.format(Locale.ROOT, "%.2f", stage.getValue()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * CpuAccounting.otherShare(from, to))});
            from = to;
        }
        table.add(new String[]{"**backlog path, in all**", String.format(Locale.ROOT, "%.2f", total), ""});
        EndToEnd.printTable(table);
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "Set-based bound (the same file, the pipeline's work by the "
                + "same PostgreSQL alone: COPY, then one statement per table): %.2f s. **Ratio bound / backlog path: "
                + "%.2f**; target >= 0.75: %s.", boundSeconds, boundSeconds / total,
                boundSeconds / total >= 0.75 ? "MET" : "NOT MET"));
        CpuAccounting.Snapshot end = stages.ends.values().stream().reduce((a, b) -> b).orElseThrow();
        EndToEnd.printCpu("CPU time by process, the backlog path:", stages.start, end);
        double postgres = CpuAccounting.seconds(stages.start, end, "PostgreSQL (all backends)");
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "The path's own threads in the benchmark JVM (reading the topic, "
                + "decoding, the pipeline, COPY text): %.2f CPU s, %.1f µs per record (the reader %.2f s); "
                + "PostgreSQL %.1f µs per record.", stages.threadsCpu, 1e6 * stages.threadsCpu / stages.records,
                stages.readerCpu, 1e6 * postgres / stages.records));
        System.out.println(String.format(Locale.ROOT, "The bound: PostgreSQL %.1f µs per record (other processes %.0f%% "
                + "of the machine meanwhile).",
                1e6 * CpuAccounting.seconds(boundStart, boundEnd,
                        "PostgreSQL (all backends)") / rows,
                100 * CpuAccounting.otherShare(boundStart, boundEnd)));
        System.out.println();
        System.out.println("The set-based bound, step by step:");
        System.out.println();
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[]{"step", "seconds"});
        steps.addAll(SetBasedBound.rows(bound));
        EndToEnd.printTable(steps);
    }
}
