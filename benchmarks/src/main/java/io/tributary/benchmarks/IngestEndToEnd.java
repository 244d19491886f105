package io.tributary.benchmarks;

import static io.tributary.benchmarks.EndToEnd.accounting;
import static io.tributary.benchmarks.EndToEnd.expect;
import static io.tributary.benchmarks.EndToEnd.jcmd;
import static io.tributary.benchmarks.EndToEnd.loadAverage;
import static io.tributary.benchmarks.EndToEnd.log;
import static io.tributary.benchmarks.EndToEnd.printTable;
import static io.tributary.benchmarks.EndToEnd.repositoryRoot;
import static io.tributary.benchmarks.EndToEnd.requirePackagedServices;
import static io.tributary.benchmarks.EndToEnd.revision;
import static io.tributary.benchmarks.EndToEnd.seconds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.generator.DumpFile;
import io.tributary.local.DemoLoader;
import io.tributary.local.LocalPostgres;
import io.tributary.local.ServiceProcess;
import io.tributary.local.Session;
import io.tributary.local.Suite;
import io.tributary.local.TributaryService;

/**
 * End-to-end ingestion benchmark: one generated CSV file uploaded over HTTP to the packaged ingestion service until
 * its batch is COMPLETED (every accepted record acknowledged by Kafka). No pipeline is declared, so the transform
 * service stays idle and the figure is ingestion's own (the transform benchmarks measure the way to serving).
 * Side by side in the same run with the physical reference, PostgreSQL {@code COPY ... FROM STDIN} of the
 * same file into a table of the same shape on the same PostgreSQL server (what {@code psql \copy} sends on the wire).
 * <p>
 * A smaller file of another year is ingested first and not counted, so that the services run compiled code, as a suite
 * that has been up for a while does ({@code --warmup-rows}, 0 for none). After one such file the JIT compiler still
 * compiled the batch path's methods at its top tier for the first time during the measured file (the contract check,
 * the event's JSON, the Kafka producer's append: a third of the service's CPU), so further warm-up files of other years
 * follow until the ingestion service's JIT compiler threads used under {@link #WARM_JIT_SHARE} of its CPU during the
 * last one, at most {@code --warmup-files} files in all (4; 1 measures after a single warm-up file, as before).
 * <p>
 * With {@code --peer} (what {@code run-peer.sh} runs), a real peer is measured in the same run too: Apache Kafka
 * Connect's file source connector streaming the same file's lines into the same broker ({@link KafkaConnectPeer}).
 * <p>
 * Usage: {@code run-e2e.sh [rows] [--warmup-rows 200000] [--warmup-files 4] [--jfr] [--keep] [--peer]}; the
 * repository root comes from {@code -Dtributary.root}.
 */
public final class IngestEndToEnd {

    static final long SEED = 20_240_101L;
    static final String SOURCE = "bench";
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "AWAITING_REVIEW", "REJECTED");
    private static final Duration BATCH_LIMIT = Duration.ofMinutes(30);
    private static final Duration SERVING_LIMIT = Duration.ofMinutes(30);
    private static final Duration BATCH_POLL = Duration.ofMillis(50);
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration SERVING_POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEER = "Kafka Connect worker (peer)";
    /** The share of the ingestion service's CPU during a warm-up file under which its JIT counts as done. */
    static final double WARM_JIT_SHARE = 0.10;

    private final long rows;
    private final long warmupRows;
    private final int warmupFiles;
    /** The warm-up files ingested, and the JIT's share of the ingestion service's CPU during the last. */
    private int warmedFiles;
    private double lastWarmUpJitShare = -1;
    private final boolean jfr;
    private final boolean keep;
    private final boolean peer;
    private final Path root;
    private CpuAccounting cpu = new CpuAccounting();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** The suite's admin, signed in once the suite is up; every call carries its token. */
    private Session session;

    private IngestEndToEnd(long rows, long warmupRows, int warmupFiles, boolean jfr, boolean keep, boolean peer,
            Path root) {
        this.rows = rows;
        this.peer = peer;
        this.warmupRows = warmupRows;
        this.warmupFiles = warmupFiles;
        this.jfr = jfr;
        this.keep = keep;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        long warmupRows = 200_000;
        int warmupFiles = 4;
        boolean jfr = false;
        boolean keep = false;
        boolean peer = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jfr" -> jfr = true;
                case "--keep" -> keep = true;
                case "--peer" -> peer = true;
                case "--warmup-rows" -> warmupRows = Long.parseLong(args[++i]);
                case "--warmup-files" -> warmupFiles = Math.max(1, Integer.parseInt(args[++i]));
                case "-h", "--help" -> {
                    System.out.println("usage: run-e2e.sh [rows, default 1000000] [--warmup-rows 200000] "
                            + "[--warmup-files 4] [--jfr] [--keep] [--peer]");
                    return;
                }
                default -> rows = Long.parseLong(args[i].replace("_", "").replace(",", ""));
            }
        }
        Path root = repositoryRoot();
        requirePackagedServices(root);
        new IngestEndToEnd(rows, warmupRows, warmupFiles, jfr, keep, peer, root).run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("tributary-e2e-");
        log("working directory " + work);
        log("services of " + root + " (" + revision(root) + ")");
        log("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage()
                + ", " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        Suite suite = null;
        try {
            long g0 = System.nanoTime();
            DumpFile file = GeneratedCsv.write(work.resolve("input"), rows, SEED);
            DumpFile warmup = warmupRows == 0 ? null : GeneratedCsv.writeWarmUp(work.resolve("warm-up"), warmupRows);
            long bytes = Files.size(file.path());
            log(String.format(Locale.ROOT, "generated %,d rows, %.1f MB in %.1f s: %s", rows, mb(bytes),
                    seconds(System.nanoTime() - g0), file.path()));

            Suite started = BenchSuite.start(work, root);
            suite = started;
            session = Session.admin(started);
            cpu = accounting(started);
            DataContract contract = ContractReader.read(
                    ContractReader.parse(DemoLoader.contractYaml(), ContractReader.Syntax.YAML), DemoLoader.DATASET);

            Timing copyBefore = copyReference(suite, file, contract, "bench_copy_before");
            Timing tributary = tributary(suite, file, warmup, work);
            Timing copyAfter = copyReference(suite, file, contract, "bench_copy_after");
            Timing kafka = kafkaFloor(suite);
            Timing connect = peer ? peer(suite, file, warmup, work.resolve("connect")) : null;
            report(file, bytes, copyBefore, copyAfter, tributary, kafka, connect);
        } finally {
            EndToEnd.stopSuite(suite, work, keep);
        }
    }

    // ------------------------------------------------------------------ the reference: COPY FROM STDIN

    /**
     * COPY of the file into a new table whose columns are the file's, typed as the contract types them (integer:
     * bigint, number: numeric, date: date, else text; required: NOT NULL), in its own transaction.
     */
    private Timing copyReference(Suite suite, DumpFile file, DataContract contract, String table)
            throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(suite.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + table);
            statement.execute(createTable(table, file.columns(), contract));
            statement.execute("checkpoint");
            // the dumps write US dates (1/31/2018)
            statement.execute("set datestyle = 'ISO, MDY'");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)";
            log("reference: " + sql + "  (what psql \\copy sends)");
            CpuAccounting.Snapshot from = cpu.snapshot();
            long t0 = System.nanoTime();
            long copied;
            try (InputStream in = Files.newInputStream(file.path())) {
                copied = copy.copyIn(sql, in, 64 * 1024);
            }
            long elapsed = System.nanoTime() - t0;
            CpuAccounting.Snapshot to = cpu.snapshot();
            if (copied != rows) {
                throw new IllegalStateException("COPY took " + copied + " rows, expected " + rows);
            }
            log(String.format(Locale.ROOT, "reference: %,d rows in %.2f s", copied, seconds(elapsed)));
            Timing timing = new Timing();
            timing.total = elapsed;
            timing.start = from;
            timing.completed = to;
            return timing;
        }
    }

    static String createTable(String table, List<String> columns, DataContract contract) {
        Map<String, ContractProperty> bySource = new LinkedHashMap<>();
        contract.properties().forEach(p -> bySource.put(p.sourceName(), p));
        StringBuilder sql = new StringBuilder("create table ").append(table).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            ContractProperty p = bySource.get(columns.get(i));
            String type = p == null ? "text" : switch (p.logicalType()) {
                case INTEGER -> "bigint";
                case NUMBER -> "numeric";
                case DATE -> "date";
                case BOOLEAN -> "boolean";
                case TIMESTAMP -> "timestamptz";
                default -> "text";
            };
            sql.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).replace("\"", "\"\"")).append("\" ")
                    .append(type).append(p != null && p.required() ? " not null" : "");
        }
        return sql.append(')').toString();
    }

    // ------------------------------------------------------------------ the second reference: the Kafka hop alone

    private Timing kafkaFloor(Suite suite) throws Exception {
        log(String.format(Locale.ROOT, "reference: a bare producer sends %,d of the batch's events to Kafka (after "
                + "%,d not counted)", rows, KafkaFloor.WARM_UP));
        KafkaFloor.Result result = KafkaFloor.measure(suite.kafkaBootstrapServers(), rows, cpu);
        Timing timing = new Timing();
        timing.total = result.nanos();
        timing.eventBytes = result.eventBytes();
        timing.start = result.from();
        timing.completed = result.to();
        log(String.format(Locale.ROOT, "reference: Kafka alone took %.2f s, events of %.0f bytes on average",
                seconds(timing.total), timing.eventBytes));
        return timing;
    }

    // ------------------------------------------------------------------ the peer: Kafka Connect's file source

    private Timing peer(Suite suite, DumpFile file, DumpFile warmup, Path work) throws Exception {
        log("peer: Apache Kafka Connect (standalone) streams the file's lines into the suite's broker");
        try (KafkaConnectPeer connect = KafkaConnectPeer.start(suite.kafkaBootstrapServers(), work)) {
            cpu.add(PEER, () -> connect.process().stream().toList(), false);
            if (warmup != null) {
                connect.warmUp(warmup.path());
                EndToEnd.settle(cpu);
            }
            KafkaConnectPeer.Result result = connect.measure(file.path(), cpu);
            Timing timing = new Timing();
            timing.total = result.nanos();
            timing.records = result.records();
            timing.start = result.from();
            timing.completed = result.to();
            return timing;
        }
    }

    // ------------------------------------------------------------------ Tributary: upload until the batch is published

    private Timing tributary(Suite suite, DumpFile file, DumpFile warmup, Path work) throws Exception {
        putContract(suite);
        registerSource(suite);
        ServiceProcess ingestion = suite.service(TributaryService.INGESTION);
        if (warmup != null) {
            warmUp(suite, warmup, work, ingestion);
        }
        HeapSampler heap = new HeapSampler(http, ingestion.baseUrl(), ingestion.pid(), session::authorization);
        heap.sampleOnce();
        Timing timing = new Timing();
        timing.heapBefore = heap.lastHeapUsed();
        Path recording = work.resolve("ingestion.jfr");
        if (jfr) {
            jcmd(ingestion.pid(), "JFR.start", "name=e2e", "settings=profile", "filename=" + recording);
        }
        heap.start();
        timing.start = cpu.snapshot();
        long t0 = System.nanoTime();
        String batchId = upload(suite, file.path());
        timing.upload = System.nanoTime() - t0;
        log(String.format(Locale.ROOT, "tributary: upload answered 202 after %.2f s, batch %s", seconds(timing.upload),
                batchId));
        JsonNode batch = awaitBatch(suite, batchId, ingestion.pid());
        timing.total = System.nanoTime() - t0;
        timing.completed = cpu.snapshot();
        if (jfr) {
            jcmd(ingestion.pid(), "JFR.stop", "name=e2e");
        }
        String status = batch.path("status").asText();
        log(String.format(Locale.ROOT, "tributary: batch %s after %.2f s: received %d, accepted %d, quarantined %d, "
                + "duplicates %d", status, seconds(timing.total), batch.path("received").asLong(),
                batch.path("accepted").asLong(), batch.path("quarantined").asLong(),
                batch.path("duplicates").asLong()));
        if (!"COMPLETED".equals(status) || batch.path("accepted").asLong() != rows) {
            throw new IllegalStateException("the batch did not accept every row: " + batch);
        }
        timing.serverProcessing = Duration.between(Instant.parse(batch.path("startedAt").asText()),
                Instant.parse(batch.path("completedAt").asText())).toNanos();
        heap.stop();
        timing.heapMax = heap.maxHeapUsed();
        timing.oldGenMax = heap.maxOldGen();
        timing.rssPeak = heap.peakRss();
        timing.heapSamples = heap.samples();
        if (jfr) {
            Path kept = Path.of("target", "e2e-ingestion-" + rows + ".jfr").toAbsolutePath();
            Files.createDirectories(kept.getParent());
            Files.copy(recording, kept, StandardCopyOption.REPLACE_EXISTING);
            log("JFR recording of the ingestion service: " + kept);
            JfrHotspots.main(new String[]{kept.toString()});
        }
        return timing;
    }

    /**
     * Ingests warm-up files, not counted, each of another year, until the ingestion service's JIT compiler threads
     * used under {@link #WARM_JIT_SHARE} of its CPU during one (or {@code warmupFiles} of them), the suite settled
     * after each.
     */
    private void warmUp(Suite suite, DumpFile first, Path work, ServiceProcess ingestion) throws Exception {
        String service = TributaryService.INGESTION.module();
        for (int n = 1; n <= warmupFiles; n++) {
            DumpFile warmup = n == 1 ? first : GeneratedCsv.writeApart(work.resolve("warm-up-" + n), warmupRows, n);
            CpuAccounting.Snapshot from = cpu.snapshot();
            long w0 = System.nanoTime();
            JsonNode warmed = awaitBatch(suite, upload(suite, warmup.path()), ingestion.pid());
            CpuAccounting.Snapshot to = cpu.snapshot();
            double used = CpuAccounting.seconds(from, to, service);
            double jit = CpuAccounting.compilerSeconds(from, to, service);
            warmedFiles = n;
            lastWarmUpJitShare = used > 0 ? jit / used : -1;
            log(String.format(Locale.ROOT, "warm-up %d: %,d rows %s after %.2f s, not counted; ingestion %.1f CPU s, "
                    + "of which JIT %.1f (%.0f%%)", n, warmupRows, warmed.path("status").asText(),
                    seconds(System.nanoTime() - w0), used, jit, 100 * lastWarmUpJitShare));
            EndToEnd.settle(cpu);
            if (used <= 0 || jit < WARM_JIT_SHARE * used) {
                return;
            }
        }
    }

    private void putContract(Suite suite) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(suite.requirementsUrl() + "/api/contracts/" + DemoLoader.DATASET))
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(DemoLoader.contractYaml())), Duration.ofMinutes(1));
        expect(response, 200, 201);
    }

    private void registerSource(Suite suite) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("name", SOURCE, "dataset", DemoLoader.DATASET, "format", "CSV",
                "timeZone", DemoLoader.TIME_ZONE));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(suite.ingestionUrl() + "/api/sources"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Duration.ofMinutes(1));
        expect(response, 201);
    }

    private String upload(Suite suite, Path file) throws IOException, InterruptedException {
        String url = suite.ingestionUrl() + "/api/sources/" + SOURCE + "/files?fileName="
                + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)), Duration.ofMinutes(30));
        expect(response, 202);
        return JSON.readTree(response.body()).path("id").asText();
    }

    /**
     * Polls the batch until it is finished. The batch's counts are written only at its end, so a batch whose thread
     * died (an Error such as OutOfMemoryError is neither caught nor logged by the service) would look as if it were
     * still running: when the service has used next to no CPU for a minute, the batch is reported as stalled.
     */
    private JsonNode awaitBatch(Suite suite, String id, long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BATCH_LIMIT.toNanos();
        CpuAccounting ingestion = new CpuAccounting().add("ingestion", () -> ProcessHandle.of(pid).stream().toList(),
                false);
        CpuAccounting.Snapshot idleSince = ingestion.snapshot();
        while (true) {
            HttpResponse<String> response = send(
                    HttpRequest.newBuilder(URI.create(suite.ingestionUrl() + "/api/batches/" + id)).GET(),
                    Duration.ofSeconds(30));
            expect(response, 200);
            JsonNode batch = JSON.readTree(response.body());
            if (FINISHED.contains(batch.path("status").asText())) {
                return batch;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("batch " + id + " did not finish within " + BATCH_LIMIT + ": " + batch);
            }
            CpuAccounting.Snapshot now = ingestion.snapshot();
            double busy = CpuAccounting.seconds(idleSince, now, "ingestion");
            if (busy > 2) {
                idleSince = now;
            } else if (busy >= 0 && now.nanos() - idleSince.nanos() > STALL.toNanos()) {
                throw new IllegalStateException("batch " + id + " is stalled: still " + batch.path("status").asText()
                        + " but the ingestion service used " + busy + " s of CPU in the last " + STALL.toSeconds()
                        + " s, so its batch thread has probably died (an OutOfMemoryError there is not logged). Its "
                        + "garbage collector so far (jstat -gcutil; FGC/FGCT = full collections and their seconds):"
                        + System.lineSeparator() + jdkTool("jstat", "-gcutil", Long.toString(pid)));
            }
            Thread.sleep(BATCH_POLL.toMillis());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout)
            throws IOException, InterruptedException {
        return http.send(request.timeout(timeout).header("Accept", "application/json")
                .header("Authorization", session.authorization()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The output of a JDK tool, or why there is none. */
    private static String jdkTool(String tool, String... args) {
        Path path = Path.of(System.getProperty("java.home"), "bin", tool);
        List<String> line = new ArrayList<>(List.of(Files.isExecutable(path) ? path.toString() : tool));
        line.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(1, TimeUnit.MINUTES);
            return output;
        } catch (IOException e) {
            return "(" + tool + " failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    // ------------------------------------------------------------------ the report

    /** Elapsed times in nanoseconds; heap figures in bytes, -1 when unknown. */
    private static final class Timing {
        long total;
        long upload;
        long serverProcessing;
        long heapBefore = -1;
        long heapMax = -1;
        long oldGenMax = -1;
        long rssPeak = -1;
        int heapSamples;
        double eventBytes;
        long records;
        CpuAccounting.Snapshot start;
        CpuAccounting.Snapshot completed;
    }

    private void report(DumpFile file, long bytes, Timing copyBefore, Timing copyAfter, Timing tributary,
            Timing kafka, Timing connect) {
        long copyBest = Math.min(copyBefore.total, copyAfter.total);
        double mb = mb(bytes);
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"measure", "rows", "MB", "seconds", "rows/s", "MB/s", "vs COPY (best)",
                "other load"});
        table.add(row("COPY FROM STDIN (psql \\copy), before", copyBefore.total, mb, copyBest,
                CpuAccounting.otherShare(copyBefore.start, copyBefore.completed)));
        table.add(row("COPY FROM STDIN (psql \\copy), after", copyAfter.total, mb, copyBest,
                CpuAccounting.otherShare(copyAfter.start, copyAfter.completed)));
        table.add(row("Tributary: upload answered (202, file durable)", tributary.upload, mb, copyBest, -1));
        table.add(row("Tributary: upload until batch COMPLETED", tributary.total, mb, copyBest,
                CpuAccounting.otherShare(tributary.start, tributary.completed)));
        table.add(row("  of which server-side processing (startedAt..completedAt)", tributary.serverProcessing, mb,
                copyBest, -1));
        table.add(row(String.format(Locale.ROOT, "Kafka alone: bare producer, the batch's events (%.0f B each)",
                kafka.eventBytes), kafka.total, mb, copyBest,
                CpuAccounting.otherShare(kafka.start, kafka.completed)));
        if (connect != null) {
            table.add(row(String.format(Locale.ROOT, "Peer: Kafka Connect file source, the file's %,d lines",
                    connect.records), connect.total, mb, copyBest,
                    CpuAccounting.otherShare(connect.start, connect.completed)));
        }
        System.out.println();
        System.out.println("## End-to-end ingestion, " + Instant.now() + ", " + Runtime.getRuntime()
                .availableProcessors() + " cores, load average now " + loadAverage());
        System.out.println();
        System.out.println("File: " + file.path().getFileName() + String.format(Locale.ROOT,
                ", %,d rows, %.1f MB, %d columns, seed %d (generator, 1 day, no anomalies)", rows, mb,
                file.columns().size(), SEED));
        System.out.println("Reference: COPY ... FROM STDIN WITH (FORMAT csv, HEADER true) through pgjdbc's CopyManager "
                + "(the wire protocol of psql \\copy), into a table typed as the contract, on the suite's PostgreSQL.");
        if (warmedFiles > 0) {
            System.out.println(String.format(Locale.ROOT, "Warm-up before Tributary's measure, not counted: %d file(s) "
                    + "of %,d rows; the ingestion service's JIT compiler threads %.0f%% of its CPU during the last "
                    + "(--warmup-files %d, done under %.0f%%)", warmedFiles, warmupRows, 100 * lastWarmUpJitShare,
                    warmupFiles, 100 * WARM_JIT_SHARE));
        }
        System.out.println();
        printTable(table);
        System.out.println();
        System.out.println(String.format(Locale.ROOT,
                "Ratio Tributary (until COMPLETED) / COPY: %.2f (the target is at least 0.50)",
                (double) copyBest / tributary.total));
        System.out.println(String.format(Locale.ROOT,
                "Ratio Tributary (until COMPLETED) / Kafka alone: %.2f (the target is at least 0.80)",
                (double) kafka.total / tributary.total));
        if (connect != null) {
            System.out.println(String.format(Locale.ROOT,
                    "Records/s: Tributary %,.0f, the Kafka Connect peer %,.0f (lines, header included); "
                            + "Tributary / peer: %.2f (the target is at least 1.00)",
                    rows / seconds(tributary.total), connect.records / seconds(connect.total),
                    (rows / seconds(tributary.total)) / (connect.records / seconds(connect.total))));
            // on a shared machine each side gets time in proportion to what it asks: the CPU says more than the clock
            double ours = CpuAccounting.partsSeconds(tributary.start, tributary.completed);
            double theirs = CpuAccounting.partsSeconds(connect.start, connect.completed);
            System.out.println(String.format(Locale.ROOT,
                    "CPU of every process of the suite while each side worked (the services, the broker's JVM, "
                            + "PostgreSQL, the peer's worker): Tributary %.1f s, %.1f µs a record; the peer %.1f s, "
                            + "%.1f µs a record",
                    ours, 1e6 * ours / rows, theirs, 1e6 * theirs / connect.records));
        }
        System.out.println(String.format(Locale.ROOT,
                "Ingestion service heap (%s, its performance data every 500 ms, %d samples): used before %s, max used %s, "
                        + "max old generation used %s; peak RSS %s",
                "-Xmx" + TributaryService.INGESTION.maxHeap(), tributary.heapSamples, size(tributary.heapBefore),
                size(tributary.heapMax),
                size(tributary.oldGenMax), size(tributary.rssPeak)));
        System.out.println();
        System.out.println("CPU time by process, upload until batch COMPLETED:");
        System.out.println();
        printTable(CpuAccounting.table(tributary.start, tributary.completed));
        double ingestionCpu = CpuAccounting.seconds(tributary.start, tributary.completed,
                TributaryService.INGESTION.module());
        if (ingestionCpu > 0) {
            System.out.println();
            System.out.println(String.format(Locale.ROOT,
                    "ingestion-service CPU per row: %.1f µs (all its threads), i.e. at most %,.0f rows/s per core "
                            + "whatever the wall-clock figures say",
                    1e6 * ingestionCpu / rows, rows / ingestionCpu));
        }
        System.out.println();
        System.out.println("CPU time by process, Kafka alone (the bare producer runs in the benchmark JVM):");
        System.out.println();
        printTable(CpuAccounting.table(kafka.start, kafka.completed));
        if (connect != null) {
            System.out.println();
            System.out.println("CPU time by process, the Kafka Connect peer:");
            System.out.println();
            printTable(CpuAccounting.table(connect.start, connect.completed));
        }
        System.out.println();
        System.out.println("CPU time by process, COPY (before):");
        System.out.println();
        printTable(CpuAccounting.table(copyBefore.start, copyBefore.completed));
        double disturbed = Math.max(CpuAccounting.otherShare(tributary.start, tributary.completed),
                CpuAccounting.otherShare(copyBefore.start, copyBefore.completed));
        System.out.println();
        System.out.println("\"other load\" = CPU used by processes outside the suite, as a share of all cores, during the "
                + "measure.");
        if (disturbed > 0.15) {
            System.out.println(String.format(Locale.ROOT,
                    "WARNING: other processes used up to %.0f%% of the machine during a measure: the figures are "
                            + "disturbed; run again on a quiet machine.",
                    100 * disturbed));
        }
    }

    private String[] row(String measure, long nanos, double mb, long copyBest, double otherLoad) {
        double s = seconds(nanos);
        return new String[]{measure, String.format(Locale.ROOT, "%,d", rows), String.format(Locale.ROOT, "%.1f", mb),
                String.format(Locale.ROOT, "%.2f", s), String.format(Locale.ROOT, "%,.0f", rows / s),
                String.format(Locale.ROOT, "%.1f", mb / s),
                String.format(Locale.ROOT, "%.2f", (double) copyBest / nanos),
                otherLoad < 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * otherLoad)};
    }

    private static String size(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    static double mb(long bytes) {
        return bytes / 1e6;
    }

}
