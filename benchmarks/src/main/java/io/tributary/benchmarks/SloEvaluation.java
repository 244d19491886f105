package io.tributary.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.generator.DumpFile;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.Session;
import io.tributary.local.Suite;
import io.tributary.local.TributaryService;

/**
 * Live evaluation at scale: the packaged suite, fed an order a second, with 1,000 objectives of every measured kind on
 * the sales pipeline, its dataset, its source and its serving query, evaluated every 10 s. Reports the requirements
 * service's CPU as a share of one core, with the same service holding no objective as the reference measured in the
 * same run, PostgreSQL's share beside it, and the delay from a violation (the last order's arrival plus the freshness
 * allowed) to its alert: one stop of the feed violates a few confirmed freshness objectives whose onsets fall at
 * different moments of the evaluation interval.
 *
 * <pre>run-slo.sh [--objectives 1000] [--seconds 120] [--violations 3]</pre>
 */
public final class SloEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final int FRESHNESS_SECONDS = 20;
    /** The feed's source (not {@link TransformLatency}'s, which takes JSON arrays, on a shared suite). */
    private static final String SOURCE = "feed";

    private final HttpClient http = HttpClient.newHttpClient();
    /** Signed in as the suite's admin once the suite is up; every call carries its token. */
    private volatile Session session;

    public static void main(String[] args) throws Exception {
        int objectives = intArg(args, "--objectives", 1_000);
        int seconds = intArg(args, "--seconds", 120);
        int violations = intArg(args, "--violations", 3);
        new SloEvaluation().run(objectives, seconds, violations);
        if (!BenchSuite.sharing()) {
            System.exit(0);
        }
    }

    private void run(int objectives, int seconds, int violations) throws Exception {
        Path root = EndToEnd.repositoryRoot();
        Path work = Files.createTempDirectory("tributary-slo-bench-");
        EndToEnd.log("machine: " + EndToEnd.machine());
        Suite suite = null;
        Feed feed = null;
        try {
            suite = BenchSuite.start(work, root);
            new EndToEnd().declare(suite, SOURCE, "NDJSON", "UTC");
            session = Session.admin(suite);
            String requirements = suite.requirementsUrl();
            feed = new Feed(lines(work), suite.ingestionUrl() + "/api/sources/" + SOURCE + "/events");
            Thread feeder = new Thread(feed, "feed");
            feeder.setDaemon(true);
            feeder.start();

            long pid = suite.service(TributaryService.REQUIREMENTS).pid();
            Path postgres = suite.config().dataDir().resolve("postgres");
            CpuAccounting cpu = new CpuAccounting()
                    .add("requirements-service", () -> ProcessHandle.of(pid).stream().toList(), false)
                    .add("PostgreSQL (all backends)", () -> CpuAccounting.postgresTree(postgres), true);
            // the reference once the feed's first orders are in and the services have done their first evaluations
            EndToEnd.log("feeding an order a second; the reference after " + INTERVAL.multipliedBy(2).toSeconds()
                    + " s, once the first orders are in and evaluated");
            Thread.sleep(INTERVAL.multipliedBy(2).toMillis());
            double[] idle = measure(cpu, seconds, "no objective (reference)");

            long goal = id(send("POST", requirements + "/api/goals", "application/json", "{\"title\":\"bench\"}",
                    null));
            // one confirmed freshness objective per violation, each allowing a few seconds more than the one before,
            // so that their violations begin at different moments of the evaluation interval during one stop
            List<Long> watched = new ArrayList<>();
            for (int v = 0; v < violations; v++) {
                watched.add(confirmedFreshness(requirements, goal, freshness(v, violations)));
            }
            long started = System.nanoTime();
            for (int i = violations; i < objectives; i++) {
                send("POST", requirements + "/api/requirements", "application/json", objective(goal, i), "bench");
            }
            EndToEnd.log(String.format(Locale.ROOT, "%d objectives declared in %.1f s", objectives,
                    (System.nanoTime() - started) / 1e9));
            JsonNode slos = awaitEvaluated(requirements, objectives);
            EndToEnd.log("objectives evaluated: " + slos.size() + ", of which MET "
                    + count(slos, "MET") + ", VIOLATED " + count(slos, "VIOLATED") + ", NO_DATA "
                    + count(slos, "NO_DATA"));
            double[] loaded = measure(cpu, seconds, objectives + " objectives");

            // one stop of the feed violates every watched objective, each at its own onset
            List<Double> delays = new ArrayList<>();
            EndToEnd.log("the feed stops: waiting for " + violations + " alerts");
            feed.paused.set(true);
            Instant lastArrival = Instant.now();
            for (int v = 0; v < violations; v++) {
                JsonNode alert = awaitOpenAlert(requirements, watched.get(v), Duration.ofMinutes(2));
                Instant onset = lastArrival.plusSeconds(freshness(v, violations));
                double delay = Duration.between(onset, Instant.parse(alert.path("openedAt").asText())).toMillis()
                        / 1000.0;
                delays.add(delay);
                EndToEnd.log(String.format(Locale.ROOT, "violation %d: alert opened %.1f s after the data became "
                        + "older than %d s", v + 1, delay, freshness(v, violations)));
            }

            System.out.println();
            System.out.println("## Live evaluation of objectives, " + Instant.now() + ", " + EndToEnd.machine());
            System.out.println();
            System.out.println(String.format(Locale.ROOT, "The requirements service's CPU with %,d objectives evaluated "
                    + "every %d s, beside the same service holding none (the reference, same run), each measured over "
                    + "%d s while an order a second is fed; then the delay from a violation to its alert.", objectives,
                    INTERVAL.toSeconds(), seconds));
            System.out.println();
            System.out.println("| measured over " + seconds + " s | requirements-service, share of one core | "
                    + "PostgreSQL, share of one core |");
            System.out.println("|---|---|---|");
            System.out.printf(Locale.ROOT, "| no objective (reference) | %.2f%% | %.2f%% |%n", idle[0] * 100,
                    idle[1] * 100);
            System.out.printf(Locale.ROOT, "| %d objectives every %d s | %.2f%% | %.2f%% |%n", objectives,
                    INTERVAL.toSeconds(), loaded[0] * 100, loaded[1] * 100);
            System.out.printf(Locale.ROOT, "| difference, per 1,000 objectives | %.2f%% | %.2f%% |%n",
                    (loaded[0] - idle[0]) * 100 * 1000 / objectives, (loaded[1] - idle[1]) * 100 * 1000 / objectives);
            System.out.printf(Locale.ROOT, "violation to alert: %s s (evaluation interval %d s; objectives of %s s "
                    + "freshness, violated by one stop of the feed)%n",
                    delays.stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).toList(), INTERVAL.toSeconds(),
                    IntStream.range(0, violations).mapToObj(v -> freshness(v, violations)).toList());
        } finally {
            if (feed != null) {
                feed.stopped.set(true);
            }
            BenchSuite.stop(suite, work, false);
        }
    }

    /**
     * The freshness the {@code v}-th watched objective allows: from {@link #FRESHNESS_SECONDS} up, spread over one
     * evaluation interval.
     */
    private static int freshness(int v, int violations) {
        return FRESHNESS_SECONDS + (int) (v * INTERVAL.toSeconds() / Math.max(1, violations));
    }

    /** Waits until every objective has been evaluated once (the service lists it among its SLOs). */
    private JsonNode awaitEvaluated(String requirements, int objectives) throws Exception {
        long deadline = System.nanoTime() + INTERVAL.multipliedBy(6).toNanos();
        JsonNode slos = send("GET", requirements + "/api/slos", null, null, null);
        while (slos.size() < objectives && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            slos = send("GET", requirements + "/api/slos", null, null, null);
        }
        // one whole interval more, so that the measure starts with every objective in the evaluation's round
        EndToEnd.log(slos.size() + " objectives listed; one evaluation interval more (" + INTERVAL.toSeconds()
                + " s)");
        Thread.sleep(INTERVAL.toMillis());
        return send("GET", requirements + "/api/slos", null, null, null);
    }

    private double[] measure(CpuAccounting cpu, int seconds, String label) throws InterruptedException {
        EndToEnd.log(String.format(Locale.ROOT, "measure: %s, %d s", label, seconds));
        CpuAccounting.Snapshot from = cpu.snapshot();
        Thread.sleep(seconds * 1000L);
        CpuAccounting.Snapshot to = cpu.snapshot();
        double wall = (to.nanos() - from.nanos()) / 1e9;
        double service = CpuAccounting.seconds(from, to, "requirements-service") / wall;
        double postgres = CpuAccounting.seconds(from, to, "PostgreSQL (all backends)") / wall;
        EndToEnd.log(String.format(Locale.ROOT, "%s: requirements-service %.2f%% of a core, PostgreSQL %.2f%%",
                label, service * 100, postgres * 100));
        return new double[]{service, postgres};
    }

    /** Objectives of every measured kind, spread over the pipeline, its dataset, source and serving query. */
    private static String objective(long goal, int i) {
        String target;
        String objective;
        switch (i % 10) {
            case 0, 1, 2 -> {
                target = "{\"type\":\"PIPELINE\",\"name\":\"sales\"}";
                objective = "{\"kind\":\"freshness\",\"maximum\":" + (30 + i % 60) + ",\"unit\":\"s\"}";
            }
            case 3, 4 -> {
                target = "{\"type\":\"SERVING\",\"name\":\"/api/metrics/sales?groupBy=region\"}";
                objective = "{\"kind\":\"freshness\",\"maximum\":" + (30 + i % 60) + ",\"unit\":\"s\"}";
            }
            case 5 -> {
                target = "{\"type\":\"PIPELINE\",\"name\":\"sales\"}";
                objective = "{\"kind\":\"latency\",\"maximum\":5,\"unit\":\"s\",\"percentile\":99}";
            }
            case 6 -> {
                target = "{\"type\":\"DATASET\",\"name\":\"sales\"}";
                objective = "{\"kind\":\"errorRate\",\"maximum\":0.05,\"over\":\"PT1H\"}";
            }
            case 7 -> {
                target = "{\"type\":\"SOURCE\",\"name\":\"" + SOURCE + "\"}";
                objective = "{\"kind\":\"frequency\",\"every\":" + (10 + i % 50) + ",\"unit\":\"s\"}";
            }
            case 8 -> {
                target = "{\"type\":\"DATASET\",\"name\":\"sales\"}";
                objective = "{\"kind\":\"volume\",\"period\":\"PT1H\",\"minimum\":10}";
            }
            default -> {
                target = i % 100 == 9
                        ? "{\"type\":\"SERVING\",\"name\":\"/api/metrics/sales?groupBy=region\"}"
                        : "{\"type\":\"SOURCE\",\"name\":\"" + SOURCE + "\"}";
                objective = i % 100 == 9
                        ? "{\"kind\":\"availability\",\"within\":2,\"unit\":\"s\"}"
                        : "{\"kind\":\"retention\",\"minimum\":30,\"unit\":\"d\"}";
            }
        }
        return "{\"level\":\"SYSTEM\",\"kind\":\"NON_FUNCTIONAL\",\"goalId\":" + goal + ",\"statement\":\"objective "
                + i + "\",\"target\":" + target + ",\"objective\":" + objective + "}";
    }

    private long confirmedFreshness(String requirements, long goal, int seconds) throws Exception {
        long id = id(send("POST", requirements + "/api/requirements", "application/json",
                "{\"level\":\"STAKEHOLDER\",\"kind\":\"NON_FUNCTIONAL\",\"goalId\":" + goal + ",\"statement\":"
                        + "\"sales by region\",\"target\":{\"type\":\"PIPELINE\",\"name\":\"sales\"},\"objective\":"
                        + "{\"kind\":\"freshness\",\"maximum\":" + seconds + ",\"unit\":\"s\"}}",
                "bench"));
        send("POST", requirements + "/api/requirements/" + id + "/proposals", "application/json", "{}", "bench");
        send("POST", requirements + "/api/requirements/" + id + "/confirmations", "application/json",
                "{\"decision\":\"CONFIRM\"}", "bench");
        return id;
    }

    private JsonNode awaitOpenAlert(String requirements, long id, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode open = send("GET", requirements + "/api/alerts?state=OPEN&requirement=" + id, null, null, null);
            for (JsonNode alert : open) {
                if ("OBJECTIVE_VIOLATED".equals(alert.path("kind").asText())) {
                    return alert;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no alert for requirement " + id + " within " + limit);
    }

    private void awaitNoOpenAlert(String requirements, long id, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (send("GET", requirements + "/api/alerts?state=OPEN&requirement=" + id, null, null, null).isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the alert of requirement " + id + " did not resolve within " + limit);
    }

    private JsonNode send(String method, String url, String type, String body, String actor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (actor != null) {
            request.header("Tributary-Actor", actor);
        }
        request.header("Authorization", session.authorization());
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static long count(JsonNode slos, String state) {
        long count = 0;
        for (JsonNode slo : slos) {
            count += state.equals(slo.path("state").asText()) ? 1 : 0;
        }
        return count;
    }

    private static long id(JsonNode node) {
        return node.path("id").asLong();
    }

    private static List<String> lines(Path work) throws Exception {
        List<String> lines = new ArrayList<>();
        long rowId = 800_000_000L;
        for (DumpFile file : new SalesDumpGenerator(GeneratorOptions.defaults().withSeed(3).withRows(2_000)
                .withDays(1).withStartDate(LocalDate.now(ZoneOffset.UTC)).withAnomalyRate(0.01).withDuplicateRate(0)
                .withoutSchemaChange()).writeNdjson(work.resolve("feed")).files()) {
            for (String line : Files.readAllLines(file.path(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(line.replaceFirst("\"Row ID\":\\d+", "\"Row ID\":" + rowId++));
                }
            }
        }
        return lines;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** One order a second, until stopped; none while paused. */
    private final class Feed implements Runnable {

        final AtomicBoolean paused = new AtomicBoolean();
        final AtomicBoolean stopped = new AtomicBoolean();
        private final List<String> lines;
        private final String url;

        Feed(List<String> lines, String url) {
            this.lines = lines;
            this.url = url;
        }

        @Override
        public void run() {
            int next = 0;
            while (!stopped.get()) {
                try {
                    if (!paused.get()) {
                        send("POST", url, "application/x-ndjson", lines.get(next++ % lines.size()), null);
                    }
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    EndToEnd.log("feed: " + e.getMessage());
                }
            }
        }
    }
}
