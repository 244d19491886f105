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

/** Creates aggregates laid out as the transform service lays them out, and fills them cell by cell. */
final class AggregateTables {

    private final DataSource dataSource;

    AggregateTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code curated.<pipeline>_agg} afresh, its bucket {@code date} or {@code timestamptz}. */
    void create(String pipeline, String bucketType, List<String> dimensions, List<String> measures)
            throws SQLException {
        StringBuilder sql = new StringBuilder("create table curated.\"" + pipeline + "_agg\" (_bucket " + bucketType
                + " not null");
        dimensions.forEach(d -> sql.append(", \"").append(d).append("\" text not null"));
        measures.forEach(m -> sql.append(", \"").append(m).append("\" numeric not null"));
        sql.append(", _lines bigint not null, _updated_at timestamptz not null, _restated_at timestamptz, "
                + "primary key (_bucket");
        dimensions.forEach(d -> sql.append(", \"").append(d).append('"'));
        sql.append("))");
        execute("drop table if exists curated.\"" + pipeline + "_agg\"", sql.toString());
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
        String sql = "insert into curated.\"" + pipeline + "_agg\" values (" + "?, ".repeat(columns - 1) + "?)";
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
}
