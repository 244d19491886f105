package io.tributary.requirements.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

/** What the other services would have written to the catalog: a dataset, a pipeline and its progress. */
final class CatalogFacts {

    private final DataSource dataSource;

    CatalogFacts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void empty() throws SQLException {
        execute("delete from catalog.pipeline_state", "delete from catalog.freshness_watermark",
                "delete from catalog.pipeline_latency", "delete from catalog.pipeline_version",
                "delete from catalog.schema_version", "delete from catalog.contract_version");
    }

    void pipeline(String name, String dataset) throws SQLException {
        execute("insert into catalog.dataset (name) values ('" + dataset + "') on conflict do nothing",
                "insert into catalog.pipeline_version (name, version, dataset, kind, document, media_type) values ('"
                        + name + "', 1, '" + dataset + "', 'FACT', 'name: " + name + "\ndataset: " + dataset
                        + "\neventTime: order_date\n', 'application/yaml')");
    }

    /** The pipeline applied a record that ingestion accepted at {@code acceptedAt}. */
    void applied(String pipeline, Instant acceptedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        insert into catalog.pipeline_state (name, received, curated, last_accepted_at, event_watermark)
                        values (?, 1, 1, ?, ?)
                        on conflict (name) do update set last_accepted_at = excluded.last_accepted_at,
                            event_watermark = excluded.event_watermark
                        """)) {
            statement.setString(1, pipeline);
            statement.setTimestamp(2, Timestamp.from(acceptedAt));
            statement.setTimestamp(3, Timestamp.from(acceptedAt));
            statement.executeUpdate();
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
