package io.tributary.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.catalog.event.Channels;
import io.tributary.local.DemoLoader;
import io.tributary.local.Session;
import io.tributary.local.Suite;
import io.tributary.local.SuiteConfig;
import io.tributary.local.TributaryService;

/**
 * What the end-to-end benchmarks ({@link IngestEndToEnd}, {@link TransformLatency}, {@link TransformBatch}) share: the
 * packaged suite and its set-up over HTTP (the demo contract, the demo pipeline, a source), CPU accounting of its
 * processes, JFR of a service, the checkout and the machine, percentiles and plain tables.
 */
final class EndToEnd {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The transform service's consumer group (its {@code application.properties}). */
    static final String TRANSFORM_GROUP = "transform-service";
    /** The suite's busy share of the machine under which it counts as settled after a warm-up. */
    static final double QUIET = 0.10;
    /** The longest wait for the suite to settle. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(90);
    /** The frame under which a transform profile is broken down: one poll applied. */
    static final String APPLIER_FRAME = "io.tributary.transform.apply.RecordApplier.";

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Signed in as the suite's admin once the suite is up ({@link #declare}); every call carries its token. */
    private Session session;

    // ------------------------------------------------------------------ the suite

    /**
     * Stops the suite if it started and is the benchmark's own ({@link BenchSuite#stop}), and deletes the benchmark's
     * working folder unless it is to be kept.
     */
    static void stopSuite(Suite suite, Path work, boolean keep) throws IOException {
        BenchSuite.stop(suite, work, keep);
    }

    /** Exits (status 2) saying how to build them when a packaged service's jar is missing. */
    static void requirePackagedServices(Path root) {
        List<String> missing = new ArrayList<>();
        for (TributaryService service : TributaryService.values()) {
            if (!Files.isRegularFile(service.jar(root))) {
                missing.add(service.jar(root).toString());
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("The benchmark runs the packaged services, but these jars are missing:");
            missing.forEach(jar -> System.err.println("  " + jar));
            System.err.println("Package them first, in " + root + ":  ./mvnw -B -ntp install -DskipTests");
            System.exit(2);
        }
    }

    /** Each service, this JVM (which hosts the Kafka broker) and the PostgreSQL server. */
    static CpuAccounting accounting(Suite suite) {
        CpuAccounting cpu = new CpuAccounting();
        for (TributaryService service : TributaryService.values()) {
            long pid = suite.service(service).pid();
            cpu.add(service.module(), () -> ProcessHandle.of(pid).stream().toList(), false);
        }
        cpu.add("benchmark JVM (Kafka broker, HTTP client)", () -> List.of(ProcessHandle.current()), false);
        Path postgres = suite.config().dataDir().resolve("postgres");
        cpu.add("PostgreSQL (all backends)", () -> CpuAccounting.postgresTree(postgres), true);
        return cpu;
    }

    /**
     * Waits until the suite is quiet after a warm-up (its own processes under {@link #QUIET} of the machine's cores over
     * a second, at most {@link #SETTLE_LIMIT}): the JIT compilers have drained their queues and the consumers have
     * caught up, so the measured batch starts as it would on a suite that has been up for a while. Other processes on
     * the machine are not waited for (each measure reports their share). Logs how long it took and how much of the
     * suite's CPU went to the JIT compilers meanwhile.
     */
    static void settle(CpuAccounting cpu) throws InterruptedException {
        CpuAccounting.Snapshot from = cpu.snapshot();
        CpuAccounting.Snapshot last = from;
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        double busy;
        do {
            TimeUnit.SECONDS.sleep(1);
            CpuAccounting.Snapshot now = cpu.snapshot();
            busy = CpuAccounting.partsSeconds(last, now)
                    / (seconds(now.nanos() - last.nanos()) * Runtime.getRuntime().availableProcessors());
            last = now;
        } while (busy >= QUIET && System.nanoTime() - deadline < 0);
        log(String.format(Locale.ROOT, "settled after %.0f s (the suite %.0f%% busy over the last second, the machine "
                + "%.0f%% over the wait); JIT compilers meanwhile: %.1f CPU s", seconds(last.nanos() - from.nanos()),
                100 * busy,
                100 * CpuAccounting.busyShare(from, last), CpuAccounting.compilerSeconds(from, last)));
    }

    /** The demo contract, the demo pipeline (curated table, aggregate, features) and a source of the dataset. */
    void declare(Suite suite, String source, String format, String timeZone) throws IOException, InterruptedException {
        session = Session.admin(suite);
        boolean pipeline = BenchSuite.firstDeclaration(suite, "the demo contract and pipeline");
        if (pipeline) {
            expect(send(HttpRequest.newBuilder(URI.create(suite.requirementsUrl() + "/api/contracts/"
                    + DemoLoader.DATASET)).header("Content-Type", "application/yaml")
                    .PUT(HttpRequest.BodyPublishers.ofString(DemoLoader.contractYaml())), Duration.ofMinutes(1)),
                    200, 201);
            expect(send(HttpRequest.newBuilder(URI.create(suite.transformUrl() + "/api/pipelines/"
                    + DemoLoader.DATASET)).header("Content-Type", "application/yaml")
                    .PUT(HttpRequest.BodyPublishers.ofString(DemoLoader.pipelineYaml())), Duration.ofMinutes(1)),
                    200, 201);
        }
        if (!BenchSuite.firstDeclaration(suite, "source " + source + " " + format + " " + timeZone)) {
            log("the contract, the pipeline and the source '" + source + "' were declared by a benchmark before");
            return;
        }
        String body = JSON.writeValueAsString(Map.of("name", source, "dataset", DemoLoader.DATASET, "format", format,
                "timeZone", timeZone));
        expect(send(HttpRequest.newBuilder(URI.create(suite.ingestionUrl() + "/api/sources"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Duration.ofMinutes(1)), 201);
        log((pipeline ? "declared the contract and the pipeline of '" + DemoLoader.DATASET + "' and" : "declared")
                + " the " + format + " source '" + source + "'");
        awaitTransformConsumer(suite);
    }

    /**
     * Waits until the transform service's consumer group holds the partitions of the dataset's topic. Ingestion makes
     * that topic before the dataset's first record, and the transform subscribes once it exists (decision 0054); it is
     * made here first, as ingestion makes it in the local suite (the broker's partitions), so that the consumer joins
     * before any measure. In a fresh suite joining takes seconds (the group coordinator's topic is created on first
     * use); a deployed suite did it long ago, so no measure should include it.
     */
    private static void awaitTransformConsumer(Suite suite) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                suite.kafkaBootstrapServers()))) {
            try {
                admin.createTopics(List.of(new NewTopic(Channels.acceptedRecordsOf(DemoLoader.DATASET),
                        SuiteConfig.KAFKA_PARTITIONS, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group;
                try {
                    group = admin.describeConsumerGroups(List.of(TRANSFORM_GROUP)).all().get().get(TRANSFORM_GROUP);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                        throw e;
                    }
                    // the transform has not subscribed yet: it looks for new topics every second
                    Thread.sleep(100);
                    continue;
                }
                if (group.state() == ConsumerGroupState.STABLE && group.members().stream()
                        .anyMatch(member -> !member.assignment().topicPartitions().isEmpty())) {
                    log("the transform service's consumer holds its partitions");
                    return;
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not describe the consumer group " + TRANSFORM_GROUP, e.getCause());
        }
        throw new IllegalStateException("the transform service's consumer got no partitions within a minute");
    }

    /** Signs in as the suite's admin without declaring anything, for a benchmark that declares what it needs itself. */
    void signIn(Suite suite) {
        session = Session.admin(suite);
    }

    /** The transform service's report of the sales pipeline: counts, lag, watermark. */
    JsonNode pipeline(Suite suite) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(suite.transformUrl() + "/api/pipelines/" + DemoLoader.DATASET)).GET(), Duration.ofSeconds(30));
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    /** Uploads a file to a source, as a user would; returns the id of its batch. */
    String upload(Suite suite, String source, Path file) throws IOException, InterruptedException {
        String url = suite.ingestionUrl() + "/api/sources/" + source + "/files?fileName="
                + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)), Duration.ofMinutes(30));
        expect(response, 202);
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** A batch as ingestion reports it. */
    JsonNode batch(Suite suite, String id) throws IOException, InterruptedException {
        return JSON.readTree(expect(send(HttpRequest.newBuilder(URI.create(suite.ingestionUrl() + "/api/batches/" + id))
                .GET(), Duration.ofSeconds(30)), 200).body());
    }

    HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) throws IOException, InterruptedException {
        return http.send(request.timeout(timeout).header("Accept", "application/json")
                .header("Authorization", authorization()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Authorization header of the suite's admin, for calls made with {@link #http} directly. */
    String authorization() {
        if (session == null) {
            throw new IllegalStateException("declare the dataset first: it signs in to the suite");
        }
        return session.authorization();
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }

    // ------------------------------------------------------------------ JFR

    static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new ArrayList<>(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
        log("jcmd " + String.join(" ", command) + ": " + output.replaceAll("\\s+", " "));
    }

    /** Starts a JFR recording (profile settings) of one service of the suite. */
    static void startJfr(Suite suite, TributaryService service, Path recording)
            throws IOException, InterruptedException {
        jcmd(suite.service(service).pid(), "JFR.start", "name=bench", "settings=profile", "filename=" + recording);
    }

    /**
     * Stops the recording, keeps it under target/ and prints its hotspots, broken down under the frames starting with
     * {@code pathFrame}.
     */
    static void stopJfr(Suite suite, TributaryService service, Path recording, String keptName, String pathFrame)
            throws IOException, InterruptedException {
        jcmd(suite.service(service).pid(), "JFR.stop", "name=bench");
        Path kept = Path.of("target", keptName).toAbsolutePath();
        Files.createDirectories(kept.getParent());
        Files.copy(recording, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        log("JFR recording of the " + service + " service: " + kept);
        JfrHotspots.main(new String[]{kept.toString(), "30", pathFrame});
    }

    // ------------------------------------------------------------------ figures

    /** The p-th percentile (0..100) of sorted values, nearest rank. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%,.0f", nanos / 1e6);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** A Markdown table, columns padded so that it also reads well in a terminal; the first row is the header. */
    static void printTable(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r)[i];
                String padding = " ".repeat(widths[i] - cell.length());
                line.append(' ').append(i == 0 ? cell + padding : padding + cell).append(" |");
            }
            System.out.println(line);
            if (r == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int i = 0; i < widths.length; i++) {
                    rule.append("-".repeat(widths[i] + (i == 0 ? 2 : 1))).append(i == 0 ? "|" : ":|");
                }
                System.out.println(rule);
            }
        }
    }

    /** CPU by process between two snapshots, with a warning when something outside the suite took over 15%. */
    static void printCpu(String title, CpuAccounting.Snapshot from, CpuAccounting.Snapshot to) {
        System.out.println();
        System.out.println(title);
        System.out.println();
        printTable(CpuAccounting.table(from, to));
        double other = CpuAccounting.otherShare(from, to);
        if (other > 0.15) {
            System.out.println(String.format(Locale.ROOT, "WARNING: processes outside the suite used %.0f%% of the "
                    + "machine during this measure: the figures are disturbed; run again on a quiet machine.",
                    100 * other));
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | UncheckedIOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage() + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    /** The checkout's commit and whether it has uncommitted changes, as far as git tells. */
    static String revision(Path root) {
        try {
            Process head = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String commit = new String(head.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (head.waitFor() != 0) {
                Path marker = root.resolve("SNAPSHOT_COMMIT");
                return Files.isRegularFile(marker)
                        ? "a copy of commit " + Files.readString(marker).strip()
                        : "not a git checkout";
            }
            Process status = new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain",
                    "--untracked-files=no").redirectErrorStream(true).start();
            long changes = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().count();
            status.waitFor();
            return "git " + commit + (changes == 0 ? "" : ", " + changes + " uncommitted changes");
        } catch (IOException e) {
            return "git unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The checkout: the {@code tributary.root} system property, else the first folder upwards from the working
     * directory that holds the ingestion service's module.
     */
    static Path repositoryRoot() {
        String configured = System.getProperty("tributary.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ingestion-service")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return Path.of("..").toAbsolutePath().normalize();
    }

    static void log(String message) {
        System.out.println(LocalTime.now().withNano(0) + " " + message);
    }
}
