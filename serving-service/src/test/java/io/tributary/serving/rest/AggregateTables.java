package io.tributary.serving.rest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.curated.CuratedTables;

/** Creates aggregates with the layout the transform service gives them, and fills them cell by cell. */
final class AggregateTables {

    private final DataSource dataSource;

    AggregateTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * {@code curated.<pipeline>_agg} afresh, laid out as the transform service lays it out, and a current version of
     * the pipeline that declares it.
     */
    void create(String pipeline, AggregateLayout.Bucket bucket, List<String> dimensions, List<String> measures)
            throws SQLException {
        AggregateLayout layout = new AggregateLayout(bucket, dimensions, measures);
        String table = table(pipeline);
        execute("drop table if exists " + table, "create table " + table + " (" + layout.tableDefinition() + ")",
                "insert into catalog.dataset (name) values ('" + pipeline + "') on conflict do nothing");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("insert into catalog.pipeline_version (name, "
                        + "version, dataset, kind, document, media_type, aggregate_layout) values (?, (select "
                        + "coalesce(max(version), 0) + 1 from catalog.pipeline_version where name = ?), ?, 'FACT', "
                        + "'{}', 'application/json', ?::jsonb)")) {
            statement.setString(1, pipeline);
            statement.setString(2, pipeline);
            statement.setString(3, pipeline);
            statement.setString(4, layout.toJson());
            statement.executeUpdate();
        }
    }

    /**
     * One cell.
     *
     * @param bucket a {@link LocalDate} or an {@link Instant}
     * @param dimensions the cell's dimension values, in table order
     * @param measures the cell's sums as decimal text, in table order
     */
    void cell(String pipeline, Object bucket, List<String> dimensions, List<String> measures, long lines,
            Instant restatedAt) throws SQLException {
        int columns = 1 + dimensions.size() + measures.size() + 3;
        String sql = "insert into " + table(pipeline) + " values (" + "?, ".repeat(columns - 1) + "?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setObject(i++, bucket instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : bucket);
            for (String value : dimensions) {
                statement.setString(i++, value);
            }
            for (String value : measures) {
                statement.setBigDecimal(i++, new BigDecimal(value));
            }
            statement.setLong(i++, lines);
            statement.setObject(i++, OffsetDateTime.now(ZoneOffset.UTC));
            statement.setObject(i, restatedAt == null ? null : restatedAt.atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
        }
    }

    void freshness(String table, Instant currentAsOf) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("insert into catalog.freshness_watermark "
                        + "(table_name, current_as_of, updated_at) values (?, ?, now())")) {
            statement.setString(1, table);
            statement.setTimestamp(2, Timestamp.from(currentAsOf));
            statement.executeUpdate();
        }
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String table(String pipeline) {
        return CuratedTables.SCHEMA + "." + quote(CuratedTables.aggregate(pipeline));
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
