package io.tributary.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.SalesColumns;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.DemoLoader;
import io.tributary.local.LocalPostgres;
import io.tributary.local.Suite;
import io.tributary.local.TributaryService;

/**
 * How soon a purchase changes the customer's recommendations: order lines posted to the packaged ingestion service
 * at a steady rate, each by a customer of its own who had bought nothing, and for each the time until
 * {@code GET /api/recommendations/sales/customers/{id}} answers with what the purchase brings.
 * <p>
 * The suite first takes {@code --history} order lines of the project's generator, so that products have co-purchase
 * counts; the purchases then each buy one of the products bought with another in at least {@link #MIN_CO_PURCHASES}
 * orders (serving's default minimum for a pair to count). A customer with no history is recommended best sellers only;
 * once the transform has applied their purchase, products bought together with it lead the answer
 * ({@code basis: co-purchases}): serving ranks co-purchases ahead of the best sellers (its default, decision 0041),
 * so the purchase shows in the first answer that reflects it whatever the popularity of what goes with it. A
 * watcher per purchase asks for the customer's recommendations every {@code --poll-ms} from the moment the purchase
 * is due to leave (open loop: due times are fixed whatever the earlier purchases did) and notes the answer that first
 * shows a co-purchase recommendation; the latency runs from the due time to that answer (over-stated by up to one
 * poll interval and one answer).
 * <p>
 * Where the time goes: besides the ingestion's answer, each purchase's curated row gives when its batch was accepted
 * ({@code _accepted_at}) and when the transform's transaction that wrote it began ({@code _curated_at}); placed on the
 * benchmark's clock, they split the latency into ingestion up to acceptance, Kafka and the transform's poll (with any
 * transaction it waited behind), and the transaction with serving's answer and the poll.
 * <p>
 * The warm-up ({@code --warmup}, 30 s) posts purchases of customers of its own as the measure does, so that the
 * services' push, transform and recommendation paths are compiled before the measure; its latency is logged by thirds
 * (whether it had levelled off), and the measure waits until the suite has settled after it. On a suite started just
 * before (the first benchmark of a sequence), a shorter warm-up measured the suite's start.
 * <p>
 * Usage: {@code run-recommendation-latency.sh [--rate 20] [--seconds 30] [--warmup 30] [--history 5000]
 * [--poll-ms 10] [--keep]}
 */
public final class RecommendationLatency {

    private static final String SOURCE = "purchases";
    private static final int SENDERS = 32;
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private static final long PURCHASE_ROW_IDS = 100_000_000L;
    /** Per customer of the purchases, the timestamps of their curated row (the demo pipeline's customer field). */
    private static final String STAGES = """
            select customer_id, (extract(epoch from min(_accepted_at)) * 1000000)::bigint,
                   (extract(epoch from min(_curated_at)) * 1000000)::bigint
            from curated.sales where customer_id = any(?) group by 1
            """;
    /** Serving's default {@code min-co-purchases}: a pair in fewer orders does not count. */
    static final long MIN_CO_PURCHASES = 2;

    private final int rate;
    private final int seconds;
    private final int warmup;
    private final int history;
    private final int pollMillis;
    private final boolean keep;
    private final Path root;
    private final EndToEnd bench = new EndToEnd();

    private RecommendationLatency(int rate, int seconds, int warmup, int history, int pollMillis, boolean keep,
            Path root) {
        this.rate = rate;
        this.seconds = seconds;
        this.warmup = warmup;
        this.history = history;
        this.pollMillis = pollMillis;
        this.keep = keep;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        int rate = 20;
        int seconds = 30;
        int warmup = 30;
        int history = 5000;
        int pollMillis = 10;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--history" -> history = Integer.parseInt(args[++i]);
                case "--poll-ms" -> pollMillis = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                case "-h", "--help" -> {
                    System.out.println("usage: run-recommendation-latency.sh [--rate purchases/s, default 20] "
                            + "[--seconds 30] [--warmup 30] [--history order lines, default 5000] [--poll-ms 10] "
                            + "[--keep]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (-h for help)");
            }
        }
        Path root = EndToEnd.repositoryRoot();
        EndToEnd.requirePackagedServices(root);
        new RecommendationLatency(rate, seconds, warmup, history, pollMillis, keep, root).run();
    }

    /** The purchases of one phase: each one's customer, body, and when it was due, answered and seen. */
    private static final class Phase {
        final String[] customers;
        final byte[][] bodies;
        final long[] due;
        final AtomicLongArray answered;
        final AtomicLongArray seen;
        final AtomicLongArray seenPollStart;
        final int[] status;
        /** The wall clock at {@link #nanoAnchor}, to place the due times beside the database's timestamps. */
        long wallAnchorMicros;
        long nanoAnchor;

        Phase(int purchases) {
            customers = new String[purchases];
            bodies = new byte[purchases][];
            due = new long[purchases];
            answered = new AtomicLongArray(purchases);
            seen = new AtomicLongArray(purchases);
            seenPollStart = new AtomicLongArray(purchases);
            status = new int[purchases];
        }
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("tributary-reco-latency-");
        EndToEnd.log("working directory " + work);
        EndToEnd.log("services of " + root + " (" + EndToEnd.revision(root) + ")");
        EndToEnd.log("machine: " + EndToEnd.machine());
        Suite suite = null;
        try {
            List<ObjectNode> lines = orderLines(work, history);
            Suite started = BenchSuite.start(work, root);
            suite = started;
            CpuAccounting cpu = EndToEnd.accounting(suite);
            bench.declare(suite, SOURCE, "JSON", "UTC");
            loadHistory(suite, lines);
            List<String> products = productsWithCoPurchases(suite, lines);
            EndToEnd.log(products.size() + " products with co-purchases to buy");

            ObjectNode template = lines.get(0);
            Phase warm = phase("W", template, products, 0, warmup * rate);
            Phase measured = phase("M", template, products, warmup * rate, seconds * rate);
            if (warmup > 0) {
                EndToEnd.log(String.format(Locale.ROOT, "warm-up: %d s at %d purchases/s, not counted", warmup,
                        rate));
                drive(suite, warm);
                logWarmup(warm);
                EndToEnd.settle(cpu);
            }
            EndToEnd.log(String.format(Locale.ROOT, "measure: %d s at %d purchases/s, recommendations asked every "
                    + "%d ms per purchase", seconds, rate, pollMillis));
            String loadBefore = EndToEnd.loadAverage();
            CpuAccounting.Snapshot from = cpu.snapshot();
            drive(suite, measured);
            CpuAccounting.Snapshot to = cpu.snapshot();
            report(measured, loadBefore, from, to, stages(suite, measured));
        } finally {
            EndToEnd.stopSuite(suite, work, keep);
        }
    }

    private List<ObjectNode> orderLines(Path work, long count) throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(GeneratedCsv.options(count, TransformLatency.SEED))
                .writeNdjson(work.resolve("input"));
        List<ObjectNode> lines = new ArrayList<>();
        for (var file : dumps.files()) {
            for (String line : Files.readAllLines(file.path(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add((ObjectNode) EndToEnd.JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    /** Posts the history and waits until serving's aggregate counts every line ingestion accepted. */
    private void loadHistory(Suite suite, List<ObjectNode> lines) throws Exception {
        URI events = URI.create(suite.ingestionUrl() + "/api/sources/" + SOURCE + "/events");
        long accepted = 0;
        for (int i = 0; i < lines.size(); i += 500) {
            ArrayNode body = EndToEnd.JSON.createArrayNode();
            lines.subList(i, Math.min(lines.size(), i + 500)).forEach(body::add);
            HttpResponse<String> response = EndToEnd.expect(bench.send(HttpRequest.newBuilder(events)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EndToEnd.JSON.writeValueAsBytes(body))),
                    Duration.ofMinutes(2)), 200);
            accepted += EndToEnd.JSON.readTree(response.body()).path("accepted").asLong();
        }
        URI total = URI.create(suite.servingUrl() + "/api/metrics/" + DemoLoader.DATASET);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long counted = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = bench.send(HttpRequest.newBuilder(total).GET(), Duration.ofSeconds(30));
            if (response.statusCode() == 200) {
                JsonNode rows = EndToEnd.JSON.readTree(response.body()).path("rows");
                counted = rows.isEmpty() ? 0 : rows.path(0).path("lines").asLong();
                if (counted >= accepted) {
                    EndToEnd.log(String.format(Locale.ROOT, "history: %,d order lines posted, %,d accepted and "
                            + "applied", lines.size(), accepted));
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the history was not applied within 5 minutes: " + counted + " of "
                + accepted + " lines counted");
    }

    /** Products of the history that enough orders hold with another product for the pair to count. */
    private List<String> productsWithCoPurchases(Suite suite, List<ObjectNode> lines) throws Exception {
        Set<String> candidates = new LinkedHashSet<>();
        lines.forEach(line -> candidates.add(line.path("Product ID").asText()));
        List<String> products = new ArrayList<>();
        for (String product : candidates) {
            URI uri = URI.create(suite.servingUrl() + "/api/features/" + DemoLoader.DATASET + "/products/"
                    + java.net.URLEncoder.encode(product, StandardCharsets.UTF_8).replace("+", "%20")
                    + "/co-purchases?limit=1");
            HttpResponse<String> response = bench.send(HttpRequest.newBuilder(uri).GET(), Duration.ofSeconds(30));
            if (response.statusCode() == 200 && EndToEnd.JSON.readTree(response.body()).path("boughtWith").path(0)
                    .path("orders").asLong() >= MIN_CO_PURCHASES) {
                products.add(product);
                if (products.size() == 50) {
                    break;
                }
            }
        }
        if (products.isEmpty()) {
            throw new IllegalStateException("no product of the history is bought with another in " + MIN_CO_PURCHASES
                    + " orders or more; raise --history");
        }
        return products;
    }

    /** Purchases by new customers, one order line each, of products with co-purchases in turn. */
    private Phase phase(String prefix, ObjectNode template, List<String> products, int offset, int purchases)
            throws IOException {
        Phase phase = new Phase(purchases);
        for (int k = 0; k < purchases; k++) {
            int n = offset + k;
            ObjectNode line = template.deepCopy();
            String customer = String.format(Locale.ROOT, "RC-%s%06d", prefix, k);
            line.put(SalesColumns.ROW_ID, PURCHASE_ROW_IDS + n);
            line.put(SalesColumns.ORDER_ID, String.format(Locale.ROOT, "RO-%s%06d", prefix, k));
            line.put("Customer ID", customer);
            line.put("Product ID", products.get(n % products.size()));
            phase.customers[k] = customer;
            phase.bodies[k] = EndToEnd.JSON.writeValueAsBytes(EndToEnd.JSON.createArrayNode().add(line));
        }
        return phase;
    }

    /** Posts each purchase at its due time while a watcher per purchase asks for its customer's recommendations. */
    private void drive(Suite suite, Phase phase) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        URI events = URI.create(suite.ingestionUrl() + "/api/sources/" + SOURCE + "/events");
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS, daemon("sender"));
        ExecutorService watchers = Executors.newCachedThreadPool(daemon("watcher"));
        long start = System.nanoTime() + 50_000_000L;
        Instant wall = Instant.now();
        phase.nanoAnchor = System.nanoTime();
        phase.wallAnchorMicros = wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1_000;
        for (int k = 0; k < phase.due.length; k++) {
            phase.due[k] = start + k * interval;
        }
        for (int k = 0; k < phase.due.length; k++) {
            long wait = phase.due[k] - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(wait);
                wait = phase.due[k] - System.nanoTime();
            }
            int purchase = k;
            senders.execute(() -> post(events, phase, purchase));
            watchers.execute(() -> watch(suite, phase, purchase));
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        watchers.shutdown();
        watchers.awaitTermination(GIVE_UP.toSeconds() + 10, TimeUnit.SECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void post(URI events, Phase phase, int k) {
        int status;
        try {
            HttpResponse<String> response = bench.http.send(HttpRequest.newBuilder(events)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", bench.authorization())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(phase.bodies[k])).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status != 200) {
                EndToEnd.log("purchase " + phase.customers[k] + " answered " + status + ": " + response.body());
            } else if (EndToEnd.JSON.readTree(response.body()).path("accepted").asLong() != 1) {
                EndToEnd.log("purchase " + phase.customers[k] + " not accepted: " + response.body());
                status = -2;
            }
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        phase.status[k] = status;
        phase.answered.set(k, System.nanoTime());
    }

    /** Asks for the customer's recommendations until one comes from co-purchases, or {@link #GIVE_UP}. */
    private void watch(Suite suite, Phase phase, int k) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.servingUrl() + "/api/recommendations/"
                + DemoLoader.DATASET + "/customers/" + phase.customers[k] + "?limit=10"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", bench.authorization()).GET().build();
        long giveUp = phase.due[k] + GIVE_UP.toNanos();
        while (System.nanoTime() < giveUp) {
            long pollStart = System.nanoTime();
            if (phase.answered.get(k) != 0 && phase.status[k] != 200) {
                return;
            }
            try {
                HttpResponse<String> response = bench.http.send(request, HttpResponse.BodyHandlers.ofString());
                long arrived = System.nanoTime();
                if (response.statusCode() == 200) {
                    for (JsonNode product : EndToEnd.JSON.readTree(response.body()).path("recommendations")) {
                        if ("co-purchases".equals(product.path("basis").asText())) {
                            phase.seen.set(k, arrived);
                            phase.seenPollStart.set(k, pollStart);
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                // the next poll may succeed
            } catch (InterruptedException e) {
                return;
            }
            long next = pollStart + pollMillis * 1_000_000L - System.nanoTime();
            if (next > 0) {
                LockSupport.parkNanos(next);
            }
        }
    }

    /**
     * When each purchase's curated row says ingestion accepted it ({@code _accepted_at}, its batch's acceptance time)
     * and when the transform's transaction that wrote it began ({@code _curated_at}, the transaction's {@code now()}),
     * both as nanoseconds on the benchmark's clock; by customer.
     */
    private static Map<String, long[]> stages(Suite suite, Phase phase) throws SQLException {
        Map<String, long[]> stages = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(suite.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
                PreparedStatement query = connection.prepareStatement(STAGES)) {
            query.setArray(1, connection.createArrayOf("text", phase.customers));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    stages.put(result.getString(1), new long[]{onBenchClock(phase, result.getLong(2)),
                            onBenchClock(phase, result.getLong(3))});
                }
            }
        }
        return stages;
    }

    /** The warm-up's latency by thirds: whether it had levelled off before the measure. */
    private static void logWarmup(Phase phase) {
        StringBuilder thirds = new StringBuilder();
        int third = Math.max(1, phase.due.length / 3);
        for (int from = 0; from < phase.due.length; from += third) {
            List<Long> latency = new ArrayList<>();
            int purchases = Math.min(phase.due.length, from + third) - from;
            for (int k = from; k < Math.min(phase.due.length, from + third); k++) {
                if (phase.status[k] == 200 && phase.seen.get(k) != 0) {
                    latency.add(phase.seen.get(k) - phase.due[k]);
                }
            }
            long[] sorted = EndToEnd.sorted(latency);
            thirds.append(thirds.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%,d of %,d seen, p50 %,d / p99 %,d",
                    sorted.length, purchases, EndToEnd.percentile(sorted, 50) / 1_000_000, EndToEnd.percentile(sorted, 99)
                            / 1_000_000));
        }
        EndToEnd.log("warm-up by thirds, due -> recommendations changed ms (those not seen within " + GIVE_UP.toSeconds()
                + " s left out): " + thirds);
    }

    private static long onBenchClock(Phase phase, long epochMicros) {
        return phase.nanoAnchor + (epochMicros - phase.wallAnchorMicros) * 1_000L;
    }

    private void report(Phase phase, String loadBefore, CpuAccounting.Snapshot from, CpuAccounting.Snapshot to,
            Map<String, long[]> stages) {
        List<Long> latency = new ArrayList<>();
        List<Long> lower = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        List<Long> afterAnswer = new ArrayList<>();
        List<Long> toAccepted = new ArrayList<>();
        List<Long> toTransaction = new ArrayList<>();
        List<Long> toSeen = new ArrayList<>();
        int ok = 0;
        int unseen = 0;
        for (int k = 0; k < phase.due.length; k++) {
            if (phase.status[k] != 200) {
                continue;
            }
            ok++;
            posts.add(phase.answered.get(k) - phase.due[k]);
            if (phase.seen.get(k) == 0) {
                unseen++;
                continue;
            }
            latency.add(phase.seen.get(k) - phase.due[k]);
            long[] stage = stages.get(phase.customers[k]);
            if (stage != null) {
                toAccepted.add(Math.max(0, stage[0] - phase.due[k]));
                toTransaction.add(Math.max(0, stage[1] - stage[0]));
                toSeen.add(Math.max(0, phase.seen.get(k) - stage[1]));
            }
            afterAnswer.add(Math.max(0, phase.seen.get(k) - phase.answered.get(k)));
            lower.add(Math.max(0, phase.seenPollStart.get(k) - phase.due[k]));
        }
        long[] latencies = EndToEnd.sorted(latency);
        System.out.println();
        System.out.println("## Purchase to changed recommendations, " + Instant.now() + ", " + EndToEnd.machine());
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "Load: %d purchases/s planned for %d s (one order line each, "
                + "POST /api/sources/%s/events), open loop; each customer's recommendations asked every %d ms until "
                + "they change; %,d order lines of history. Load average before the measure: %s.", rate, seconds,
                SOURCE, pollMillis, history, loadBefore));
        System.out.println(String.format(Locale.ROOT, "Purchases: %,d due, %,d accepted, %,d not; %,d accepted but "
                + "not seen in the recommendations within %d s.", phase.due.length, ok, phase.due.length - ok,
                unseen, GIVE_UP.toSeconds()));
        System.out.println();
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"ms, per purchase", "n", "p50", "p95", "p99", "max"});
        table.add(row("due -> recommendations changed (the latency)", latencies));
        table.add(row("  same, lower bound (start of the poll that saw it)", EndToEnd.sorted(lower)));
        table.add(row("due -> POST answered (ingestion, Kafka acknowledged)", EndToEnd.sorted(posts)));
        table.add(row("POST answered -> recommendations changed", EndToEnd.sorted(afterAnswer)));
        table.add(row("due -> accepted (the curated row's _accepted_at: its batch's acceptance)",
                EndToEnd.sorted(toAccepted)));
        table.add(row("accepted -> transform's transaction began (_curated_at: Kafka, poll, queue)",
                EndToEnd.sorted(toTransaction)));
        table.add(row("transaction began -> recommendations changed (transaction, serving's answer, poll)",
                EndToEnd.sorted(toSeen)));
        EndToEnd.printTable(table);
        System.out.println();
        long p99 = EndToEnd.percentile(latencies, 99);
        System.out.println(String.format(Locale.ROOT, "Target p99 < 1 s: %s (p99 %s ms%s).",
                p99 >= 0 && p99 < 1_000_000_000L && unseen == 0 && ok == phase.due.length ? "MET" : "NOT MET",
                EndToEnd.ms(p99), unseen == 0 && ok == phase.due.length ? "" : ", with errors or unseen purchases"));
        EndToEnd.printCpu("CPU time by process during the measure:", from, to);
        System.out.println();
        System.out.println("Ingestion's CPU for the one-line pushes answered 200 (" + String.format(Locale.ROOT, "%,d",
                ok) + "): "
                + CpuAccounting.perUnit(from, to, TributaryService.INGESTION.module(), ok, 1e3, "ms",
                        "push")
                + ". Load average at the end: " + EndToEnd.loadAverage() + ".");
    }

    private static String[] row(String name, long[] sorted) {
        return new String[]{name, String.format(Locale.ROOT, "%,d", sorted.length),
                EndToEnd.ms(EndToEnd.percentile(sorted, 50)), EndToEnd.ms(EndToEnd.percentile(sorted, 95)),
                EndToEnd.ms(EndToEnd.percentile(sorted, 99)),
                EndToEnd.ms(sorted.length == 0 ? -1 : sorted[sorted.length - 1])};
    }
}
