package io.tributary.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.local.DemoLoader;
import io.tributary.local.LocalPostgres;
import io.tributary.local.Suite;
import io.tributary.local.TributaryService;
import io.tributary.serving.repository.AggregateRepository;
import io.tributary.serving.repository.AggregateTable;

/**
 * Serving's region query over a year of daily aggregates under a fixed rate of requests, beside PostgreSQL's own
 * execution time of the same statement in the same run (the reference).
 * <p>
 * The packaged suite runs with the demo pipeline; its aggregate {@code curated.sales_agg} is filled with a year of
 * daily cells ({@code --cells-per-day}, spread over four regions) directly in PostgreSQL. A load generator then asks
 * {@code GET /api/metrics/sales?groupBy=region&from=<year>-01-01&to=<year>-12-31} at {@code --rate} requests per
 * second, open loop: each request is due at a fixed time whatever the earlier ones did, and its latency runs from that
 * due time (a stalled service is charged for the requests it held up) to the end of the answer.
 * <p>
 * Meanwhile, every {@code --explain-ms}, a separate connection has PostgreSQL execute the very statement serving runs
 * for that query ({@link AggregateRepository#sumsStatement}, the same builder, with the same parameters) under
 * {@code EXPLAIN (ANALYZE)}, and notes its execution time: the cost of the answer in the database alone, with no
 * HTTP, authentication, JSON or pool.
 * <p>
 * Serving keeps answers until the aggregate's next commit (decision 0052), so a load of one question would measure
 * only kept answers. Throughout the warm-up and the measure, every {@code --commit-ms} (1,000; 0 for none) a connection
 * of its own commits a change to the aggregate as the transform does: one cell's sales moved by a cent and the
 * aggregate's freshness watermark advanced in the same transaction, whose trigger notifies serving. The first requests
 * after each commit are then answered by PostgreSQL again; the report gives the share of answers serving gave from the
 * cache and computed (its own counters, read from {@code /q/metrics} before and after the measure).
 * <p>
 * Several rates ({@code --rate 1000,200}) are measured in turn on the same suite, each after its own warm-up.
 * <p>
 * Usage: {@code run-region-query.sh [--rate 1000] [--seconds 30] [--warmup 15] [--cells-per-day 100]
 * [--grain total|day] [--explain-ms 50] [--commit-ms 1000] [--max-staleness PT5S] [--jfr] [--keep]}
 * <p>
 * {@code --max-staleness} asks every request with that bound, which lets serving give the previous answer while the
 * answer after a commit is computed (decision 0055); without it every request waits for the answer after a commit.
 * Several bounds separated by commas, {@code none} for no bound ({@code --max-staleness none,PT5S}), are measured in
 * turn at each rate on the same suite, each after its own warm-up: the requests that wait for a computation after a
 * commit beside those that may be given the previous answer, in one run.
 * <p>
 * {@code --jfr} records serving (JFR, profile settings) during the measure of the first rate and prints where its
 * time goes under the metrics resource; the recording is kept as {@code target/region-query-serving.jfr}.
 */
public final class RegionQueryLoad {

    private static final int YEAR = 2030;
    private static final int SENDERS = 64;
    private static final String SOURCE = "regions";

    private final List<Integer> rates;
    private final int seconds;
    private final int warmup;
    private final int cellsPerDay;
    private final String grain;
    private final int explainMillis;
    private final int commitMillis;
    /** The bounds asked with, in turn; null for none. */
    private final List<String> bounds;
    private final boolean jfr;
    private final boolean keep;
    private final Path root;
    private final EndToEnd bench = new EndToEnd();

    private RegionQueryLoad(List<Integer> rates, int seconds, int warmup, int cellsPerDay, String grain, int explainMillis,
            int commitMillis, List<String> bounds, boolean jfr, boolean keep, Path root) {
        this.rates = rates;
        this.seconds = seconds;
        this.warmup = warmup;
        this.cellsPerDay = cellsPerDay;
        this.grain = grain;
        this.explainMillis = explainMillis;
        this.commitMillis = commitMillis;
        this.bounds = bounds;
        this.jfr = jfr;
        this.keep = keep;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> rates = List.of(1000);
        int seconds = 30;
        int warmup = 15;
        int cellsPerDay = 100;
        String grain = "total";
        int explainMillis = 50;
        int commitMillis = 1000;
        List<String> bounds = java.util.Collections.singletonList(null);
        boolean jfr = false;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rates = java.util.Arrays.stream(args[++i].split(",")).map(String::strip)
                        .map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--cells-per-day" -> cellsPerDay = Integer.parseInt(args[++i]);
                case "--grain" -> grain = args[++i];
                case "--explain-ms" -> explainMillis = Integer.parseInt(args[++i]);
                case "--commit-ms" -> commitMillis = Integer.parseInt(args[++i]);
                case "--max-staleness" -> bounds = java.util.Arrays.stream(args[++i].split(",")).map(String::strip)
                        .map(b -> b.equals("none") ? null : java.time.Duration.parse(b).toString()).toList();
                case "--jfr" -> jfr = true;
                case "--keep" -> keep = true;
                case "-h", "--help" -> {
                    System.out.println("usage: run-region-query.sh [--rate requests/s, default 1000; several "
                            + "separated by commas are measured in turn] [--seconds 30] "
                            + "[--warmup 15] [--cells-per-day 100] [--grain total|day] [--explain-ms 50] [--commit-ms 1000, "
                            + "0 for no commits during the load] [--max-staleness ISO-8601 duration, none by default; several "
                            + "separated by commas, 'none' for no bound, are measured in turn] [--jfr] "
                            + "[--keep]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (-h for help)");
            }
        }
        if (!grain.equals("total") && !grain.equals("day")) {
            throw new IllegalArgumentException("--grain is total or day");
        }
        Path root = EndToEnd.repositoryRoot();
        EndToEnd.requirePackagedServices(root);
        new RegionQueryLoad(rates, seconds, warmup, cellsPerDay, grain, explainMillis, commitMillis, bounds,
                jfr, keep, root).run();
    }

    /** The requests of one phase: when each was due, sent and answered, and how. */
    private static final class Phase {
        final long[] due;
        final AtomicLongArray sent;
        final AtomicLongArray answered;
        final int[] status;

        Phase(int requests) {
            due = new long[requests];
            sent = new AtomicLongArray(requests);
            answered = new AtomicLongArray(requests);
            status = new int[requests];
        }
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("tributary-region-query-");
        EndToEnd.log("working directory " + work);
        EndToEnd.log("services of " + root + " (" + EndToEnd.revision(root) + ")");
        EndToEnd.log("machine: " + EndToEnd.machine());
        Suite suite = null;
        try {
            Suite started = BenchSuite.start(work, root);
            suite = started;
            CpuAccounting cpu = EndToEnd.accounting(suite);
            bench.declare(suite, SOURCE, "JSON", "UTC");

            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(suite.jdbcUrl());
            dataSource.setUser(LocalPostgres.USER);
            dataSource.setPassword(LocalPostgres.PASSWORD);
            AggregateRepository aggregates = new AggregateRepository(dataSource);
            AggregateTable table = aggregates.find(DemoLoader.DATASET)
                    .orElseThrow(() -> new IllegalStateException("the demo pipeline has no aggregate"));
            long cells = fill(dataSource, table);

            LocalDate from = LocalDate.of(YEAR, 1, 1);
            LocalDate to = LocalDate.of(YEAR, 12, 31);
            URI uri = uri(suite, from, to, null);
            HttpResponse<String> first = EndToEnd.expect(bench.send(HttpRequest.newBuilder(uri).GET(),
                    Duration.ofSeconds(30)), 200);
            JsonNode answer = EndToEnd.JSON.readTree(first.body());
            EndToEnd.log(String.format(Locale.ROOT, "%s answers %d rows, %,d bytes", uri, answer.path("rows").size(),
                    first.body().length()));
            // the statement serving runs for this query, as its service calls the repository
            AggregateRepository.SumsStatement statement = AggregateRepository.sumsStatement(table, List.of("region"),
                    grain.equals("day") ? AggregateRepository.Period.DAY : AggregateRepository.Period.NONE, from, to,
                    "UTC", 100_001);

            Committer committer = new Committer(dataSource, table, commitMillis);
            Thread commits = new Thread(committer, "commit-changes");
            commits.setDaemon(true);
            if (commitMillis > 0) {
                commits.start();
            }
            boolean recorded = false;
            for (int rate : rates) {
                for (String bound : bounds) {
                    uri = uri(suite, from, to, bound);
                    if (warmup > 0) {
                        EndToEnd.log(String.format(Locale.ROOT, "warm-up: %d s at %,d requests/s, not counted", warmup,
                                rate));
                        drive(uri, new Phase(warmup * rate), rate);
                    }
                    EndToEnd.log(String.format(Locale.ROOT, "measure: %d s at %,d requests/s, PostgreSQL explaining the "
                            + "same statement every %d ms", seconds, rate, explainMillis));
                    Explainer explainer = new Explainer(dataSource, statement, explainMillis);
                    Thread reference = new Thread(explainer, "explain-analyze");
                    reference.setDaemon(true);
                    String loadBefore = EndToEnd.loadAverage();
                    CpuAccounting.Snapshot cpuFrom = cpu.snapshot();
                    reference.start();
                    Phase measured = new Phase(seconds * rate);
                    Map<String, Double> cacheFrom = cacheCounters(suite);
                    long commitsFrom = committer.commits.get();
                    boolean recording = jfr && !recorded;
                    recorded = true;
                    if (recording) {
                        EndToEnd.startJfr(suite, TributaryService.SERVING, work.resolve("serving.jfr"));
                    }
                    drive(uri, measured, rate);
                    if (recording) {
                        EndToEnd.stopJfr(suite, TributaryService.SERVING, work.resolve("serving.jfr"),
                                "region-query-serving.jfr", "io.tributary.serving.rest.MetricsResource");
                    }
                    Map<String, Double> cacheTo = cacheCounters(suite);
                    long commitsTo = committer.commits.get();
                    explainer.stop = true;
                    reference.join();
                    CpuAccounting.Snapshot cpuTo = cpu.snapshot();
                    String loadAfter = EndToEnd.loadAverage();
                    report(measured, rate, explainer, cells, uri, answer, loadBefore, cpuFrom, cpuTo);
                    reportCache(cacheFrom, cacheTo, commitsTo - commitsFrom, committer, loadAfter);
                }
            }
            committer.stop = true;
            if (commitMillis > 0) {
                commits.join();
            }
        } finally {
            EndToEnd.stopSuite(suite, work, keep);
        }
    }

    /** The region query, asked with the bound, or without one when it is null. */
    private URI uri(Suite suite, LocalDate from, LocalDate to, String bound) {
        return URI.create(suite.servingUrl() + "/api/metrics/" + DemoLoader.DATASET + "?groupBy=region&from=" + from
                + "&to=" + to + "&grain=" + grain + (bound == null ? "" : "&maxStaleness=" + bound));
    }

    /**
     * A year of daily cells in the aggregate: {@code cellsPerDay} per day, the first dimension taking four values (the
     * regions), the last one unique per cell of a day, the ones between a few values each; measures with two
     * decimals.
     */
    private long fill(PGSimpleDataSource dataSource, AggregateTable table) throws SQLException {
        List<String> dimensions = table.dimensions();
        StringBuilder columns = new StringBuilder(quote(AggregateLayout.BUCKET));
        StringBuilder values = new StringBuilder("d::date");
        for (int i = 0; i < dimensions.size(); i++) {
            columns.append(", ").append(quote(dimensions.get(i)));
            if (i == 0) {
                values.append(", (array['Central', 'East', 'South', 'West'])[1 + c % 4]");
            } else if (i == dimensions.size() - 1) {
                values.append(", '").append(dimensions.get(i).replace("'", "''")).append(" ' || c");
            } else {
                values.append(", '").append(dimensions.get(i).replace("'", "''")).append(" ' || (c % ")
                        .append(3 + 4 * i).append(")");
            }
        }
        for (String measure : table.measures()) {
            columns.append(", ").append(quote(measure));
            values.append(", round((random() * 500)::numeric, 2)");
        }
        columns.append(", ").append(quote(AggregateLayout.LINES)).append(", ").append(quote(AggregateLayout.UPDATED_AT));
        values.append(", 1 + c % 3, now()");
        String sql = "insert into " + quote(CuratedTables.SCHEMA) + "." + quote(table.table()) + " (" + columns
                + ") select " + values + " from generate_series(date '" + YEAR + "-01-01', date '" + YEAR
                + "-12-31', interval '1 day') as d, generate_series(1, " + cellsPerDay + ") as c";
        long t0 = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                Statement fill = connection.createStatement();
                PreparedStatement advance = connection.prepareStatement(Committer.WATERMARK)) {
            long cells = fill.executeUpdate(sql);
            fill.execute("analyze " + quote(CuratedTables.SCHEMA) + "." + quote(table.table()));
            // as the transform writes cells: with the watermark, so that an answer says it is current as of now
            advance.setString(1, CuratedTables.freshnessKey(table.pipeline()));
            advance.executeUpdate();
            EndToEnd.log(String.format(Locale.ROOT, "filled %s with %,d cells (%d a day over %d) in %.1f s",
                    CuratedTables.qualified(table.table()), cells, cellsPerDay, YEAR,
                    EndToEnd.seconds(System.nanoTime() - t0)));
            return cells;
        }
    }

    /** Sends the phase's requests at their due times from a pool of senders, and waits for every answer. */
    private void drive(URI uri, Phase phase, int rate) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
            Thread thread = new Thread(r, "sender");
            thread.setDaemon(true);
            return thread;
        });
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", bench.authorization()).GET().build();
        long start = System.nanoTime() + 50_000_000L;
        for (int k = 0; k < phase.due.length; k++) {
            phase.due[k] = start + k * interval;
        }
        for (int k = 0; k < phase.due.length; k++) {
            long wait = phase.due[k] - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(wait);
                wait = phase.due[k] - System.nanoTime();
            }
            int request0 = k;
            senders.execute(() -> send(request, phase, request0));
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
    }

    private void send(HttpRequest request, Phase phase, int k) {
        phase.sent.set(k, System.nanoTime());
        int status;
        try {
            HttpResponse<byte[]> response = bench.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
        } catch (java.io.IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        phase.status[k] = status;
        phase.answered.set(k, System.nanoTime());
    }

    /**
     * Commits a change to the aggregate at a steady pace, as the transform commits one: a cell's sales moved by a cent
     * (up and down in turn, so the sums stay near the start) and the freshness watermark advanced, in one transaction.
     */
    private static final class Committer implements Runnable {
        /** The aggregate's freshness watermark moved to now, as the transform moves it with each commit. */
        static final String WATERMARK = "insert into catalog.freshness_watermark as w (table_name, current_as_of, "
                + "updated_at) values (?, now(), now()) on conflict (table_name) do update set current_as_of = "
                + "excluded.current_as_of, updated_at = excluded.updated_at";
        private final PGSimpleDataSource dataSource;
        private final AggregateTable table;
        private final long periodNanos;
        final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
        final List<Long> took = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean stop;
        String failure;

        Committer(PGSimpleDataSource dataSource, AggregateTable table, int periodMillis) {
            this.dataSource = dataSource;
            this.table = table;
            this.periodNanos = periodMillis * 1_000_000L;
        }

        @Override
        public void run() {
            String cell = "update " + quote(CuratedTables.SCHEMA) + "." + quote(table.table()) + " set "
                    + quote(table.measures().get(0)) + " = " + quote(table.measures().get(0)) + " + ?, "
                    + quote(AggregateLayout.UPDATED_AT) + " = now() where ctid = (select ctid from "
                    + quote(CuratedTables.SCHEMA) + "." + quote(table.table()) + " where " + quote(AggregateLayout.BUCKET)
                    + " = ? limit 1)";
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement change = connection.prepareStatement(cell);
                    PreparedStatement advance = connection.prepareStatement(WATERMARK)) {
                connection.setAutoCommit(false);
                long next = System.nanoTime() + periodNanos;
                for (long k = 0; !stop; k++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    next += periodNanos;
                    if (stop) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    change.setBigDecimal(1, new java.math.BigDecimal(k % 2 == 0 ? "0.01" : "-0.01"));
                    change.setObject(2, LocalDate.of(YEAR, 1, 1).plusDays(k % 365));
                    change.executeUpdate();
                    advance.setString(1, CuratedTables.freshnessKey(table.pipeline()));
                    advance.executeUpdate();
                    connection.commit();
                    took.add(System.nanoTime() - t0);
                    commits.incrementAndGet();
                }
            } catch (SQLException e) {
                failure = e.toString();
            }
        }
    }

    /** Serving's answer cache counters by outcome, from its Prometheus endpoint. */
    private Map<String, Double> cacheCounters(Suite suite) {
        Map<String, Double> counters = new java.util.TreeMap<>();
        try {
            HttpResponse<String> response = bench.http.send(HttpRequest.newBuilder(URI.create(suite.servingUrl()
                    + "/q/metrics")).timeout(Duration.ofSeconds(10)).header("Authorization", bench.authorization())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher line = java.util.regex.Pattern.compile(
                    "(?m)^tributary_serving_answer_cache_total\\{[^}]*outcome=\"(\\w+)\"[^}]*} ([0-9.Ee+-]+)$")
                    .matcher(response.body());
            while (line.find()) {
                counters.put(line.group(1), Double.parseDouble(line.group(2)));
            }
        } catch (java.io.IOException e) {
            EndToEnd.log("could not read serving's metrics: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return counters;
    }

    private void reportCache(Map<String, Double> from, Map<String, Double> to, long commits, Committer committer,
            String loadAfter) {
        System.out.println();
        if (committer.failure != null) {
            System.out.println("Committing changes failed: " + committer.failure);
        }
        long[] took = EndToEnd.sorted(new ArrayList<>(committer.took));
        System.out.println(String.format(Locale.ROOT, "Changes committed to the aggregate during the measure: %,d "
                + "(%s; each commit p50 %s ms). Load average after the measure: %s.", commits,
                commitMillis > 0 ? "one every " + commitMillis + " ms" : "none asked, --commit-ms 0",
                ms(EndToEnd.percentile(took, 50)), loadAfter));
        if (to.isEmpty()) {
            System.out.println("Serving's answer cache: no counters (a service without the cache).");
            return;
        }
        double total = 0;
        Map<String, Double> during = new java.util.TreeMap<>();
        for (Map.Entry<String, Double> counter : to.entrySet()) {
            double count = counter.getValue() - from.getOrDefault(counter.getKey(), 0.0);
            during.put(counter.getKey(), count);
            total += count;
        }
        StringBuilder shares = new StringBuilder();
        for (Map.Entry<String, Double> counter : during.entrySet()) {
            shares.append(shares.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %,.0f (%.2f%%)",
                    counter.getKey(), counter.getValue(), total == 0 ? 0 : 100 * counter.getValue() / total));
        }
        System.out.println("Serving's answers during the measure, by how the answer cache gave them: " + shares
                + " (hit: kept; miss: computed by PostgreSQL; shared: waited for the same computation; older: the "
                + "previous answer, within --max-staleness, while the next was computed; bypassed: cache off or not "
                + "listening).");
        double cold = during.getOrDefault("miss", 0.0) + during.getOrDefault("shared", 0.0)
                + during.getOrDefault("bypassed", 0.0);
        System.out.println(String.format(Locale.ROOT, "Answers that waited for PostgreSQL: %.2f%%%s", total == 0
                ? 0
                : 100 * cold / total,
                total > 0 && cold / total > 0.01
                        ? ": more than 1%, so the p99 is that of an answer computed after a commit, not of a kept one."
                        : "."));
    }

    /** Has PostgreSQL execute serving's statement under EXPLAIN ANALYZE at a steady pace, noting its times. */
    private static final class Explainer implements Runnable {
        private final PGSimpleDataSource dataSource;
        private final AggregateRepository.SumsStatement statement;
        private final long periodNanos;
        final List<Long> execution = new ArrayList<>();
        final List<Long> planning = new ArrayList<>();
        volatile boolean stop;
        String failure;

        Explainer(PGSimpleDataSource dataSource, AggregateRepository.SumsStatement statement, int periodMillis) {
            this.dataSource = dataSource;
            this.statement = statement;
            this.periodNanos = periodMillis * 1_000_000L;
        }

        @Override
        public void run() {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement explain = connection.prepareStatement("explain (analyze, format json) "
                            + statement.sql())) {
                for (int i = 0; i < statement.parameters().size(); i++) {
                    explain.setObject(i + 1, statement.parameters().get(i));
                }
                long next = System.nanoTime();
                while (!stop) {
                    try (ResultSet result = explain.executeQuery()) {
                        result.next();
                        JsonNode plan = EndToEnd.JSON.readTree(result.getString(1)).path(0);
                        execution.add(Math.round(plan.path("Execution Time").asDouble() * 1e6));
                        planning.add(Math.round(plan.path("Planning Time").asDouble() * 1e6));
                    }
                    next += periodNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            } catch (SQLException | java.io.IOException e) {
                failure = e.toString();
            }
        }
    }

    private void report(Phase phase, int rate, Explainer explainer, long cells, URI uri, JsonNode answer, String loadBefore,
            CpuAccounting.Snapshot cpuFrom, CpuAccounting.Snapshot cpuTo) {
        List<Long> fromDue = new ArrayList<>();
        List<Long> fromSent = new ArrayList<>();
        List<Long> delay = new ArrayList<>();
        int ok = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int k = 0; k < phase.due.length; k++) {
            delay.add(phase.sent.get(k) - phase.due[k]);
            first = Math.min(first, phase.sent.get(k));
            last = Math.max(last, phase.answered.get(k));
            if (phase.status[k] != 200) {
                continue;
            }
            ok++;
            fromDue.add(phase.answered.get(k) - phase.due[k]);
            fromSent.add(phase.answered.get(k) - phase.sent.get(k));
        }
        long[] latency = EndToEnd.sorted(fromDue);
        long[] service = EndToEnd.sorted(fromSent);
        long[] delays = EndToEnd.sorted(delay);
        long[] execution = EndToEnd.sorted(explainer.execution);
        long[] planning = EndToEnd.sorted(explainer.planning);
        double window = EndToEnd.seconds(last - first);

        System.out.println();
        String bound = java.util.Arrays.stream(uri.getQuery().split("&")).filter(p -> p.startsWith("maxStaleness="))
                .map(p -> "requests with " + p).findFirst().orElse("requests without maxStaleness");
        System.out.println("## Region query under load, " + bound + ", " + Instant.now() + ", " + EndToEnd.machine());
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "Query: GET %s (%d rows, %,d bytes of JSON) over %,d daily "
                + "cells of %d (%d a day).", uri.getPath() + "?" + uri.getQuery(), answer.path("rows").size(),
                answer.toString().length(), cells, YEAR, cellsPerDay));
        System.out.println(String.format(Locale.ROOT, "Load: %,d requests/s planned for %d s, open loop, %d sender "
                + "threads, latency from each request's due time. Load average before the measure: %s.", rate,
                seconds, SENDERS, loadBefore));
        System.out.println(String.format(Locale.ROOT, "Requests: %,d due, %,d answered 200, %,d not; %,.0f answers/s "
                + "over %.1f s.", phase.due.length, ok, phase.due.length - ok, phase.due.length / window, window));
        if (explainer.failure != null) {
            System.out.println("EXPLAIN ANALYZE failed: " + explainer.failure);
        }
        System.out.println();
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"ms", "n", "p50", "p90", "p99", "p99.9", "max"});
        table.add(row("due -> answer read (the latency)", latency));
        table.add(row("sent -> answer read", service));
        table.add(row("due -> sent (client delay)", delays));
        table.add(row("PostgreSQL execution of the same statement (EXPLAIN ANALYZE)", execution));
        table.add(row("PostgreSQL planning of it", planning));
        EndToEnd.printTable(table);
        System.out.println();
        long p99 = EndToEnd.percentile(latency, 99);
        long reference = EndToEnd.percentile(execution, 99);
        System.out.println(String.format(Locale.ROOT, "Target p99 < 10 ms at 1,000 requests/s: %s (p99 %s ms at "
                + "%,d requests/s%s). p99 / PostgreSQL's p99 execution time: %s.",
                rate >= 1000 && p99 >= 0 && p99 < 10_000_000L && ok == phase.due.length ? "MET" : "NOT MET",
                ms(p99), rate, ok == phase.due.length ? "" : ", with failed requests",
                reference <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (double) p99 / reference)));
        EndToEnd.printCpu("CPU time by process during the measure:", cpuFrom, cpuTo);
    }

    private static String[] row(String name, long[] sorted) {
        return new String[]{name, String.format(Locale.ROOT, "%,d", sorted.length),
                ms(EndToEnd.percentile(sorted, 50)), ms(EndToEnd.percentile(sorted, 90)),
                ms(EndToEnd.percentile(sorted, 99)), ms(EndToEnd.percentile(sorted, 99.9)),
                ms(sorted.length == 0 ? -1 : sorted[sorted.length - 1])};
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%,.2f", nanos / 1e6);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
