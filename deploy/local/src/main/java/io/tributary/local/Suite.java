package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The whole suite on one machine: an embedded PostgreSQL, a single-node KRaft Kafka broker (both in this JVM) and
 * the four packaged services as separate processes. {@link #close()} stops the services, then Kafka, then
 * PostgreSQL; it may be called from a shutdown hook while {@link #start()} is still running.
 */
public final class Suite implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final SuiteConfig config;
    private final Consumer<String> progress;
    private final Object lock = new Object();
    private boolean closed;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private final Map<TributaryService, ServiceProcess> services = new EnumMap<>(TributaryService.class);
    private Map<String, String> environment;
    private Map<TributaryService, Integer> servicePorts;
    private Map<TributaryService, Path> serviceJars;

    public Suite(SuiteConfig config) {
        this(config, message -> {
        });
    }

    /** @param progress receives one line per step of the start-up */
    public Suite(SuiteConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Starts a suite and waits until every service is ready; on failure stops whatever was started. */
    public static Suite start(SuiteConfig config, Consumer<String> progress) {
        Suite suite = new Suite(config, progress);
        try {
            suite.start();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /**
     * Starts PostgreSQL, Kafka and the four services, and waits until every service reports ready.
     *
     * @throws IllegalStateException if a service jar is missing, a port is taken, or a service dies or is not ready
     *         in time; the caller then closes the suite
     */
    public void start() {
        Map<TributaryService, Path> jars = requirePackagedServices();
        Leftovers.stop(config.dataDir(), progress);
        Map<TributaryService, Integer> ports = resolveServicePorts();
        int postgresPort = FreePort.orAny(config.postgresPort());
        if (config.postgresPort() != 0) {
            requireFree(postgresPort, "PostgreSQL");
        }
        if (config.kafkaPort() != 0) {
            requireFree(config.kafkaPort(), "Kafka");
        }
        Path data = config.dataDir();
        try {
            Files.createDirectories(data);
            Leftovers.begin(data);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data directory " + data, e);
        }

        progress.accept("Starting PostgreSQL on port " + postgresPort + " (data in " + data.resolve("postgres") + ")");
        LocalPostgres pg = LocalPostgres.start(data.resolve("postgres"), postgresPort);
        register(() -> postgres = pg, pg::close);

        progress.accept("Starting Kafka (data in " + data.resolve("kafka") + ")");
        LocalKafka broker = LocalKafka.start(data.resolve("kafka"), config.kafkaPort(), SuiteConfig.KAFKA_PARTITIONS);
        register(() -> kafka = broker, broker::close);
        broker.createTopics(SuiteConfig.TOPICS);

        environment = serviceEnvironment(pg, broker);
        servicePorts = ports;
        serviceJars = jars;
        for (TributaryService service : TributaryService.values()) {
            startService(service);
        }
        awaitServicesReady();
        progress.accept("All services are ready");
    }

    private void startService(TributaryService service) {
        int port = servicePorts.get(service);
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        progress.accept("Starting " + service.module() + " on port " + port);
        ServiceProcess process = ServiceProcess.start(service.module(), serviceJars.get(service), port,
                service.maxHeap(), env,
                config.dataDir(), logDir().resolve(service.module() + ".log"));
        register(() -> services.put(service, process), process::stop);
        try {
            Leftovers.record(config.dataDir(), process);
        } catch (IOException e) {
            progress.accept("Could not record the pid of " + service.module() + ": " + e.getMessage());
        }
    }

    /** Kills a service at once (SIGKILL), as a crash would: no shutdown hook, no graceful stop. */
    public void kill(TributaryService service) {
        progress.accept("Killing " + service.module());
        service(service).kill();
    }

    /** Starts a killed or stopped service again on its port and waits until it is ready. */
    public void restart(TributaryService service) {
        ServiceProcess old = service(service);
        old.stop();
        startService(service);
        service(service).awaitReady(config.readyTimeout());
        progress.accept(service.module() + " is ready again");
    }

    public SuiteConfig config() {
        return config;
    }

    /** Where each service's output goes: {@code <data>/logs/<module>.log}. */
    public Path logDir() {
        return config.dataDir().resolve("logs");
    }

    /** The ingestion service's landing archive. */
    public Path landingDir() {
        return config.dataDir().resolve("landing");
    }

    public String url(TributaryService service) {
        return service(service).baseUrl();
    }

    public String ingestionUrl() {
        return url(TributaryService.INGESTION);
    }

    public String transformUrl() {
        return url(TributaryService.TRANSFORM);
    }

    public String servingUrl() {
        return url(TributaryService.SERVING);
    }

    public String requirementsUrl() {
        return url(TributaryService.REQUIREMENTS);
    }

    public ServiceProcess service(TributaryService service) {
        synchronized (lock) {
            ServiceProcess process = services.get(service);
            if (process == null) {
                throw new IllegalStateException(service.module() + " is not running");
            }
            return process;
        }
    }

    public String jdbcUrl() {
        synchronized (lock) {
            if (postgres == null) {
                throw new IllegalStateException("PostgreSQL is not running");
            }
            return postgres.jdbcUrl();
        }
    }

    public String kafkaBootstrapServers() {
        synchronized (lock) {
            if (kafka == null) {
                throw new IllegalStateException("Kafka is not running");
            }
            return kafka.bootstrapServers();
        }
    }

    /** Stops the services (in parallel, each SIGTERM then SIGKILL after 20 s), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        List<ServiceProcess> running;
        LocalKafka broker;
        LocalPostgres pg;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(services.values());
            broker = kafka;
            pg = postgres;
        }
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess process : running) {
            Thread stopper = new Thread(process::stop, "stop-" + process.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (broker != null) {
            try {
                broker.close();
            } catch (RuntimeException e) {
                System.err.println("Kafka did not stop cleanly: " + e);
            }
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            }
        }
        if (running.stream().noneMatch(ServiceProcess::isAlive)) {
            Leftovers.clear(config.dataDir());
        }
    }

    private interface Closer {
        void close() throws Exception;
    }

    /** Keeps a started part, unless the suite was closed meanwhile: then stops it at once and gives up. */
    private void register(Runnable keep, Closer closer) {
        synchronized (lock) {
            if (!closed) {
                keep.run();
                return;
            }
        }
        try {
            closer.close();
        } catch (Exception e) {
            // the suite is being torn down anyway
        }
        throw new IllegalStateException("the suite was stopped while starting");
    }

    private Map<TributaryService, Path> requirePackagedServices() {
        Map<TributaryService, Path> jars = new EnumMap<>(TributaryService.class);
        List<String> missing = new ArrayList<>();
        for (TributaryService service : TributaryService.values()) {
            Path jar = service.jar(config.repositoryRoot());
            if (Files.isRegularFile(jar)) {
                jars.put(service, jar);
            } else {
                missing.add(jar.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the services are not packaged; missing " + String.join(", ", missing)
                    + ". Build them first: ./mvnw -B -ntp -DskipTests install (in " + config.repositoryRoot() + ")");
        }
        return jars;
    }

    private Map<TributaryService, Integer> resolveServicePorts() {
        Map<TributaryService, Integer> ports = new EnumMap<>(TributaryService.class);
        for (TributaryService service : TributaryService.values()) {
            int configured = config.port(service);
            int port = FreePort.orAny(configured);
            if (configured != 0) {
                requireFree(port, service.module());
            }
            if (ports.containsValue(port)) {
                throw new IllegalStateException("two services are configured on port " + port);
            }
            ports.put(service, port);
        }
        return ports;
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + what + " is already in use", e);
        }
    }

    private Map<String, String> serviceEnvironment(LocalPostgres pg, LocalKafka broker) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRIBUTARY_DB_URL", pg.jdbcUrl());
        env.put("TRIBUTARY_DB_USER", LocalPostgres.USER);
        env.put("TRIBUTARY_DB_PASSWORD", LocalPostgres.PASSWORD);
        env.put("TRIBUTARY_KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("TRIBUTARY_JSON_LOGS", Boolean.toString(config.jsonLogs()));
        env.put("TRIBUTARY_LANDING_DIR", landingDir().toString());
        // a local suite answers on the loopback interface only
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return env;
    }

    private void awaitServicesReady() {
        List<ServiceProcess> waiting;
        synchronized (lock) {
            waiting = new ArrayList<>(services.values());
        }
        long deadline = System.nanoTime() + config.readyTimeout().toNanos();
        while (!waiting.isEmpty()) {
            synchronized (lock) {
                if (closed) {
                    throw new IllegalStateException("the suite was stopped while starting");
                }
            }
            waiting.removeIf(ServiceProcess::isReady);
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                String names = waiting.stream().map(ServiceProcess::name).collect(Collectors.joining(", "));
                ServiceProcess first = waiting.get(0);
                throw new IllegalStateException("not ready within " + config.readyTimeout().toSeconds() + " s: "
                        + names + "; last lines of " + first.logFile() + ":" + System.lineSeparator()
                        + first.logTail(40));
            }
            ServiceProcess.sleep(POLL_INTERVAL);
        }
    }
}
