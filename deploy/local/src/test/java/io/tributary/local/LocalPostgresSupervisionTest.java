package io.tributary.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real PostgreSQL server on a kept data directory, killed with SIGKILL, is started again with its data. */
class LocalPostgresSupervisionTest {

    @Test
    void aKilledServerIsStartedAgainOnItsPortWithItsData(@TempDir Path data) throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<LocalPostgres> current = new AtomicReference<>(LocalPostgres.start(data.resolve("pg"), 0));
        try (Supervisor supervisor = new Supervisor(
                new RestartPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(1)), log::add,
                () -> {
                })) {
            LocalPostgres first = current.get();
            execute(first.jdbcUrl(), "create table kept (x int); insert into kept values (42)");
            long pid = first.serverPid().orElseThrow();
            supervisor.supervise("postgresql", first.port(), first.asRun(), () -> {
                LocalPostgres again = current.get().startAgain();
                current.set(again);
                return again.asRun();
            });

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (supervisor.snapshot().get(0).restarts() < 1) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not started again within 60 s: " + log);
                }
                Thread.sleep(100);
            }
            Supervisor.Snapshot now = supervisor.snapshot().get(0);
            assertNotEquals(pid, now.pid());
            assertEquals(first.port(), current.get().port());
            assertEquals(first.jdbcUrl(), current.get().jdbcUrl());
            assertEquals(42, queryInt(current.get().jdbcUrl(), "select x from kept"));
            assertTrue(log.get(0).startsWith("postgresql (pid " + pid + ") exited unexpectedly: the server process "
                    + "is gone"), log.toString());
        } finally {
            current.get().close();
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int queryInt(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
