package io.tributary.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Processes a suite started on a data directory and that outlived it because its JVM was killed: the services
 * (recorded in {@code <data>/processes} together with the pid of the JVM that started them) and the PostgreSQL
 * server (its {@code postmaster.pid}). They hold the ports and the data directory, so a new start stops them first.
 */
final class Leftovers {

    static final String FILE = "processes";
    private static final long WAIT_SECONDS = 30;

    private Leftovers() {
    }

    /** Stops what an earlier suite on this data directory left running, if the JVM that started it is gone. */
    static void stop(Path dataDir, Consumer<String> progress) {
        Path file = dataDir.resolve(FILE);
        List<String> lines = read(file);
        if (lines.isEmpty()) {
            return;
        }
        long owner = pid(lines.get(0)).orElse(-1L);
        if (owner != ProcessHandle.current().pid() && ProcessHandle.of(owner).filter(ProcessHandle::isAlive)
                .isPresent()) {
            throw new IllegalStateException("the suite on " + dataDir + " is still running in process " + owner);
        }
        List<ProcessHandle> stale = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            pid(line).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                    .filter(p -> commandContains(p, "quarkus-run.jar"))
                    .ifPresent(stale::add);
        }
        read(dataDir.resolve("postgres/postmaster.pid")).stream().findFirst()
                .flatMap(Leftovers::pid).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> commandContains(p, "postgres"))
                .ifPresent(stale::add);
        // the services first: PostgreSQL's default (smart) shutdown waits for their sessions to end
        for (ProcessHandle process : stale) {
            progress.accept("Stopping process " + process.pid() + " left over from an earlier run: "
                    + process.info().commandLine().orElse("?"));
            process.destroy();
            try {
                process.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        clear(dataDir);
    }

    /** Starts the record of this JVM's suite. */
    static void begin(Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve(FILE), "suite " + ProcessHandle.current().pid() + System.lineSeparator(),
                StandardCharsets.UTF_8);
    }

    static void record(Path dataDir, ServiceProcess process) throws IOException {
        Files.writeString(dataDir.resolve(FILE), process.name() + " " + process.pid() + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void clear(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException e) {
            // harmless: its processes are gone, and a dead owner is recognised as such
        }
    }

    private static boolean commandContains(ProcessHandle process, String text) {
        return process.info().commandLine().or(() -> process.info().command()).map(c -> c.contains(text))
                .orElse(false);
    }

    /** The pid in a line {@code <name> <pid>} or a line that is just a pid. */
    private static Optional<Long> pid(String line) {
        String[] words = line.strip().split("\\s+");
        try {
            return Optional.of(Long.parseLong(words[words.length - 1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
