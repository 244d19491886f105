package io.tributary.benchmarks;

import static io.tributary.benchmarks.EndToEnd.log;
import static io.tributary.benchmarks.EndToEnd.seconds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import io.tributary.local.SuiteConfig;

/**
 * A real peer measured beside ingestion: Apache Kafka Connect in standalone mode, in a JVM of its own started from the
 * benchmark's libraries, with its file source connector ({@code FileStreamSourceConnector}) streaming the lines of a
 * file into a topic of the suite's broker, each line one string record. It reads no column, checks no contract and
 * writes no event envelope: what a ready-made tool that only moves lines costs on this machine.
 * <p>
 * The connector tails its file: the warm-up file is written first and streamed (not counted), then, once the machine
 * is quiet, the measured file is appended and the time runs until the topic holds every line of it (the broker's end
 * offsets: acknowledged records). Its producer gets ingestion's settings (acks from all in-sync replicas,
 * idempotence, 5 ms linger, 256 KB batches, no compression); the worker's heap is the services' (384 MB), with the
 * same collector.
 */
final class KafkaConnectPeer implements AutoCloseable {

    static final String TOPIC = "bench-connect-peer";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(30);
    private static final long POLL_MILLIS = 20;

    private final String bootstrap;
    private final Path work;
    private final Path tailed;
    private Process process;
    private long streamed;

    private KafkaConnectPeer(String bootstrap, Path work) {
        this.bootstrap = bootstrap;
        this.work = work;
        this.tailed = work.resolve("lines.csv");
    }

    /** The measured append: elapsed nanoseconds, the records it made, the CPU before and after. */
    record Result(long nanos, long records, CpuAccounting.Snapshot from, CpuAccounting.Snapshot to) {
    }

    /**
     * Starts the worker on an empty file; {@link #pid()} is then the worker's process, for the CPU accounting.
     */
    static KafkaConnectPeer start(String bootstrap, Path work) throws IOException, InterruptedException,
            ExecutionException {
        Files.createDirectories(work);
        KafkaConnectPeer peer = new KafkaConnectPeer(bootstrap, work);
        peer.launch();
        return peer;
    }

    /** The worker's process, while it runs. */
    Optional<ProcessHandle> process() {
        return process == null || !process.isAlive() ? Optional.empty() : Optional.of(process.toHandle());
    }

    /** Appends a file to the tailed one and waits until the topic holds each of its lines; not timed. */
    void warmUp(Path file) throws IOException, InterruptedException, ExecutionException {
        long t0 = System.nanoTime();
        long records = append(file);
        log(String.format(Locale.ROOT, "peer: warm-up, %,d lines streamed in %.2f s, not counted", records,
                seconds(System.nanoTime() - t0)));
    }

    /** Appends the measured file and times it until the topic holds each of its lines. */
    Result measure(Path file, CpuAccounting cpu) throws IOException, InterruptedException, ExecutionException {
        CpuAccounting.Snapshot from = cpu.snapshot();
        long t0 = System.nanoTime();
        long records = append(file);
        long elapsed = System.nanoTime() - t0;
        CpuAccounting.Snapshot to = cpu.snapshot();
        log(String.format(Locale.ROOT, "peer: %,d lines streamed in %.2f s", records, seconds(elapsed)));
        return new Result(elapsed, records, from, to);
    }

    private long append(Path file) throws IOException, InterruptedException, ExecutionException {
        long lines = lines(file);
        long target = streamed + lines;
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = Files.newOutputStream(tailed, StandardOpenOption.APPEND)) {
            in.transferTo(out);
        }
        awaitRecords(target);
        streamed = target;
        return lines;
    }

    /** Lines of a file as the connector reads them: one per line end, and the last one if it has none. */
    static long lines(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private void awaitRecords(long target) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + STREAM_LIMIT.toNanos();
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            for (int p = 0; p < SuiteConfig.KAFKA_PARTITIONS; p++) {
                ends.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
            }
            while (true) {
                long records = admin.listOffsets(ends).all().get().values().stream()
                        .mapToLong(info -> info.offset()).sum();
                if (records >= target) {
                    if (records > target) {
                        throw new IllegalStateException("the peer wrote " + records + " records for " + target
                                + " lines");
                    }
                    return;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka Connect worker stopped (exit " + process.exitValue()
                            + "); its log: " + work.resolve("connect.log"));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the peer streamed " + records + " of " + target + " lines in "
                            + STREAM_LIMIT);
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private void launch() throws IOException, InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, SuiteConfig.KAFKA_PARTITIONS, (short) 1))).all().get();
        }
        Files.write(tailed, new byte[0]);
        int port = freePort();
        Path worker = work.resolve("worker.properties");
        Files.writeString(worker, properties(Map.ofEntries(
                Map.entry("bootstrap.servers", bootstrap),
                Map.entry("key.converter", "org.apache.kafka.connect.storage.StringConverter"),
                Map.entry("value.converter", "org.apache.kafka.connect.storage.StringConverter"),
                Map.entry("offset.storage.file.filename", work.resolve("connect.offsets").toString()),
                Map.entry("offset.flush.interval.ms", "10000"),
                Map.entry("listeners", "http://127.0.0.1:" + port),
                // the connector is on the class path: no plugin folders to scan
                Map.entry("plugin.discovery", "service_load"),
                // ingestion's producer settings; Connect's own default would be one request in flight at a time
                Map.entry("producer.acks", "all"),
                Map.entry("producer.enable.idempotence", "true"),
                Map.entry("producer.max.in.flight.requests.per.connection", "5"),
                Map.entry("producer.linger.ms", "5"),
                Map.entry("producer.batch.size", Integer.toString(256 * 1024)),
                Map.entry("producer.compression.type", "none"))));
        Path connector = work.resolve("file-source.properties");
        Files.writeString(connector, properties(Map.of(
                "name", "bench-file-source",
                "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                "tasks.max", "1",
                "file", tailed.toString(),
                "topic", TOPIC)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseParallelGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", classPath(), "org.apache.kafka.connect.cli.ConnectStandalone", worker.toString(),
                connector.toString()));
        Path logFile = work.resolve("connect.log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "peer-stop-connect"));
        awaitTask(logFile, URI.create("http://127.0.0.1:" + port + "/connectors/bench-file-source/status"));
    }

    /** Waits until the worker's REST API says the connector's task runs. */
    private void awaitTask(Path logFile, URI status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            String state = "";
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    state = EndToEnd.JSON.readTree(answer.body()).path("tasks").path(0).path("state").asText();
                }
            } catch (IOException e) {
                // not listening yet
            }
            String text = Files.exists(logFile) ? Files.readString(logFile) : "";
            if ("RUNNING".equals(state)) {
                log("peer: Kafka Connect standalone worker " + process.pid() + " runs the file source connector "
                        + "(log " + logFile + ")");
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka Connect worker stopped (exit " + process.exitValue()
                        + "):" + System.lineSeparator() + tail(text));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the Kafka Connect worker did not start its task within "
                        + START_LIMIT + ":" + System.lineSeparator() + tail(text));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static String tail(String text) {
        return text.length() < 4000 ? text : text.substring(text.length() - 4000);
    }

    /** The benchmark's own class path: its jar's manifest names every library in lib/, Connect's among them. */
    private static String classPath() throws IOException {
        Path jar = Path.of("target", "benchmarks.jar").toAbsolutePath();
        Path lib = jar.resolveSibling("lib");
        if (!Files.isDirectory(lib)) {
            return System.getProperty("java.class.path");
        }
        try (var jars = Files.list(lib)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String properties(Map<String, String> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public void close() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(20, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.destroyForcibly();
            }
        }
    }
}
