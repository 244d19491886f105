package io.tributary.serving.repository;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.curated.CuratedTables;

/**
 * Reads the aggregates {@code curated.<pipeline>_agg} the transform service maintains. They have no entity: their
 * columns depend on the pipeline, so they are read with SQL built from the layout its current version stored (always
 * quoted), every value a bind parameter.
 */
@ApplicationScoped
public class AggregateRepository {

    /** The current version of each pipeline whose aggregate table exists, with its layout. */
    private static final String CURRENT_LAYOUTS = """
            select v.name, v.aggregate_layout::text from catalog.pipeline_version v
            where v.aggregate_layout is not null
              and v.version = (select max(c.version) from catalog.pipeline_version c where c.name = v.name)
              and to_regclass(format('%I.%I', ?::text, v.name || ?)) is not null
            """;
    private static final String BUCKET = quote(AggregateLayout.BUCKET);
    private static final String LINES = quote(AggregateLayout.LINES);
    private static final String RESTATED_AT = quote(AggregateLayout.RESTATED_AT);

    /** Rows fetched from PostgreSQL at a time when an answer is streamed. */
    static final int FETCH_SIZE = 500;

    private final DataSource dataSource;

    public AggregateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The pipeline's aggregate, if its current version declares one and its table exists. */
    public Optional<AggregateTable> find(String pipeline) {
        return layouts(" and v.name = ?", pipeline).stream().findFirst();
    }

    /** The pipelines whose aggregate can be read, by name. */
    public List<String> pipelinesWithAggregate() {
        return layouts(" order by v.name", null).stream().map(AggregateTable::pipeline).toList();
    }

    private List<AggregateTable> layouts(String rest, String pipeline) {
        List<AggregateTable> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(CURRENT_LAYOUTS + rest)) {
            statement.setString(1, CuratedTables.SCHEMA);
            statement.setString(2, CuratedTables.AGGREGATE_SUFFIX);
            if (pipeline != null) {
                statement.setString(3, pipeline);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    tables.add(new AggregateTable(result.getString(1), AggregateLayout.fromJson(result.getString(2))));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the aggregates' layouts: " + e.getMessage(), e);
        }
    }

    /** Whether a pipeline of this name has ever been declared. */
    public boolean isDeclared(String pipeline) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select exists (select 1 from catalog.pipeline_version where name = ?)")) {
            statement.setString(1, pipeline);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the declared pipelines: " + e.getMessage(), e);
        }
    }

    /** The time zone names PostgreSQL knows. */
    public Set<String> timeZoneNames() {
        Set<String> names = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select name from pg_timezone_names");
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                names.add(result.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read PostgreSQL's time zones: " + e.getMessage(), e);
        }
    }

    /**
     * Sums every measure and the lines per period and group, omitting groups without lines; ordered by the
     * dimensions asked for, then period.
     *
     * @param groupBy dimensions of {@code table}, already checked
     * @param period how rows are split in time
     * @param from first local day included, or null
     * @param to last local day included, or null
     * @param timeZone the zone a timestamp bucket's day is taken in, already checked; unused for date buckets
     * @param limit the most rows to read
     */
    public List<AggregateRow> sums(AggregateTable table, List<String> groupBy, Period period, LocalDate from,
            LocalDate to, String timeZone, int limit) {
        SumsStatement sums = sumsStatement(table, groupBy, period, from, to, timeZone, limit);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = sums.prepare(connection)) {
            List<AggregateRow> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(sums.row(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + CuratedTables.qualified(table.table()) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Takes the rows of a streamed answer one by one. */
    public interface RowSink {
        void accept(AggregateRow row) throws IOException;
    }

    /**
     * The same sums as {@link #sums}, all of them, handed to the sink as PostgreSQL returns them: read through a
     * cursor {@link #FETCH_SIZE} rows at a time, so that an answer of any size passes in constant memory.
     */
    public void streamSums(AggregateTable table, List<String> groupBy, Period period, LocalDate from, LocalDate to,
            String timeZone, RowSink sink) throws IOException {
        SumsStatement sums = sumsStatement(table, groupBy, period, from, to, timeZone, null);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL's driver reads through a cursor only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement statement = sums.prepare(connection)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        sink.accept(sums.row(result));
                    }
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("could not read " + CuratedTables.qualified(table.table()) + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * A sums query with its bind parameters in order, and how to read its rows.
     *
     * @param split whether its rows start with a period
     * @param dimensions how many dimension values its rows have
     * @param measures how many sums its rows have
     */
    public record SumsStatement(String sql, List<Object> parameters, boolean split, int dimensions, int measures) {

        public SumsStatement {
            parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        }

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }

        AggregateRow row(ResultSet result) throws SQLException {
            return AggregateRepository.row(result, split, dimensions, measures);
        }
    }

    /**
     * The statement {@link #sums} (with a limit) or {@link #streamSums} (without) runs for these arguments: also what
     * the benchmarks have PostgreSQL explain, so that the reference is the very statement serving runs.
     *
     * @param limit the most rows to read, or null for all
     */
    public static SumsStatement sumsStatement(AggregateTable table, List<String> groupBy, Period period,
            LocalDate from, LocalDate to, String timeZone, Integer limit) {
        for (String dimension : groupBy) {
            if (!table.dimensions().contains(dimension)) {
                throw new IllegalArgumentException(dimension + " is not a dimension of " + table.table());
            }
        }
        boolean timestamps = table.bucket() == AggregateLayout.Bucket.TIMESTAMP;
        List<Object> parameters = new ArrayList<>();

        // Inner query: one row per cell with its local day, under names that cannot meet a column's.
        StringBuilder cells = new StringBuilder("select ");
        if (timestamps) {
            cells.append("(").append(BUCKET).append(" at time zone cast(? as text))::date");
            parameters.add(timeZone);
        } else {
            cells.append(BUCKET);
        }
        cells.append(" as _day");
        for (int i = 0; i < groupBy.size(); i++) {
            cells.append(", ").append(quote(groupBy.get(i))).append(" as _d").append(i);
        }
        for (int i = 0; i < table.measures().size(); i++) {
            cells.append(", ").append(quote(table.measures().get(i))).append(" as _m").append(i);
        }
        cells.append(", ").append(LINES).append(" as _lines, ").append(RESTATED_AT).append(" as _restated_at from ")
                .append(quote(CuratedTables.SCHEMA)).append('.').append(quote(table.table()));
        // A local day lies within a day of the UTC day of the same date: this bounds the buckets read through the
        // primary key, and the exact local days are then kept below.
        List<String> bounds = new ArrayList<>();
        if (from != null) {
            bounds.add(timestamps
                    ? BUCKET + " >= (cast(? as date) - 1)::timestamp at time zone 'UTC'"
                    : BUCKET + " >= ?");
            parameters.add(from);
        }
        if (to != null) {
            bounds.add(timestamps
                    ? BUCKET + " < (cast(? as date) + 2)::timestamp at time zone 'UTC'"
                    : BUCKET + " <= ?");
            parameters.add(to);
        }
        if (!bounds.isEmpty()) {
            cells.append(" where ").append(String.join(" and ", bounds));
        }

        boolean split = period != Period.NONE;
        List<String> keys = IntStream.range(0, groupBy.size()).mapToObj(i -> "_d" + i).toList();
        StringBuilder sql = new StringBuilder("select ");
        if (split) {
            sql.append(period == Period.MONTH ? "date_trunc('month', _day::timestamp)::date" : "_day")
                    .append(" as _p, ");
        }
        keys.forEach(key -> sql.append(key).append(", "));
        IntStream.range(0, table.measures().size()).forEach(i -> sql.append("sum(_m").append(i).append("), "));
        sql.append("sum(_lines)::bigint, max(_restated_at) from (").append(cells).append(") as cells");
        List<String> days = new ArrayList<>();
        if (timestamps && from != null) {
            days.add("_day >= ?");
            parameters.add(from);
        }
        if (timestamps && to != null) {
            days.add("_day <= ?");
            parameters.add(to);
        }
        if (!days.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", days));
        }
        List<String> groups = new ArrayList<>(keys);
        if (split) {
            groups.add("_p");
        }
        if (!groups.isEmpty()) {
            // dimensions first, then period: also the order of the rows
            String list = String.join(", ", groups);
            sql.append(" group by ").append(list).append(" having sum(_lines) <> 0 order by ").append(list);
        } else {
            sql.append(" having sum(_lines) <> 0");
        }
        if (limit != null) {
            sql.append(" limit ?");
            parameters.add(limit);
        }
        return new SumsStatement(sql.toString(), parameters, split, groupBy.size(), table.measures().size());
    }

    private static AggregateRow row(ResultSet result, boolean split, int dimensions, int measures)
            throws SQLException {
        int column = 1;
        LocalDate period = split ? result.getObject(column++, LocalDate.class) : null;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < dimensions; i++) {
            values.add(result.getString(column++));
        }
        List<BigDecimal> sums = new ArrayList<>();
        for (int i = 0; i < measures; i++) {
            sums.add(result.getBigDecimal(column++));
        }
        long lines = result.getLong(column++);
        OffsetDateTime restatedAt = result.getObject(column, OffsetDateTime.class);
        return new AggregateRow(period, values, sums, lines, restatedAt == null ? null : restatedAt.toInstant());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** How rows are split in time. */
    public enum Period {
        NONE,
        DAY,
        MONTH
    }
}
