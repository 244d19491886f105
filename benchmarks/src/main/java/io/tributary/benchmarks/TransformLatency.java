package io.tributary.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.SalesColumns;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.DemoLoader;
import io.tributary.local.Suite;
import io.tributary.local.TributaryService;

/**
 * Streaming latency of the transform path: events pushed to the packaged ingestion service over HTTP at a steady rate
 * (open loop: each request leaves at its planned time, whatever the earlier ones did), and for each request the time
 * until serving's aggregate ({@code GET /api/metrics/sales?groupBy=region}) counts all its events.
 * <p>
 * Each request's events are order lines of the project's generator whose region is replaced by a marker of that
 * request alone ({@code M000123}) and whose order date is a day of that second alone; a poller asks serving for the
 * regions of the days still outstanding every {@code --poll-ms} and notes when a marker's {@code lines} reaches the
 * number of events sent with it. The latency of a request is therefore that of its last event to be reflected,
 * measured from the moment the request was due to leave, up to the arrival of the answer that showed it (so it is
 * over-stated by up to one poll interval and one serving answer).
 * <p>
 * In the same run, a client of serving's live stream ({@code GET /api/metrics/sales/stream?groupBy=region}, one
 * stream per second's day, opened before that second's first request is due and closed once all its markers are
 * counted) notes when an event of the stream first shows a marker with all its events: the latency of the push
 * (decision 0039), beside the poll's. {@code --no-sse} leaves it out.
 * <p>
 * A warm-up at the same rate, with markers of its own, comes first and is not counted: 60 s by default, as the
 * services' JIT compilers were still busy 30 s into the load (the CPU table gives their share of the measure).
 * <p>
 * Usage: {@code run-latency.sh [--rate 2000] [--seconds 60] [--per-request 100] [--warmup 60] [--poll-ms 20] [--jfr]
 * [--pg-sample] [--no-sse] [--keep]}; {@code --pg-sample} samples PostgreSQL's active statements during the measure
 * ({@link PgActivitySampler}).
 */
public final class TransformLatency {

    static final long SEED = 20_240_101L;
    static final String SOURCE = "stream";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern(SalesColumns.DATE_PATTERN,
            Locale.ROOT);
    private static final LocalDate WARMUP_DAY = LocalDate.of(2030, 1, 1);
    private static final LocalDate MEASURE_DAY = LocalDate.of(2031, 1, 1);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
    private static final int SENDERS = 64;

    private final int rate;
    private final int seconds;
    private final int perRequest;
    private final int warmup;
    private final int pollMillis;
    private final boolean jfr;
    private final boolean keep;
    private final boolean pgSample;
    private final boolean sse;
    private final Path root;
    private final EndToEnd bench = new EndToEnd();

    private TransformLatency(int rate, int seconds, int perRequest, int warmup, int pollMillis, boolean jfr,
            boolean keep, boolean pgSample, boolean sse, Path root) {
        this.rate = rate;
        this.seconds = seconds;
        this.perRequest = perRequest;
        this.warmup = warmup;
        this.pollMillis = pollMillis;
        this.jfr = jfr;
        this.keep = keep;
        this.pgSample = pgSample;
        this.sse = sse;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        int rate = 2000;
        int seconds = 60;
        int perRequest = 100;
        int warmup = 60;
        int pollMillis = 20;
        boolean jfr = false;
        boolean keep = false;
        boolean pgSample = false;
        boolean sse = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--per-request" -> perRequest = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--poll-ms" -> pollMillis = Integer.parseInt(args[++i]);
                case "--jfr" -> jfr = true;
                case "--keep" -> keep = true;
                case "--pg-sample" -> pgSample = true;
                case "--no-sse" -> sse = false;
                case "-h", "--help" -> {
                    System.out.println("usage: run-latency.sh [--rate events/s, default 2000] [--seconds 60] "
                            + "[--per-request events, default 100] [--warmup seconds, default 60] "
                            + "[--poll-ms 20] [--jfr] [--pg-sample] [--no-sse] [--keep]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (-h for help)");
            }
        }
        if (rate % perRequest != 0 || (rate / perRequest) < 1) {
            throw new IllegalArgumentException("--rate must be a multiple of --per-request");
        }
        Path root = EndToEnd.repositoryRoot();
        EndToEnd.requirePackagedServices(root);
        new TransformLatency(rate, seconds, perRequest, warmup, pollMillis, jfr, keep, pgSample, sse, root).run();
    }

    /** One request of a phase: its events and marker, and when it was due, sent, answered and seen in serving. */
    private static final class Phase {
        final String name;
        final int requests;
        final String[] markers;
        final LocalDate[] days;
        final byte[][] bodies;
        final long[] due;
        final AtomicLongArray sent;
        final AtomicLongArray answered;
        final AtomicLongArray seen;
        final AtomicLongArray seenPollStart;
        final AtomicLongArray pushed;
        final int[] status;
        final AtomicInteger dispatched = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        volatile long start;
        long polls;
        long pollNanos;
        long pollRowsMax;

        Phase(String name, int requests) {
            this.name = name;
            this.requests = requests;
            this.markers = new String[requests];
            this.days = new LocalDate[requests];
            this.bodies = new byte[requests][];
            this.due = new long[requests];
            this.sent = new AtomicLongArray(requests);
            this.answered = new AtomicLongArray(requests);
            this.seen = new AtomicLongArray(requests);
            this.seenPollStart = new AtomicLongArray(requests);
            this.pushed = new AtomicLongArray(requests);
            this.status = new int[requests];
        }
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("tributary-latency-");
        EndToEnd.log("working directory " + work);
        EndToEnd.log("services of " + root + " (" + EndToEnd.revision(root) + ")");
        EndToEnd.log("machine: " + EndToEnd.machine());
        int perSecond = rate / perRequest;
        Suite suite = null;
        try {
            List<ObjectNode> lines = orderLines(work, (long) rate * (warmup + seconds));
            Phase warm = phase("warm-up", "W", WARMUP_DAY, lines, 0, warmup * perSecond);
            Phase measured = phase("measured", "M", MEASURE_DAY, lines, warmup * perSecond * perRequest,
                    seconds * perSecond);
            lines.clear();

            Suite started = BenchSuite.start(work, root);
            suite = started;
            CpuAccounting cpu = EndToEnd.accounting(suite);
            bench.declare(suite, SOURCE, "JSON", "UTC");

            if (warm.requests > 0) {
                EndToEnd.log(String.format(Locale.ROOT, "warm-up: %d s at %,d events/s (%d requests/s of %d "
                        + "events), not counted", warmup, rate, perSecond, perRequest));
                drive(suite, warm, perSecond);
                EndToEnd.log(String.format(Locale.ROOT, "warm-up done: %d of %d requests reflected, %d errors",
                        count(warm.seen), warm.requests, warm.errors.get()));
                Thread.sleep(2000);
            }
            if (jfr) {
                EndToEnd.startJfr(suite, TributaryService.TRANSFORM, work.resolve("transform.jfr"));
                EndToEnd.startJfr(suite, TributaryService.INGESTION, work.resolve("ingestion.jfr"));
            }
            EndToEnd.log(String.format(Locale.ROOT, "measure: %d s at %,d events/s (%d requests/s of %d "
                    + "events), serving polled every %d ms", seconds, rate, perSecond, perRequest, pollMillis));
            PgActivitySampler sampler = pgSample ? new PgActivitySampler(suite.jdbcUrl(), 10) : null;
            if (sampler != null) {
                sampler.start();
            }
            TransformPolls pollsBefore = TransformPolls.read(bench, suite);
            CpuAccounting.Snapshot from = cpu.snapshot();
            String loadBefore = EndToEnd.loadAverage();
            drive(suite, measured, perSecond);
            CpuAccounting.Snapshot to = cpu.snapshot();
            TransformPolls pollsAfter = TransformPolls.read(bench, suite);
            if (sampler != null) {
                sampler.close();
            }
            if (jfr) {
                EndToEnd.stopJfr(suite, TributaryService.TRANSFORM, work.resolve("transform.jfr"),
                        "latency-transform.jfr", EndToEnd.APPLIER_FRAME);
                EndToEnd.stopJfr(suite, TributaryService.INGESTION, work.resolve("ingestion.jfr"),
                        "latency-ingestion.jfr", "io.tributary.ingestion.intake.EventIntakeService.");
            }
            JsonNode pipeline = bench.pipeline(suite);
            report(measured, perSecond, from, to, loadBefore, pipeline);
            System.out.println(TransformPolls.cpuPerRecord(pollsBefore, pollsAfter, from, to));
            System.out.println(TransformPolls.cpuPerPoll(pollsBefore, pollsAfter, from, to));
            if (sampler != null) {
                sampler.print(25);
            }
        } finally {
            EndToEnd.stopSuite(suite, work, keep);
        }
    }

    /** Clean order lines of the generator, one JSON object each (the contract's physical names as keys). */
    private List<ObjectNode> orderLines(Path work, long count) throws IOException {
        long g0 = System.nanoTime();
        GeneratedDumps dumps = new SalesDumpGenerator(GeneratedCsv.options(count, SEED)).writeNdjson(
                work.resolve("input"));
        List<ObjectNode> lines = new ArrayList<>((int) count);
        for (var file : dumps.files()) {
            for (String line : Files.readAllLines(file.path(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add((ObjectNode) EndToEnd.JSON.readTree(line));
                }
            }
        }
        if (lines.size() != count) {
            throw new IllegalStateException("asked the generator for " + count + " lines, it wrote " + lines.size());
        }
        EndToEnd.log(String.format(Locale.ROOT, "generated %,d order lines in %.1f s", count,
                EndToEnd.seconds(System.nanoTime() - g0)));
        return lines;
    }

    /** The requests of a phase, their bodies serialised beforehand so that the client does little while it runs. */
    private Phase phase(String name, String prefix, LocalDate firstDay, List<ObjectNode> lines, int offset,
            int requests) throws IOException {
        Phase phase = new Phase(name, requests);
        int perSecond = rate / perRequest;
        for (int k = 0; k < requests; k++) {
            String marker = String.format(Locale.ROOT, "%s%06d", prefix, k);
            LocalDate day = firstDay.plusDays(k / perSecond);
            ArrayNode body = EndToEnd.JSON.createArrayNode();
            for (int e = 0; e < perRequest; e++) {
                ObjectNode event = lines.get(offset + k * perRequest + e);
                event.put(SalesColumns.REGION, marker);
                event.put(SalesColumns.ORDER_DATE, US_DATE.format(day));
                body.add(event);
            }
            phase.markers[k] = marker;
            phase.days[k] = day;
            phase.bodies[k] = EndToEnd.JSON.writeValueAsBytes(body);
        }
        return phase;
    }

    /** Sends the phase's requests at their planned times while a poller watches serving, until all are seen. */
    private void drive(Suite suite, Phase phase, int perSecond) throws Exception {
        long interval = 1_000_000_000L / perSecond;
        URI events = URI.create(suite.ingestionUrl() + "/api/sources/" + SOURCE + "/events");
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
            Thread thread = new Thread(r, "sender");
            thread.setDaemon(true);
            return thread;
        });
        Thread poller = new Thread(() -> poll(suite, phase), "serving-poller");
        poller.setDaemon(true);
        long start = System.nanoTime() + 50_000_000L;
        phase.start = start;
        for (int k = 0; k < phase.requests; k++) {
            phase.due[k] = start + k * interval;
        }
        poller.start();
        ExecutorService streams = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sse-client");
            thread.setDaemon(true);
            return thread;
        });
        for (int k = 0; k < phase.requests; k++) {
            if (sse && k % perSecond == 0) {
                int first = k;
                streams.execute(() -> watch(suite, phase, first, Math.min(phase.requests, first + perSecond)));
            }
            long wait = phase.due[k] - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(wait);
                wait = phase.due[k] - System.nanoTime();
            }
            int request = k;
            senders.execute(() -> post(events, phase, request));
            phase.dispatched.incrementAndGet();
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        poller.join(DRAIN_LIMIT.toMillis());
        poller.interrupt();
        poller.join();
        streams.shutdownNow();
        streams.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Follows serving's live stream of the day of requests {@code from} (included) to {@code to} (excluded), and
     * notes when an event first shows each of their markers with all its events; ends when all are shown, after
     * {@link #DRAIN_LIMIT} past the last request's due time, or when interrupted.
     */
    private void watch(Suite suite, Phase phase, int from, int to) {
        LocalDate day = phase.days[from];
        URI uri = URI.create(suite.servingUrl() + "/api/metrics/" + DemoLoader.DATASET + "/stream?groupBy=region"
                + "&from=" + day + "&to=" + day);
        Map<String, Integer> index = new HashMap<>();
        for (int k = from; k < to; k++) {
            index.put(phase.markers[k], k);
        }
        long giveUp = phase.due[to - 1] + DRAIN_LIMIT.toNanos();
        try {
            HttpResponse<Stream<String>> response = bench.http.send(HttpRequest.newBuilder(uri)
                    .header("Accept", "text/event-stream").header("Authorization", bench.authorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                EndToEnd.log("stream of " + day + " answered " + response.statusCode());
                response.body().close();
                return;
            }
            try (Stream<String> lines = response.body()) {
                var it = lines.iterator();
                int left = to - from;
                while (left > 0 && System.nanoTime() < giveUp && it.hasNext()) {
                    String line = it.next();
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    long arrived = System.nanoTime();
                    for (JsonNode row : EndToEnd.JSON.readTree(line.substring(5)).path("rows")) {
                        Integer k = index.get(row.path("dimensions").path("region").asText());
                        if (k != null && row.path("lines").asLong() >= perRequest && phase.pushed.get(k) == 0) {
                            phase.pushed.set(k, arrived);
                            left--;
                        }
                    }
                }
            }
        } catch (IOException e) {
            EndToEnd.log("stream of " + day + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(URI events, Phase phase, int k) {
        phase.sent.set(k, System.nanoTime());
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
            if (status != 200 && phase.errors.get() < 5) {
                EndToEnd.log("request " + phase.markers[k] + " answered " + status + ": " + response.body());
            }
        } catch (IOException e) {
            status = -1;
            if (phase.errors.get() < 5) {
                EndToEnd.log("request " + phase.markers[k] + " failed: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        phase.status[k] = status;
        phase.answered.set(k, System.nanoTime());
        if (status != 200) {
            phase.errors.incrementAndGet();
        }
    }

    /**
     * Asks serving for the regions of the outstanding requests' days, at most every {@code pollMillis}, and notes
     * when each marker counts all its events; ends when every request sent is seen or failed, or after
     * {@link #DRAIN_LIMIT} past the last due time.
     */
    private void poll(Suite suite, Phase phase) {
        String base = suite.servingUrl() + "/api/metrics/" + DemoLoader.DATASET + "?groupBy=region";
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < phase.requests; k++) {
            index.put(phase.markers[k], k);
        }
        int lowest = 0;
        long lastDue = phase.start + (long) (phase.requests) * 1_000_000_000L / (rate / perRequest);
        while (!Thread.currentThread().isInterrupted()) {
            long pollStart = System.nanoTime();
            if (pollStart - lastDue > DRAIN_LIMIT.toNanos()) {
                EndToEnd.log("poller: giving up " + DRAIN_LIMIT + " after the last request");
                return;
            }
            int dispatched = phase.dispatched.get();
            while (lowest < dispatched && done(phase, lowest)) {
                lowest++;
            }
            if (lowest >= phase.requests) {
                return;
            }
            LocalDate first = null;
            LocalDate last = null;
            for (int k = lowest; k < dispatched; k++) {
                if (!done(phase, k)) {
                    first = first == null ? phase.days[k] : first;
                    last = phase.days[k];
                }
            }
            if (first != null) {
                try {
                    HttpResponse<String> response = bench.http.send(HttpRequest.newBuilder(URI.create(base
                            + "&from=" + first + "&to=" + last)).timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json")
                            .header("Authorization", bench.authorization()).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    long arrived = System.nanoTime();
                    phase.polls++;
                    phase.pollNanos += arrived - pollStart;
                    if (response.statusCode() == 200) {
                        JsonNode rows = EndToEnd.JSON.readTree(response.body()).path("rows");
                        phase.pollRowsMax = Math.max(phase.pollRowsMax, rows.size());
                        for (JsonNode row : rows) {
                            Integer k = index.get(row.path("dimensions").path("region").asText());
                            if (k != null && row.path("lines").asLong() >= perRequest && phase.seen.get(k) == 0) {
                                phase.seen.set(k, arrived);
                                phase.seenPollStart.set(k, pollStart);
                            }
                        }
                    }
                } catch (IOException e) {
                    // the next poll may succeed
                } catch (InterruptedException e) {
                    return;
                }
            }
            long next = pollStart + pollMillis * 1_000_000L - System.nanoTime();
            if (next > 0) {
                LockSupport.parkNanos(next);
            }
        }
    }

    /** Seen in serving, or answered with an error (its events will never show). */
    private static boolean done(Phase phase, int k) {
        return phase.seen.get(k) != 0 || (phase.answered.get(k) != 0 && phase.status[k] != 200);
    }

    private static int count(AtomicLongArray values) {
        int n = 0;
        for (int i = 0; i < values.length(); i++) {
            n += values.get(i) != 0 ? 1 : 0;
        }
        return n;
    }

    // ------------------------------------------------------------------ the report

    private void report(Phase phase, int perSecond, CpuAccounting.Snapshot from, CpuAccounting.Snapshot to,
            String loadBefore, JsonNode pipeline) {
        List<Long> fromDue = new ArrayList<>();
        List<Long> fromAnswer = new ArrayList<>();
        List<Long> lowerBound = new ArrayList<>();
        List<Long> post = new ArrayList<>();
        List<Long> sendDelay = new ArrayList<>();
        List<Long> pushedFromDue = new ArrayList<>();
        int unpushed = 0;
        int ok = 0;
        int unseen = 0;
        long firstSent = Long.MAX_VALUE;
        long lastAnswered = 0;
        for (int k = 0; k < phase.requests; k++) {
            long sent = phase.sent.get(k);
            long answered = phase.answered.get(k);
            firstSent = Math.min(firstSent, sent);
            lastAnswered = Math.max(lastAnswered, answered);
            sendDelay.add(sent - phase.due[k]);
            if (phase.status[k] != 200) {
                continue;
            }
            ok++;
            post.add(answered - sent);
            long pushed = phase.pushed.get(k);
            if (pushed != 0) {
                pushedFromDue.add(pushed - phase.due[k]);
            } else {
                unpushed++;
            }
            long seen = phase.seen.get(k);
            if (seen == 0) {
                unseen++;
                continue;
            }
            fromDue.add(seen - phase.due[k]);
            fromAnswer.add(Math.max(0, seen - answered));
            lowerBound.add(Math.max(0, phase.seenPollStart.get(k) - phase.due[k]));
        }
        long[] latency = EndToEnd.sorted(fromDue);
        long[] afterAnswer = EndToEnd.sorted(fromAnswer);
        long[] lower = EndToEnd.sorted(lowerBound);
        long[] posts = EndToEnd.sorted(post);
        long[] delays = EndToEnd.sorted(sendDelay);
        long[] pushes = EndToEnd.sorted(pushedFromDue);
        double window = EndToEnd.seconds(lastAnswered - firstSent);
        long events = (long) ok * perRequest;

        System.out.println();
        System.out.println("## Transform streaming latency, " + Instant.now() + ", " + EndToEnd.machine());
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "Load: %,d events/s planned for %d s, %d requests/s of %d "
                + "events (JSON array) to POST /api/sources/%s/events, open loop, %d sender threads; serving polled "
                + "every %d ms. Load average before the measure: %s.", rate, seconds, perSecond, perRequest, SOURCE,
                SENDERS, pollMillis, loadBefore));
        System.out.println(String.format(Locale.ROOT, "Requests: %,d sent, %,d answered 200, %,d errors, %,d answered "
                + "200 but never counted by serving. Events acknowledged: %,d, i.e. %,.0f events/s over %.1f s "
                + "(first request sent .. last answer).", phase.requests, ok, phase.requests - ok, unseen, events,
                events / window, window));
        System.out.println(String.format(Locale.ROOT, "Serving polls: %,d, mean answer %.1f ms, at most %d rows.",
                phase.polls, phase.polls == 0 ? 0 : phase.pollNanos / 1e6 / phase.polls, phase.pollRowsMax));
        System.out.println();
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"ms, per request of " + perRequest + " events", "n", "p50", "p95", "p99", "max"});
        table.add(row("due to leave -> serving counts it (the latency)", latency));
        table.add(row("  same, lower bound (start of the poll that saw it)", lower));
        if (sse) {
            table.add(row("due to leave -> SSE client receives the changed row", pushes));
        }
        table.add(row("POST answered -> serving counts it", afterAnswer));
        table.add(row("POST sent -> answered (ingestion, Kafka acknowledged)", posts));
        table.add(row("due -> sent (client delay)", delays));
        EndToEnd.printTable(table);
        System.out.println();
        long p99 = EndToEnd.percentile(latency, 99);
        boolean met = rate >= 2000 && p99 >= 0 && p99 < 500_000_000L && unseen == 0 && ok == phase.requests;
        System.out.println(String.format(Locale.ROOT, "Target p99 < 500 ms at 2,000 events/s: %s (p99 %s ms at "
                + "%,d events/s%s).", met ? "MET" : "NOT MET", EndToEnd.ms(p99), rate,
                ok == phase.requests && unseen == 0 ? "" : ", with errors or unseen requests"));
        System.out.println("Transform pipeline after the run: counts " + pipeline.path("counts") + ", lagRecords "
                + pipeline.path("lagRecords") + ", recordsPerSecond " + pipeline.path("recordsPerSecond"));
        if (sse) {
            long ssep99 = EndToEnd.percentile(pushes, 99);
            boolean pushMet = rate >= 2000 && ssep99 >= 0 && ssep99 < 250_000_000L && unpushed == 0
                    && ok == phase.requests;
            System.out.println(String.format(Locale.ROOT, "Target p99 < 250 ms at 2,000 events/s, pushed to an SSE "
                    + "client: %s (p50 %s ms, p99 %s ms, beside the poll's p50 %s ms, p99 %s ms; %,d requests never "
                    + "pushed).", pushMet ? "MET" : "NOT MET", EndToEnd.ms(EndToEnd.percentile(pushes, 50)),
                    EndToEnd.ms(ssep99), EndToEnd.ms(EndToEnd.percentile(latency, 50)), EndToEnd.ms(p99), unpushed));
        }
        EndToEnd.printCpu("CPU time by process, first request due until every request seen:", from, to);
        System.out.println();
        System.out.println("Ingestion's CPU for the pushes answered 200 (" + String.format(Locale.ROOT, "%,d", ok)
                + " requests of " + perRequest + " events): "
                + CpuAccounting.perUnit(from, to, TributaryService.INGESTION.module(), (long) ok * perRequest, 1e6,
                        "µs", "event")
                + "; " + CpuAccounting.perUnit(from, to, TributaryService.INGESTION.module(), ok, 1e3, "ms", "push")
                + ". Load average at the end: " + EndToEnd.loadAverage() + ".");
    }

    private static String[] row(String name, long[] sorted) {
        return new String[]{name, String.format(Locale.ROOT, "%,d", sorted.length),
                EndToEnd.ms(EndToEnd.percentile(sorted, 50)),
                EndToEnd.ms(EndToEnd.percentile(sorted, 95)),
                EndToEnd.ms(EndToEnd.percentile(sorted, 99)),
                EndToEnd.ms(sorted.length == 0 ? -1 : sorted[sorted.length - 1])};
    }
}
