package io.tributary.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.tributary.local.LocalPostgres;

/**
 * A sampling profiler of the PostgreSQL server, for statements that {@code pg_stat_statements} would show if it were
 * loaded: every few milliseconds, the statements of the client backends that are active (running, or waiting on a
 * lock or I/O) in {@code pg_stat_activity}, counted by application and statement. A statement's share of the samples
 * is its share of the time those backends spent inside the server.
 */
final class PgActivitySampler implements AutoCloseable {

    private static final String QUERY = "select coalesce(application_name, ''), coalesce(wait_event_type, 'CPU'), "
            + "query from pg_stat_activity where state = 'active' and backend_type = 'client backend' "
            + "and pid <> pg_backend_pid()";

    private final String jdbcUrl;
    private final long periodNanos;
    private final Map<String, Long> byStatement = new HashMap<>();
    private final Map<String, Long> byWait = new HashMap<>();
    private volatile boolean running;
    private Thread thread;
    private long samples;
    private long activeSamples;

    PgActivitySampler(String jdbcUrl, long periodMillis) {
        this.jdbcUrl = jdbcUrl;
        this.periodNanos = periodMillis * 1_000_000L;
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "pg-activity-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            while (running) {
                long t0 = System.nanoTime();
                try (ResultSet result = statement.executeQuery(QUERY)) {
                    synchronized (this) {
                        samples++;
                        while (result.next()) {
                            activeSamples++;
                            String key = shorten(result.getString(1), result.getString(3));
                            byStatement.merge(key, 1L, Long::sum);
                            byWait.merge(key.substring(0, key.indexOf(']') + 1) + " " + result.getString(2), 1L,
                                    Long::sum);
                        }
                    }
                }
                long wait = periodNanos - (System.nanoTime() - t0);
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (SQLException e) {
            EndToEnd.log("pg-activity-sampler stopped: " + e.getMessage());
        }
    }

    /** The application and the statement's first words, whitespace folded. */
    private static String shorten(String application, String query) {
        String text = query == null ? "" : query.replaceAll("\\s+", " ").strip();
        return "[" + (application.isEmpty() ? "?" : application) + "] "
                + (text.length() > 150 ? text.substring(0, 150) + "..." : text);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5000);
        }
    }

    /** The statements by share of the active samples, most first. */
    synchronized void print(int top) {
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "PostgreSQL activity: %,d samples of pg_stat_activity, %,d "
                + "active statements seen (mean %.2f active client backends)", samples, activeSamples,
                samples == 0 ? 0 : (double) activeSamples / samples));
        System.out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"statement (application, first 150 characters)", "samples", "% of active"});
        byStatement.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> rows.add(new String[]{e.getKey().replace("|", "\\|"),
                        String.format(Locale.ROOT, "%,d", e.getValue()),
                        String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / Math.max(1, activeSamples))}));
        EndToEnd.printTable(rows);
        System.out.println();
        List<String[]> waits = new ArrayList<>();
        waits.add(new String[]{"application and wait event type (CPU = not waiting)", "samples", "% of active"});
        byWait.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> waits.add(new String[]{e.getKey(), String.format(Locale.ROOT, "%,d", e.getValue()),
                        String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / Math.max(1, activeSamples))}));
        EndToEnd.printTable(waits);
    }
}
