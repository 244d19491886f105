package io.tributary.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.generator.DumpFile;
import io.tributary.local.DemoLoader;
import io.tributary.local.LocalPostgres;
import io.tributary.local.Suite;
import io.tributary.local.TributaryService;

/**
 * Batch throughput of the transform path: one generated CSV file uploaded to the packaged ingestion service until the
 * demo pipeline has applied every record (a record it fails or filters is reported, and not awaited in serving) ({@code GET /api/pipelines/sales}: {@code counts.received} equals the
 * batch's accepted records and {@code lagRecords} is 0) and serving's sales by region count every row; side by side in
 * the same run with PostgreSQL {@code COPY ... FROM STDIN} of the same file into a table of the same shape on the
 * suite's PostgreSQL, before and after; then, once the suite is quiet, the same file's pipeline work done set-based by
 * that PostgreSQL alone ({@link SetBasedBound}, in a schema of its own): the bound the batch path's target is a share of,
 * measured in the same run. A smaller file goes the same way first and is not counted
 * ({@code --warmup-rows}, 0 for none): the services then run compiled code, and the tables already hold rows, as in a
 * suite that has been up for a while.
 * <p>
 * Usage: {@code run-transform-batch.sh [rows, default 1000000] [--warmup-rows 100000] [--jfr] [--pg-sample] [--keep]};
 * {@code --pg-sample}
 * samples PostgreSQL's active statements during the run ({@link PgActivitySampler}); {@code --pair-index} is an
 * experiment: it adds an index the service does not create (see {@link #pairIndex}), to measure its effect.
 */
public final class TransformBatch {

    static final long SEED = 20_240_101L;
    static final String SOURCE = "files";

    private final long rows;
    private final long warmupRows;
    private final boolean jfr;
    private final boolean keep;
    private final boolean pgSample;
    private final boolean pairIndex;
    private final Path root;
    private final EndToEnd bench = new EndToEnd();
    private CpuAccounting cpu = new CpuAccounting();
    private PgActivitySampler sampler;
    /** The transform service's CPU per poll of the measured file, with the polls' mean size. */
    private String polls = "";

    private TransformBatch(long rows, long warmupRows, boolean jfr, boolean keep, boolean pgSample, boolean pairIndex,
            Path root) {
        this.rows = rows;
        this.warmupRows = warmupRows;
        this.jfr = jfr;
        this.keep = keep;
        this.pgSample = pgSample;
        this.pairIndex = pairIndex;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        long warmupRows = 100_000;
        boolean jfr = false;
        boolean keep = false;
        boolean pgSample = false;
        boolean pairIndex = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--warmup-rows" -> warmupRows = Long.parseLong(args[++i]);
                case "--jfr" -> jfr = true;
                case "--keep" -> keep = true;
                case "--pg-sample" -> pgSample = true;
                case "--pair-index" -> pairIndex = true;
                case "-h", "--help" -> {
                    System.out.println("usage: run-transform-batch.sh [rows, default 1000000] [--warmup-rows 100000] "
                            + "[--jfr] [--pg-sample] [--pair-index] [--keep]");
                    return;
                }
                default -> rows = Long.parseLong(arg.replace("_", "").replace(",", ""));
            }
        }
        Path root = EndToEnd.repositoryRoot();
        EndToEnd.requirePackagedServices(root);
        new TransformBatch(rows, warmupRows, jfr, keep, pgSample, pairIndex, root).run();
    }

    /** Elapsed nanoseconds from the start of the upload (or of the COPY), and CPU snapshots. */
    private static final class Timing {
        long total;
        long upload;
        long completed;
        long firstApplied = -1;
        long caughtUp;
        long served;
        CpuAccounting.Snapshot start;
        CpuAccounting.Snapshot atCompleted;
        CpuAccounting.Snapshot end;
        String loadBefore;
        long notCurated;
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("tributary-transform-batch-");
        EndToEnd.log("working directory " + work);
        EndToEnd.log("services of " + root + " (" + EndToEnd.revision(root) + ")");
        EndToEnd.log("machine: " + EndToEnd.machine());
        Suite suite = null;
        try {
            long g0 = System.nanoTime();
            DumpFile file = GeneratedCsv.write(work.resolve("input"), rows, SEED);
            long bytes = Files.size(file.path());
            EndToEnd.log(String.format(Locale.ROOT, "generated %,d rows, %.1f MB in %.1f s: %s", rows,
                    bytes / 1e6, EndToEnd.seconds(System.nanoTime() - g0), file.path()));
            Suite started = BenchSuite.start(work, root);
            suite = started;
            cpu = EndToEnd.accounting(started);
            DataContract contract = ContractReader.read(
                    ContractReader.parse(DemoLoader.contractYaml(), ContractReader.Syntax.YAML), DemoLoader.DATASET);
            bench.declare(suite, SOURCE, "CSV", DemoLoader.TIME_ZONE);
            if (pairIndex) {
                pairIndex(suite);
            }

            Timing copyBefore = copy(suite, file, contract, "bench_copy_before");
            if (warmupRows > 0) {
                warmUp(suite, GeneratedCsv.writeWarmUp(work.resolve("warm-up"), warmupRows));
            }
            Timing tributary = tributary(suite, file, work);
            Timing copyAfter = copy(suite, file, contract, "bench_copy_after");
            Bound bound = bound(suite, file, contract);
            report(file, bytes, copyBefore, copyAfter, tributary, bound);
        } finally {
            EndToEnd.stopSuite(suite, work, keep);
        }
    }

    /**
     * An experiment, not the service's own schema: an index of the curated table on (customer_id, product_id), the
     * pair each poll's recommender history refresh looks up (the service creates one on customer_id alone).
     */
    private static void pairIndex(Suite suite) throws SQLException {
        try (Connection connection = DriverManager.getConnection(suite.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("create index bench_sales_customer_product_idx on curated.sales (customer_id, "
                    + "product_id)");
        }
        EndToEnd.log("EXPERIMENT: created an index on curated.sales (customer_id, product_id), which the "
                + "transform service does not create");
    }

    // ------------------------------------------------------------------ the reference: COPY FROM STDIN

    /** COPY of the file into a new table with its columns typed as the contract types them, no index. */
    private Timing copy(Suite suite, DumpFile file, DataContract contract, String table)
            throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(suite.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + table);
            statement.execute(IngestEndToEnd.createTable(table, file.columns(), contract));
            statement.execute("checkpoint");
            statement.execute("set datestyle = 'ISO, MDY'"); // the dumps write US dates (1/31/2018)
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)";
            Timing timing = new Timing();
            timing.loadBefore = EndToEnd.loadAverage();
            timing.start = cpu.snapshot();
            long t0 = System.nanoTime();
            long copied;
            try (InputStream in = Files.newInputStream(file.path())) {
                copied = copy.copyIn(sql, in, 64 * 1024);
            }
            timing.total = System.nanoTime() - t0;
            timing.end = cpu.snapshot();
            if (copied != rows) {
                throw new IllegalStateException("COPY took " + copied + " rows, expected " + rows);
            }
            EndToEnd.log(String.format(Locale.ROOT, "reference: %s: %,d rows in %.2f s", sql, copied,
                    EndToEnd.seconds(timing.total)));
            return timing;
        }
    }

    // ------------------------------------------------------------------ the bound: the pipeline set-based

    /** The bound's steps with their seconds, and the CPU snapshots around them. */
    private record Bound(Map<String, Double> steps, CpuAccounting.Snapshot from, CpuAccounting.Snapshot to) {
    }

    /**
     * The demo pipeline's work done set-based by the suite's PostgreSQL alone ({@link SetBasedBound}), in a schema of
     * its own, once the suite is quiet again: the bound the transform's time is divided by.
     */
    private Bound bound(Suite suite, DumpFile file, DataContract contract) throws Exception {
        EndToEnd.settle(cpu);
        try (Connection connection = DriverManager.getConnection(suite.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists bench_bound cascade");
            statement.execute("create schema bench_bound");
            statement.execute("set search_path = bench_bound");
            statement.execute("checkpoint");
            EndToEnd.log("bound: the same file's pipeline work, set-based, by the suite's PostgreSQL alone");
            CpuAccounting.Snapshot from = cpu.snapshot();
            Map<String, Double> steps = SetBasedBound.measure(connection, file, contract);
            CpuAccounting.Snapshot to = cpu.snapshot();
            EndToEnd.log(String.format(Locale.ROOT, "bound: the pipeline's work set-based in %.2f s",
                    SetBasedBound.total(steps)));
            statement.execute("drop schema bench_bound cascade");
            return new Bound(steps, from, to);
        }
    }

    // ------------------------------------------------------------------ Tributary: upload .. transform caught up

    private Timing tributary(Suite suite, DumpFile file, Path work) throws Exception {
        Path recording = work.resolve("transform.jfr");
        if (jfr) {
            EndToEnd.startJfr(suite, TributaryService.TRANSFORM, recording);
        }
        if (pgSample) {
            sampler = new PgActivitySampler(suite.jdbcUrl(), 10);
            sampler.start();
        }
        Timing timing = new Timing();
        JsonNode countsBefore = bench.pipeline(suite).path("counts");
        TransformPolls pollsBefore = TransformPolls.read(bench, suite);
        BatchLoad.Applied applied = BatchLoad.uploadAndApply("TransformBatch", bench, suite, cpu, SOURCE, file);
        polls = TransformPolls.cpuPerPoll(pollsBefore, TransformPolls.read(bench, suite), applied.start(),
                applied.end());
        long t0 = applied.startedAt();
        timing.loadBefore = applied.load();
        timing.start = applied.start();
        timing.upload = applied.upload();
        timing.completed = applied.published();
        timing.atCompleted = applied.atPublished();
        timing.firstApplied = applied.firstApplied();
        timing.caughtUp = applied.applied();
        JsonNode countsAfter = bench.pipeline(suite).path("counts");
        long notCurated = countsAfter.path("failed").asLong() - countsBefore.path("failed").asLong()
                + countsAfter.path("filtered").asLong() - countsBefore.path("filtered").asLong();
        if (notCurated > 0) {
            timing.notCurated = notCurated;
            EndToEnd.log(String.format(Locale.ROOT, "WARNING: the pipeline failed or filtered %,d of the file's "
                    + "records (see its quarantine); serving is awaited for the others", notCurated));
        }
        awaitServing(bench, suite, file, rows - notCurated);
        timing.served = System.nanoTime() - t0;
        timing.total = timing.served;
        timing.end = cpu.snapshot();
        if (sampler != null) {
            sampler.close();
        }
        EndToEnd.log(String.format(Locale.ROOT, "serving counts every row after %.2f s",
                EndToEnd.seconds(timing.served)));
        if (jfr) {
            EndToEnd.stopJfr(suite, TributaryService.TRANSFORM, recording, "transform-batch-" + rows + ".jfr",
                    EndToEnd.APPLIER_FRAME);
        }
        return timing;
    }

    private void warmUp(Suite suite, DumpFile warmup) throws Exception {
        BatchLoad.Applied applied = BatchLoad.uploadAndApply("TransformBatch (warm-up)", bench, suite, cpu, SOURCE,
                warmup);
        EndToEnd.log(String.format(Locale.ROOT, "warm-up: %,d rows applied after %.2f s, not counted", warmupRows,
                EndToEnd.seconds(applied.applied())));
        EndToEnd.settle(cpu);
    }

    /** Polls sales by region over the file's day until the lines add up to every row. */
    static void awaitServing(EndToEnd bench, Suite suite, DumpFile file, long expected)
            throws IOException, InterruptedException {
        LocalDate day = file.date();
        String url = suite.servingUrl() + "/api/metrics/" + DemoLoader.DATASET + "?groupBy=region&from=" + day
                + "&to=" + day;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            HttpResponse<String> response = bench.send(HttpRequest.newBuilder(URI.create(url)).GET(),
                    Duration.ofSeconds(30));
            long lines = 0;
            if (response.statusCode() == 200) {
                for (JsonNode row : EndToEnd.JSON.readTree(response.body()).path("rows")) {
                    lines += row.path("lines").asLong();
                }
                if (lines == expected) {
                    return;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("serving counted " + lines + " of " + expected + " lines; last answer "
                        + response.statusCode() + " " + response.body());
            }
            Thread.sleep(50);
        }
    }

    // ------------------------------------------------------------------ the report

    private void report(DumpFile file, long bytes, Timing copyBefore, Timing copyAfter, Timing t,
            Bound bound) {
        long copyBest = Math.min(copyBefore.total, copyAfter.total);
        double mb = bytes / 1e6;
        System.out.println();
        System.out.println("## Transform batch, " + Instant.now() + ", " + EndToEnd.machine());
        System.out.println();
        System.out.println("File: " + file.path().getFileName() + String.format(Locale.ROOT,
                ", %,d rows, %.1f MB, %d columns, seed %d (generator, 1 day, no anomalies); demo contract and demo "
                        + "pipeline (normalise, derive net_sales, aggregate by region/state/category/product_id, "
                        + "recommender features).",
                rows, mb, file.columns().size(), SEED));
        System.out.println();
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"measure (from the start of the upload)", "seconds", "rows/s", "COPY (best) / this",
                "other load", "load avg before"});
        table.add(row("COPY FROM STDIN, before", copyBefore.total, copyBest, copyBefore.start, copyBefore.end,
                copyBefore.loadBefore));
        table.add(row("COPY FROM STDIN, after", copyAfter.total, copyBest, copyAfter.start, copyAfter.end,
                copyAfter.loadBefore));
        table.add(row("Tributary: upload answered (202)", t.upload, copyBest, null, null, ""));
        table.add(row("Tributary: first record applied by transform (+-0.2 s)", t.firstApplied, copyBest, null, null,
                ""));
        table.add(row("Tributary: ingestion batch COMPLETED", t.completed, copyBest, t.start, t.atCompleted,
                t.loadBefore));
        table.add(row("Tributary: transform caught up (received = accepted, lag 0)", t.caughtUp, copyBest, null, null,
                ""));
        table.add(row("Tributary: serving counts every row", t.served, copyBest, t.start, t.end, ""));
        EndToEnd.printTable(table);
        System.out.println();
        double ratio = (double) copyBest / t.served;
        if (t.notCurated > 0) {
            System.out.println(String.format(Locale.ROOT, "The pipeline failed or filtered %,d of the records "
                    + "(quarantined with their reasons); serving counted the other %,d.", t.notCurated,
                    rows - t.notCurated));
        }
        System.out.println(String.format(Locale.ROOT, "Ratio COPY / Tributary (upload until serving counts every "
                + "row): %.2f (for scale: the target is a share of the set-based bound, below).", ratio));
        double boundSeconds = SetBasedBound.total(bound.steps());
        double ofBound = boundSeconds / EndToEnd.seconds(t.served);
        System.out.println(String.format(Locale.ROOT, "Set-based bound (the same file, the pipeline's work by the "
                + "suite's PostgreSQL alone: COPY, then one statement per table): %.2f s. Ratio bound / Tributary "
                + "(upload until serving counts every row): %.2f; target >= 0.75: %s.", boundSeconds, ofBound,
                ofBound >= 0.75 ? "MET" : "NOT MET"));
        System.out.println(CpuAccounting.floor("from the upload until serving counted every row",
                CpuAccounting.partsSeconds(t.start, t.end), CpuAccounting.partsSeconds(bound.from(), bound.to()),
                boundSeconds));
        System.out.println(String.format(Locale.ROOT, "Transform alone: %,.0f records/s from its first applied record "
                + "until caught up; %.2f s after ingestion's batch COMPLETED.",
                rows / EndToEnd.seconds(t.caughtUp - t.firstApplied),
                EndToEnd.seconds(t.caughtUp - t.completed)));
        EndToEnd.printCpu("CPU time by process, upload until ingestion batch COMPLETED:", t.start, t.atCompleted);
        EndToEnd.printCpu("CPU time by process, batch COMPLETED until serving counts every row:", t.atCompleted,
                t.end);
        EndToEnd.printCpu("CPU time by process, the whole Tributary run:", t.start, t.end);
        double transformCpu = CpuAccounting.seconds(t.start, t.end, "transform-service");
        double postgresCpu = CpuAccounting.seconds(t.start, t.end, "PostgreSQL (all backends)");
        if (transformCpu > 0) {
            System.out.println();
            System.out.println(String.format(Locale.ROOT, "transform-service CPU per record: %.1f µs; PostgreSQL (all "
                    + "backends, ingestion's and serving's included) per record: %.1f µs",
                    1e6 * transformCpu / rows, 1e6 * postgresCpu / rows));
            System.out.println(polls);
        }
        EndToEnd.printCpu("CPU time by process, the set-based bound:", bound.from(), bound.to());
        EndToEnd.printCpu("CPU time by process, COPY (before):", copyBefore.start, copyBefore.end);
        if (sampler != null) {
            sampler.print(25);
        }
        System.out.println();
        System.out.println("The set-based bound, step by step:");
        System.out.println();
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[]{"step", "seconds"});
        steps.addAll(SetBasedBound.rows(bound.steps()));
        EndToEnd.printTable(steps);
    }

    private String[] row(String measure, long nanos, long copyBest, CpuAccounting.Snapshot from,
            CpuAccounting.Snapshot to, String load) {
        double s = EndToEnd.seconds(nanos);
        double other = from == null ? -1 : CpuAccounting.otherShare(from, to);
        return new String[]{measure, String.format(Locale.ROOT, "%.2f", s),
                String.format(Locale.ROOT, "%,.0f", rows / s),
                String.format(Locale.ROOT, "%.2f", (double) copyBest / nanos),
                other < 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * other), load};
    }
}
