package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The whole suite on one machine: an embedded PostgreSQL (a server process of its own), a single-node KRaft Kafka
 * broker (in this JVM) and the four packaged services as separate processes. Once started, the processes are
 * supervised: one that exits unexpectedly is started again ({@link Supervisor}), and the state of each is published in
 * {@code <data>/status.json} ({@link SuiteStatus}). {@link #close()} ends supervision, stops the services, then Kafka,
 * then PostgreSQL; it may be called from a shutdown hook while {@link #start()} is still running.
 */
public final class Suite implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** The names of PostgreSQL and Kafka in the status and the logs; the services go by their module's. */
    static final String POSTGRES = "postgresql";
    static final String KAFKA = "kafka";
    /** The name of the step that applies the catalog's migrations, and of its log. */
    static final String MIGRATION = "catalog-migration";

    private final SuiteConfig config;
    private final Consumer<String> progress;
    private final Object lock = new Object();
    private final Object statusLock = new Object();
    private boolean closed;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private final Map<TributaryService, ServiceProcess> services = new EnumMap<>(TributaryService.class);
    /** Further instances of a service beside its first, started by {@link #startReplica}; not supervised. */
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private Map<String, String> environment;
    private Map<TributaryService, Integer> servicePorts;
    private Map<TributaryService, Path> serviceJars;
    private int postgresPort;
    private Instant startedAt;
    private Instant kafkaStartedAt;
    private Supervisor supervisor;
    private final RestartPolicy restartPolicy;
    private SigningKeys signingKeys;
    private AdminPassword adminPassword;
    private DatabaseRoles databaseRoles;

    public Suite(SuiteConfig config) {
        this(config, message -> {
        });
    }

    /** @param progress receives one line per step of the start-up, and one per unexpected exit and restart */
    public Suite(SuiteConfig config, Consumer<String> progress) {
        this(config, progress, RestartPolicy.DEFAULT);
    }

    Suite(SuiteConfig config, Consumer<String> progress, RestartPolicy restartPolicy) {
        this.config = config;
        this.progress = progress;
        this.restartPolicy = restartPolicy;
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
        startedAt = Instant.now();
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
            SuiteStatus.delete(data);
            Leftovers.begin(data);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data directory " + data, e);
        }
        signingKeys = SigningKeys.in(keysDir());
        adminPassword = AdminPassword.in(keysDir());

        progress.accept("Starting PostgreSQL on port " + postgresPort + " (data in " + data.resolve("postgres") + ")");
        LocalPostgres pg = LocalPostgres.start(data.resolve("postgres"), postgresPort);
        register(() -> postgres = pg, pg::close);
        this.postgresPort = pg.port();
        databaseRoles = DatabaseRoles.ensure(pg, keysDir());
        ServiceProcess migration = startMigration(pg, jars.get(TributaryService.REQUIREMENTS));

        progress.accept("Starting Kafka (data in " + data.resolve("kafka") + ")");
        LocalKafka broker = LocalKafka.start(data.resolve("kafka"), config.kafkaPort(), SuiteConfig.KAFKA_PARTITIONS);
        register(() -> kafka = broker, broker::close);
        kafkaStartedAt = Instant.now();
        broker.createTopics(SuiteConfig.TOPICS);

        environment = serviceEnvironment(pg, broker);
        servicePorts = ports;
        serviceJars = jars;
        awaitMigration(migration);
        for (TributaryService service : TributaryService.values()) {
            startService(service);
        }
        awaitServicesReady();
        progress.accept("All services are ready");
        supervise(pg);
    }

    /**
     * Applies the catalog's migrations, and with them the grants of the services' roles, as the cluster's superuser
     * (decision 0047): the requirements service's jar runs its initialisation alone ({@code quarkus.init-and-exit})
     * and exits. The services themselves sign in with their own roles, which may not change the schema.
     */
    private ServiceProcess startMigration(LocalPostgres pg, Path jar) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRIBUTARY_DB_URL", pg.jdbcUrl());
        env.put("TRIBUTARY_DB_USER", LocalPostgres.USER);
        env.put("TRIBUTARY_DB_PASSWORD", LocalPostgres.PASSWORD);
        env.put("TRIBUTARY_DB_MIGRATE", "true");
        env.put("QUARKUS_INIT_AND_EXIT", "true");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("TRIBUTARY_JWT_PUBLIC_KEY", signingKeys.publicKey().toString());
        env.put("TRIBUTARY_JWT_PRIVATE_KEY", signingKeys.privateKey().toString());
        progress.accept("Applying the catalog's migrations");
        ServiceProcess migration = ServiceProcess.start(MIGRATION, jar, 0, TributaryService.REQUIREMENTS.maxHeap(),
                env, config.dataDir(), logDir().resolve(MIGRATION + ".log"));
        register(() -> {
        }, migration::stop);
        return migration;
    }

    private void awaitMigration(ServiceProcess migration) {
        String exit;
        try {
            exit = migration.exit().get(config.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            migration.stop();
            throw new IllegalStateException("the catalog's migrations did not end within "
                    + config.readyTimeout().toSeconds() + " s; last lines of " + migration.logFile() + ":"
                    + System.lineSeparator() + migration.logTail(40), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            migration.stop();
            throw new IllegalStateException("interrupted while the catalog's migrations ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not follow the catalog's migrations", e.getCause());
        }
        if (!exit.equals(ServiceProcess.describeExit(0))) {
            throw new IllegalStateException("the catalog's migrations failed (" + exit + "); last lines of "
                    + migration.logFile() + ":" + System.lineSeparator() + migration.logTail(40));
        }
    }

    /** From now on a process that exits unexpectedly is started again; its state goes to the status file. */
    private void supervise(LocalPostgres pg) {
        Supervisor started = new Supervisor(restartPolicy, progress, this::publishStatus);
        synchronized (lock) {
            if (closed) {
                started.close();
                throw new IllegalStateException("the suite was stopped while starting");
            }
            supervisor = started;
        }
        if (pg.serverPid().isPresent()) {
            started.supervise(POSTGRES, postgresPort, pg.asRun(), this::startPostgresAgain);
        }
        for (TributaryService service : TributaryService.values()) {
            started.supervise(service.module(), servicePorts.get(service), service(service).asRun(),
                    () -> startService(service).asRun());
        }
    }

    /** Starts PostgreSQL again on its port and data directory after its server process ended. */
    private Supervisor.Run startPostgresAgain() {
        LocalPostgres old;
        synchronized (lock) {
            old = postgres;
        }
        progress.accept("Starting PostgreSQL again on port " + postgresPort);
        LocalPostgres pg = old.startAgain();
        register(() -> postgres = pg, pg::close);
        return pg.asRun();
    }

    /** Writes the status file, one writer at a time; a failure to write it must not stop the suite. */
    private void publishStatus() {
        synchronized (statusLock) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
            }
            try {
                status().write(config.dataDir());
            } catch (RuntimeException e) {
                progress.accept("Could not write the status file: " + e.getMessage());
            }
        }
    }

    /** The state of every process of the suite. */
    public SuiteStatus status() {
        Supervisor current;
        LocalKafka broker;
        synchronized (lock) {
            current = supervisor;
            broker = kafka;
        }
        List<SuiteStatus.Entry> entries = new ArrayList<>();
        List<Supervisor.Snapshot> snapshots = current == null ? List.of() : current.snapshot();
        long launcher = ProcessHandle.current().pid();
        for (Supervisor.Snapshot snapshot : snapshots) {
            entries.add(entry(snapshot));
            if (snapshot.name().equals(POSTGRES) && broker != null) {
                entries.add(kafkaEntry(broker, launcher));
            }
        }
        if (broker != null && snapshots.stream().noneMatch(s -> s.name().equals(POSTGRES))) {
            entries.add(0, kafkaEntry(broker, launcher));
        }
        return new SuiteStatus(launcher, startedAt == null ? Instant.now().toString() : startedAt.toString(),
                entries);
    }

    private static SuiteStatus.Entry entry(Supervisor.Snapshot snapshot) {
        return new SuiteStatus.Entry(snapshot.name(), snapshot.pid(), snapshot.port(),
                snapshot.state().name().toLowerCase(Locale.ROOT),
                snapshot.startedAt() == null ? null : snapshot.startedAt().toString(), snapshot.restarts(),
                snapshot.lastExit(), null);
    }

    private SuiteStatus.Entry kafkaEntry(LocalKafka broker, long launcher) {
        String servers = broker.bootstrapServers();
        int port = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
        return new SuiteStatus.Entry(KAFKA, launcher, port, "running",
                kafkaStartedAt == null ? null : kafkaStartedAt.toString(), 0, null,
                "in the launcher's JVM: it lives and dies with it");
    }

    private ServiceProcess startService(TributaryService service) {
        return startService(service, service.module(), servicePorts.get(service));
    }

    /**
     * Starts one more instance of a service, on a free port, against the same PostgreSQL, Kafka and folders, named
     * {@code <module>-<number>} among its service's instances (decision 0033); waits until it is ready. It is not
     * supervised: the caller kills or stops it, and closing the suite stops it.
     */
    public ServiceProcess startReplica(TributaryService service, int number) {
        ServiceProcess process = startService(service, service.module() + "-" + number, FreePort.orAny(0));
        synchronized (lock) {
            replicas.add(process);
        }
        process.awaitReady(config.readyTimeout());
        progress.accept(process.name() + " is ready");
        return process;
    }

    private ServiceProcess startService(TributaryService service, String instance, int port) {
        boolean first = instance.equals(service.module());
        Map<String, String> env = new HashMap<>(environment);
        String role = DatabaseRoles.of(service);
        env.put("TRIBUTARY_DB_USER", role);
        env.put("TRIBUTARY_DB_PASSWORD", databaseRoles.password(role));
        // the instance's name among its service's, kept across its restarts: a restart frees what it held at once
        env.put("TRIBUTARY_INSTANCE", instance);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // the requirements service probes serving's queries for availability objectives
        env.put("TRIBUTARY_SERVING_URL", "http://127.0.0.1:" + servicePorts.get(TributaryService.SERVING));
        // the dashboard links batches to their quarantine in ingestion
        env.put("TRIBUTARY_INGESTION_URL", "http://127.0.0.1:" + servicePorts.get(TributaryService.INGESTION));
        if (service == TributaryService.REQUIREMENTS) {
            // the one service that signs tokens, and creates the first admin account
            env.put("TRIBUTARY_JWT_PRIVATE_KEY", signingKeys.privateKey().toString());
            env.put("TRIBUTARY_ADMIN_PASSWORD", adminPassword.password());
        }
        progress.accept("Starting " + instance + " on port " + port);
        ServiceProcess process = ServiceProcess.start(instance, serviceJars.get(service), port, service.maxHeap(), env,
                config.dataDir(), logDir().resolve(instance + ".log"));
        register(() -> {
            if (first) {
                services.put(service, process);
            }
        }, process::stop);
        try {
            Leftovers.record(config.dataDir(), process);
        } catch (IOException e) {
            progress.accept("Could not record the pid of " + service.module() + ": " + e.getMessage());
        }
        return process;
    }

    /**
     * Kills a service at once (SIGKILL), as a crash would: no shutdown hook, no graceful stop. The supervisor starts it
     * again after its back-off, unless {@link #restart} does it first.
     */
    public void kill(TributaryService service) {
        progress.accept("Killing " + service.module());
        service(service).kill();
    }

    /**
     * Kills the PostgreSQL server (SIGKILL to its postmaster), as a crash of its host would; the supervisor starts it
     * again on the same port and data directory after its back-off.
     *
     * @throws IllegalStateException if its server process is not known (a throwaway cluster)
     */
    public void killPostgres() {
        LocalPostgres pg;
        synchronized (lock) {
            pg = postgres;
        }
        long pid = pg.serverPid().orElseThrow(() -> new IllegalStateException("PostgreSQL's server pid is unknown"));
        progress.accept("Killing PostgreSQL (pid " + pid + ")");
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /**
     * Stops the Kafka broker, keeps it down for {@code down}, then starts it again on the same ports and directory,
     * as a restart of the broker would; the services' clients reconnect.
     */
    public void restartKafka(Duration down) {
        LocalKafka broker;
        synchronized (lock) {
            broker = kafka;
        }
        progress.accept("Stopping Kafka for " + down.toSeconds() + " s");
        broker.stop();
        ServiceProcess.sleep(down);
        broker.startAgain();
        progress.accept("Kafka is running again");
    }

    /** Stops a service (if it still runs), starts it again on its port at once and waits until it is ready. */
    public void restart(TributaryService service) {
        Supervisor current;
        synchronized (lock) {
            current = supervisor;
        }
        if (current != null) {
            current.restart(service.module());
        } else {
            service(service).stop();
            startService(service);
        }
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

    /** The signing key pair and the admin's password, readable by their owner only. */
    public Path keysDir() {
        return config.dataDir().resolve("keys");
    }

    /** The password of the {@code admin} account; {@link AdminPassword#created()} on the first start only. */
    public AdminPassword adminPassword() {
        if (adminPassword == null) {
            throw new IllegalStateException("the suite has not started");
        }
        return adminPassword;
    }

    /** The passwords of the services' and the analysts' PostgreSQL roles, kept in {@link #keysDir()}. */
    public DatabaseRoles databaseRoles() {
        if (databaseRoles == null) {
            throw new IllegalStateException("the suite has not started");
        }
        return databaseRoles;
    }

    /** The folder under which sources' drop folders are, named relative to it. */
    public Path dropRoot() {
        return config.dataDir().resolve("drop");
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

    /** The instance of that name {@link #startReplica} started last. */
    public ServiceProcess replica(String name) {
        synchronized (lock) {
            for (int i = replicas.size() - 1; i >= 0; i--) {
                if (replicas.get(i).name().equals(name)) {
                    return replicas.get(i);
                }
            }
        }
        throw new IllegalStateException("no instance named " + name + " was started");
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
        Supervisor current;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            current = supervisor;
        }
        // first, so that the processes stopped below are not started again
        if (current != null) {
            current.close();
        }
        synchronized (lock) {
            running = new ArrayList<>(services.values());
            running.addAll(replicas);
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
        synchronized (statusLock) {
            SuiteStatus.delete(config.dataDir());
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
        // the migration step has applied the catalog's migrations; the services' roles could not
        env.put("TRIBUTARY_DB_MIGRATE", "false");
        env.put("TRIBUTARY_KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("TRIBUTARY_JSON_LOGS", Boolean.toString(config.jsonLogs()));
        env.put("TRIBUTARY_LANDING_DIR", landingDir().toString());
        env.put("TRIBUTARY_DROP_ROOT", dropRoot().toString());
        env.put("TRIBUTARY_JWT_PUBLIC_KEY", signingKeys.publicKey().toString());
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
