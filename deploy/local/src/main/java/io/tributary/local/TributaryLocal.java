package io.tributary.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The local runtime's command line: {@code run} starts the whole suite on this machine and keeps it running (and its
 * processes up) until Ctrl-C or {@code stop}; {@code stop} stops a suite started by {@code run} on the same data
 * directory; {@code status} shows its processes as the running launcher publishes them ({@link SuiteStatus}).
 */
public final class TributaryLocal {

    static final String USAGE = """
            Usage:
              tributary run [options]    start PostgreSQL, Kafka and the four services; load the demo; run until Ctrl-C
              tributary stop [--data DIR]   stop the suite that 'run' started on DIR
              tributary status [--data DIR] each process of that suite: pid, port, state, uptime, restarts
              tributary token [--data DIR]  sign in to that suite as admin and print a token, for
                                         curl -H "Authorization: Bearer $(tributary token)" ...
              tributary help             this text

            Options of run:
              --data DIR               where the suite keeps its data (default: .tributary in the current directory)
              --fresh                  delete the data directory first
              --no-demo                do not load the demo data
              --json-logs              services log JSON lines
              --ingestion-port N       default 8081
              --transform-port N       default 8082
              --serving-port N         default 8083
              --requirements-port N    default 8084
              --postgres-port N        default 15432
              --kafka-port N           default 19092
            A port of 0 means any free port.
            A process of the suite that exits unexpectedly is started again after 1 s, then 2 s, 4 s, ... up to
            a minute when it keeps failing; the count starts again once it has stayed up a minute.""";

    static final String DEFAULT_DATA_DIR = ".tributary";
    static final String PID_FILE = "tributary.pid";
    /** Marks a directory as a Tributary data directory, so that --fresh never deletes anything else. */
    static final String DATA_MARKER = ".tributary-data";
    private static final long STOP_WAIT_SECONDS = 120;
    /** The exit code of {@code status} when no suite runs. */
    static final int NOT_RUNNING = 3;

    private final PrintStream out;
    private final PrintStream err;

    TributaryLocal(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        TributaryLocal cli = new TributaryLocal(System.out, System.err);
        int code;
        try {
            code = cli.execute(args);
        } catch (UsageException e) {
            System.err.println("tributary: " + e.getMessage());
            System.err.println();
            System.err.println(USAGE);
            code = 2;
        }
        System.exit(code);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Options of {@code run} and {@code stop}. */
    record Options(Path dataDir, boolean fresh, boolean demo, boolean jsonLogs, int ingestionPort,
            int transformPort, int servingPort, int requirementsPort, int postgresPort, int kafkaPort) {
    }

    int execute(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "run" -> run(parse(rest, true));
            case "stop" -> stop(parse(rest, false));
            case "status" -> status(parse(rest, false));
            case "token" -> token(parse(rest, false));
            case "help", "-h", "--help" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> throw new UsageException("unknown command '" + args[0] + "'");
        };
    }

    static Options parse(List<String> args, boolean runOptions) {
        Path data = Path.of(DEFAULT_DATA_DIR);
        boolean fresh = false;
        boolean demo = true;
        boolean jsonLogs = false;
        int ingestion = SuiteConfig.DEFAULT_INGESTION_PORT;
        int transform = SuiteConfig.DEFAULT_TRANSFORM_PORT;
        int serving = SuiteConfig.DEFAULT_SERVING_PORT;
        int requirements = SuiteConfig.DEFAULT_REQUIREMENTS_PORT;
        int postgres = SuiteConfig.DEFAULT_POSTGRES_PORT;
        int kafka = SuiteConfig.DEFAULT_KAFKA_PORT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            if (name.equals("--data")) {
                String value = inlineValue != null ? inlineValue : value(args, ++i, name);
                if (value.isBlank()) {
                    throw new UsageException("--data needs a directory");
                }
                data = Path.of(value);
                continue;
            }
            if (!runOptions) {
                throw new UsageException("unknown option '" + arg + "'; stop, status and token take only --data");
            }
            switch (name) {
                case "--fresh" -> fresh = flag(name, inlineValue);
                case "--no-demo" -> demo = !flag(name, inlineValue);
                case "--json-logs" -> jsonLogs = flag(name, inlineValue);
                case "--ingestion-port", "--transform-port", "--serving-port", "--requirements-port",
                        "--postgres-port", "--kafka-port" -> {
                    int port = port(name, inlineValue != null ? inlineValue : value(args, ++i, name));
                    switch (name) {
                        case "--ingestion-port" -> ingestion = port;
                        case "--transform-port" -> transform = port;
                        case "--serving-port" -> serving = port;
                        case "--requirements-port" -> requirements = port;
                        case "--postgres-port" -> postgres = port;
                        default -> kafka = port;
                    }
                }
                default -> throw new UsageException("unknown option '" + arg + "' of run");
            }
        }
        return new Options(data.toAbsolutePath().normalize(), fresh, demo, jsonLogs, ingestion, transform, serving,
                requirements, postgres, kafka);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static boolean flag(String option, String inlineValue) {
        if (inlineValue != null) {
            throw new UsageException(option + " takes no value");
        }
        return true;
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a port number from 0 to 65535, not '" + value + "'");
    }

    // ---------------------------------------------------------------- run

    private int run(Options options) {
        Path data = options.dataDir();
        Path pidFile = data.resolve(PID_FILE);
        Optional<ProcessHandle> running = runningSuite(pidFile);
        if (running.isPresent()) {
            err.println("tributary: a suite is already running on " + data + " (pid " + running.get().pid()
                    + "); stop it first with: tributary stop" + dataOption(data));
            return 1;
        }
        try {
            if (options.fresh()) {
                deleteDataDir(data);
            }
            prepareDataDir(data);
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("tributary: " + e.getMessage());
            return 1;
        }

        SuiteConfig config = new SuiteConfig(data, repositoryRoot(), options.ingestionPort(),
                options.transformPort(), options.servingPort(), options.requirementsPort(), options.postgresPort(),
                options.kafkaPort(), options.jsonLogs(), SuiteConfig.DEFAULT_READY_TIMEOUT);
        Suite suite = new Suite(config, line -> out.println(line));
        long pid = ProcessHandle.current().pid();
        Thread shutdown = new Thread(() -> {
            out.println("Stopping Tributary...");
            suite.close();
            deletePidFile(pidFile, pid);
            out.println("Tributary stopped");
        }, "tributary-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        writePidFile(pidFile, pid);

        out.println("Tributary " + version() + " starting; data in " + data + ", services from "
                + config.repositoryRoot());
        try {
            suite.start();
        } catch (RuntimeException e) {
            err.println("tributary: the suite did not start: " + e.getMessage());
            err.println("Service logs: " + suite.logDir());
            return 1;
        }
        if (options.demo()) {
            try {
                DemoLoader.forSuite(suite, line -> out.println(line)).load();
                DemoRequirements.load(suite.requirementsUrl(), Session.admin(suite), line -> out.println(line));
                DemoFeed.start(suite, line -> out.println(line));
            } catch (RuntimeException e) {
                err.println("tributary: the demo data could not be loaded (the suite keeps running): "
                        + e.getMessage());
            }
        }
        printWhereThingsAre(suite);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void printWhereThingsAre(Suite suite) {
        String ingestion = suite.ingestionUrl();
        String transform = suite.transformUrl();
        String serving = suite.servingUrl();
        String requirements = suite.requirementsUrl();
        out.println();
        out.println("Tributary is running.");
        out.println();
        out.println("  Dashboard        " + serving + "/");
        out.println("  Sales by region  " + serving + "/api/metrics/sales?groupBy=region");
        out.println("  Lineage          " + requirements + "/api/lineage?dataset=sales");
        out.println();
        String[][] rows = {
                {"service", "API", "Swagger UI", "health"},
                serviceRow("requirements", requirements + "/api/contracts/sales", requirements),
                serviceRow("ingestion", ingestion + "/api/sources/webshop", ingestion),
                serviceRow("transform", transform + "/api/pipelines/sales", transform),
                serviceRow("serving", serving + "/api/metrics/sales", serving)};
        int[] widths = new int[rows[0].length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.length; i++) {
                line.append(' ').append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 1));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        AdminPassword admin = suite.adminPassword();
        if (admin.created()) {
            out.println("  Sign in     user " + AdminPassword.USER + ", password " + admin.password()
                    + "  (shown this once; kept in " + admin.file() + ")");
        } else {
            out.println("  Sign in     user " + AdminPassword.USER + ", password in " + admin.file());
        }
        out.println("  A token     TOKEN=$(./tributary token" + dataOption(suite.config().dataDir())
                + "); curl -H \"Authorization: Bearer $TOKEN\" " + serving + "/api/metrics/sales?groupBy=region");
        out.println("  PostgreSQL  " + suite.jdbcUrl() + "  (the superuser " + LocalPostgres.USER
                + ", on this machine only; each service signs in with a role of its own)");
        DatabaseRoles roles = suite.databaseRoles();
        Path analystFile = DatabaseRoles.passwordFile(roles.directory(), DatabaseRoles.ANALYST);
        URI jdbc = URI.create(suite.jdbcUrl().substring("jdbc:".length()));
        out.println("  Analysts    PGPASSWORD=$(cat " + analystFile + ") psql -h " + jdbc.getHost() + " -p "
                + jdbc.getPort() + " -U " + DatabaseRoles.ANALYST + " " + LocalPostgres.DATABASE);
        if (roles.created().contains(DatabaseRoles.ANALYST)) {
            out.println("              user " + DatabaseRoles.ANALYST + ", password "
                    + roles.password(DatabaseRoles.ANALYST) + "  (shown this once; read-only over the analytics "
                    + "schema, personal columns masked, statements stop after 60 s)");
        }
        out.println("  Kafka       " + suite.kafkaBootstrapServers());
        out.println("  Logs        " + suite.logDir());
        out.println("  Data        " + suite.config().dataDir());
        out.println();
        out.println("Processes that exit unexpectedly are started again; see them with: tributary status"
                + dataOption(suite.config().dataDir()));
        out.println("Press Ctrl-C to stop, or run: tributary stop" + dataOption(suite.config().dataDir()));
    }

    private static String[] serviceRow(String name, String api, String base) {
        return new String[]{name, api, base + "/q/swagger-ui", base + "/q/health"};
    }

    // ---------------------------------------------------------------- stop

    private int stop(Options options) {
        Path data = options.dataDir();
        Path pidFile = data.resolve(PID_FILE);
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            out.println("Tributary is not running on " + data + " (no " + PID_FILE + ")");
            return 0;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            out.println("Tributary is not running on " + data + " (pid " + pid.get() + " has exited)");
            deletePidFile(pidFile, pid.get());
            return 0;
        }
        if (!looksLikeTributary(process.get())) {
            err.println("tributary: pid " + pid.get() + " in " + pidFile
                    + " is not a Tributary launcher; not stopping it. Delete the stale pid file.");
            return 1;
        }
        out.println("Stopping Tributary (pid " + pid.get() + ")...");
        process.get().destroy();
        try {
            process.get().onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            err.println("tributary: pid " + pid.get() + " is still stopping after " + STOP_WAIT_SECONDS + " s");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("tributary: " + e.getCause());
            return 1;
        }
        out.println("Tributary stopped");
        return 0;
    }

    // ---------------------------------------------------------------- status

    /** Exits 0 when the suite runs, 3 when it does not (as service managers do). */
    private int status(Options options) {
        Path data = options.dataDir();
        Optional<ProcessHandle> launcher = runningSuite(data.resolve(PID_FILE));
        if (launcher.isEmpty()) {
            out.println("Tributary is not running on " + data);
            return NOT_RUNNING;
        }
        Optional<SuiteStatus> status = SuiteStatus.read(data).filter(s -> s.launcherPid() == launcher.get().pid());
        if (status.isEmpty()) {
            out.println("Tributary is starting on " + data + " (launcher pid " + launcher.get().pid() + ")");
            return 0;
        }
        status.get().render(Instant.now()).forEach(out::println);
        out.println();
        out.println("Logs in " + data.resolve("logs"));
        return 0;
    }

    private static boolean looksLikeTributary(ProcessHandle process) {
        Optional<String> commandLine = process.info().commandLine();
        // without a readable command line (another user's process, some platforms) the pid file is trusted
        return commandLine.map(line -> line.contains("tributary") || line.contains("TributaryLocal")).orElse(true);
    }

    // ---------------------------------------------------------------- token

    private int token(Options options) {
        Path data = options.dataDir();
        String start = "start the suite first with: tributary run" + dataOption(data);
        try {
            AdminPassword admin = AdminPassword.read(data.resolve("keys"), start);
            int port = SuiteStatus.read(data).stream().flatMap(status -> status.processes().stream())
                    .filter(process -> process.name().equals(TributaryService.REQUIREMENTS.module())
                            && process.port() > 0)
                    .mapToInt(SuiteStatus.Entry::port).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no suite runs on " + data + "; " + start));
            out.println(new Session("http://127.0.0.1:" + port, AdminPassword.USER, admin.password()).token());
            return 0;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println("tributary: " + e.getMessage());
            return 1;
        }
    }

    // ---------------------------------------------------------------- data directory and pid file

    static Optional<ProcessHandle> runningSuite(Path pidFile) {
        return readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(TributaryLocal::looksLikeTributary)
                .filter(p -> p.pid() != ProcessHandle.current().pid());
    }

    static Optional<Long> readPid(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void writePidFile(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, pid + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + pidFile, e);
        }
    }

    private static void deletePidFile(Path pidFile, long pid) {
        if (readPid(pidFile).filter(p -> p == pid).isPresent()) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // a stale pid file is recognised as such on the next run
            }
        }
    }

    static void prepareDataDir(Path data) {
        try {
            Files.createDirectories(data);
            Path marker = data.resolve(DATA_MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Data of a local Tributary suite: PostgreSQL, Kafka, landing archive, "
                        + "logs. 'tributary run --fresh' deletes it all." + System.lineSeparator());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the data directory " + data + ": " + e.getMessage(),
                    e);
        }
    }

    /** Deletes a data directory, but only one that is empty or marked as Tributary's. */
    static void deleteDataDir(Path data) {
        if (!Files.exists(data)) {
            return;
        }
        try {
            boolean empty;
            try (Stream<Path> entries = Files.list(data)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(data.resolve(DATA_MARKER))) {
                throw new IllegalStateException(data + " does not look like a Tributary data directory (no "
                        + DATA_MARKER + "); not deleting it");
            }
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(data)) {
                paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            }
            for (Path path : paths) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + data + ": " + e.getMessage(), e);
        }
    }

    private static String dataOption(Path data) {
        Path defaultDir = Path.of(DEFAULT_DATA_DIR).toAbsolutePath().normalize();
        return data.equals(defaultDir) ? "" : " --data " + data;
    }

    // ---------------------------------------------------------------- where the services are

    /**
     * The checkout holding the packaged services: the {@code tributary.root} system property, else the
     * {@code TRIBUTARY_ROOT} environment variable, else the checkout this launcher was built in, else the current
     * directory.
     */
    static Path repositoryRoot() {
        String property = System.getProperty("tributary.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String env = System.getenv("TRIBUTARY_ROOT");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        try {
            // .../deploy/local/target/tributary-local-<version>.jar or .../deploy/local/target/classes
            Path location = Path.of(TributaryLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = location.getParent().getParent().getParent().getParent();
            if (candidate != null && Files.isDirectory(candidate.resolve("deploy/local"))) {
                return candidate.toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }

    private static String version() {
        String version = TributaryLocal.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }
}
