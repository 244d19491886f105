package io.tributary.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server, its binaries unpacked from a Maven Central jar. With a data directory it keeps its data
 * across restarts; without one it runs on a throwaway directory.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "tributary";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
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
            LocalPostgres postgres = new LocalPostgres(builder.start());
            postgres.createDatabase();
            return postgres;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start PostgreSQL", e);
        }
    }

    public int port() {
        return server.getPort();
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
