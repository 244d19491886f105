package io.tributary.local;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service running as a separate OS process ({@code java -jar quarkus-run.jar}), its output appended to
 * a log file.
 */
public final class ServiceProcess {

    /**
     * The collector of the container images too (their base image's launcher picks the parallel one): on two cores,
     * G1's concurrent work and write barriers cost the transform service about a third more CPU per record.
     */
    static final String COLLECTOR = "-XX:+UseParallelGC";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int TAIL_LINES = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(String name, int port, Process process, Path logFile) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java -Xmx<maxHeap> -jar jar} with the given environment added to this JVM's, in {@code workDir},
     * appending its standard output and error to {@code logFile}. Returns at once; see {@link #awaitReady(Duration)}.
     */
    public static ServiceProcess start(String name, Path jar, int port, String maxHeap,
            Map<String, String> environment, Path workDir, Path logFile) {
        Objects.requireNonNull(environment, "environment");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not packaged: " + jar + " does not exist");
        }
        List<String> command = List.of(javaExecutable(), "-Xmx" + maxHeap, COLLECTOR, "-jar", jar.toString());
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile,
                    "==== " + Instant.now() + " starting " + name + " on port " + port + ": "
                            + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            return new ServiceProcess(name, port, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** The java launcher of the running JVM, so the services run on the same JDK as the caller. */
    public static String javaExecutable() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has ended, with its exit status ({@link #describeExit}). */
    public CompletableFuture<String> exit() {
        return process.onExit().thenApply(ended -> describeExit(ended.exitValue()));
    }

    /** An exit status as people read it: on Unix, 128 + n is the status of a process ended by signal n. */
    static String describeExit(int status) {
        if (status > 128 && status < 160 && !isWindows()) {
            int signal = status - 128;
            String name = switch (signal) {
                case 1 -> ", SIGHUP";
                case 2 -> ", SIGINT";
                case 6 -> ", SIGABRT";
                case 9 -> ", SIGKILL";
                case 11 -> ", SIGSEGV";
                case 15 -> ", SIGTERM";
                default -> "";
            };
            return "exit status " + status + " (signal " + signal + name + ")";
        }
        return "exit status " + status;
    }

    /** This run as the supervisor sees it. */
    Supervisor.Run asRun() {
        return new Supervisor.Run() {
            @Override
            public long pid() {
                return ServiceProcess.this.pid();
            }

            @Override
            public CompletableFuture<String> exit() {
                return ServiceProcess.this.exit();
            }

            @Override
            public void stop() {
                ServiceProcess.this.stop();
            }
        };
    }

    /**
     * One readiness probe: true when {@code /q/health/ready} answers 200.
     *
     * @throws IllegalStateException if the process has exited, with the tail of its log
     */
    public boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + " before it was ready"
                    + logExcerpt());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200.
     *
     * @throws IllegalStateException if the process exits or the time runs out, with the tail of its log
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s"
                        + logExcerpt());
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, up to 20 s for a graceful shutdown, then SIGKILL. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log file, for error messages. */
    public String logTail(int lines) {
        return tail(logFile, lines);
    }

    private String logExcerpt() {
        return "; last lines of " + logFile + ":" + System.lineSeparator() + logTail(TAIL_LINES);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log file)";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            List<String> last = new ArrayList<>(List.of(all).subList(Math.max(0, all.length - lines), all.length));
            return String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static File nullDevice() {
        return new File(isWindows() ? "NUL" : "/dev/null");
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", " + baseUrl() + ")";
    }
}
