package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The state of a running suite as its launcher publishes it in {@code <data>/status.json} after every change, for
 * {@code tributary status} to read: the launcher, and each process with its pid, port, state, start time, restarts
 * after unexpected exits and the last such exit. See docs/decisions/0019-supervised-local-run-and-fuzzing.md.
 *
 * @param launcherPid the pid of the launcher's JVM (Kafka runs inside it)
 * @param startedAt when the launcher started the suite (ISO-8601)
 * @param processes the processes in start order
 */
public record SuiteStatus(long launcherPid, String startedAt, List<Entry> processes) {

    public static final String FILE = "status.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One process of the suite.
     *
     * @param pid its pid, 0 while it is not running
     * @param state {@code running}, {@code restarting} (waiting out its back-off), {@code stopped}
     * @param startedAt when the current run started (ISO-8601), null while it is not running
     * @param restarts how often it was started again after an unexpected exit
     * @param lastExit the last unexpected exit: its status, how long the process had been up, when; or null
     * @param note what else to know ("in the launcher's JVM")
     */
    public record Entry(String name, long pid, int port, String state, String startedAt, int restarts,
            String lastExit, String note) {
    }

    /** Writes the status file whole, or not at all (a reader never sees half of it). */
    public void write(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Path temporary = dataDir.resolve(FILE + ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The status a launcher published on this data directory, if any and readable. */
    public static Optional<SuiteStatus> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), SuiteStatus.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException e) {
            // a status left behind names a launcher that is gone, which the reader checks
        }
    }

    /** The status as {@code tributary status} prints it, uptimes as of {@code now}. */
    public List<String> render(Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("Tributary is running: launcher pid " + launcherPid + ", up "
                + duration(Duration.between(Instant.parse(startedAt), now)));
        lines.add("");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"process", "pid", "port", "state", "uptime", "restarts", "last unexpected exit"});
        for (Entry entry : processes) {
            boolean up = entry.pid() > 0 && entry.startedAt() != null;
            String last = entry.lastExit() == null ? "" : entry.lastExit();
            if (entry.note() != null) {
                last = last.isEmpty() ? "(" + entry.note() + ")" : last + " (" + entry.note() + ")";
            }
            rows.add(new String[]{entry.name(), up ? Long.toString(entry.pid()) : "-", Integer.toString(entry.port()),
                    entry.state(), up ? duration(Duration.between(Instant.parse(entry.startedAt()), now)) : "-",
                    Integer.toString(entry.restarts()), last});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** A duration as people read it: {@code 250ms}, {@code 45s}, {@code 3m 07s}, {@code 2h 05m}, {@code 3d 04h}. */
    public static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }
}
