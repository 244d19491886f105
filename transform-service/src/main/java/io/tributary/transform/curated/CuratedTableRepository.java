package io.tributary.transform.curated;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;

/**
 * A pipeline's curated table {@code curated.<pipeline>}: one row per record key with Tributary's columns (names
 * starting with {@code _}) and the pipeline's output columns. Every method runs in the caller's transaction; rows are
 * locked in key order, under the pipeline's advisory lock (see {@link #lockPipeline}).
 */
@ApplicationScoped
public class CuratedTableRepository {

    private static final String SYSTEM_COLUMNS = "_key, _record_id, _source, _batch, _position, _partition, _offset, _version, _hash, "
            + "_status, _pending, _input::text as _input, _accepted_at";

    private final AgroalDataSource dataSource;

    public CuratedTableRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Creates the table, or adds the columns a new version brings. A column that would change type is refused.
     *
     * @return the problems that stop the pipeline version from being used; empty when the table fits it
     */
    public List<String> ensure(CompiledPipeline pipeline, Collection<List<String>> indexes) throws SQLException {
        String table = Sql.table(pipeline.name());
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> existing = TableColumns.of(connection, pipeline.name());
            List<String> problems = new ArrayList<>();
            pipeline.output().forEach((column, type) -> {
                String found = existing.get(column);
                if (found != null && !found.equals(TableColumns.typeName(type))) {
                    problems.add("column '" + column + "' of " + table + " is " + found + "; this version makes it "
                            + type.label() + ": give the new meaning a new field name");
                }
            });
            if (!problems.isEmpty()) {
                return problems;
            }
            try (var statement = connection.createStatement()) {
                statement.execute("create table if not exists " + table + " (_key text primary key, "
                        + "_record_id uuid not null, _source text not null, _batch uuid not null, "
                        + "_position bigint not null, _partition integer not null, "
                        + "_offset bigint not null, _version integer not null, _hash text not null, "
                        + "_status text not null, _pending text[] not null default '{}', _input json not null, "
                        + "_accepted_at timestamptz not null, _curated_at timestamptz not null default now())");
                for (Map.Entry<String, FieldType> column : pipeline.output().entrySet()) {
                    statement.execute("alter table " + table + " add column if not exists "
                            + Sql.quote(column.getKey()) + " " + column.getValue().sqlType());
                }
                for (List<String> columns : indexes) {
                    statement.execute("create index if not exists " + Sql.quote(pipeline.name() + "_"
                            + String.join("_", columns) + "_idx") + " on " + table + " ("
                            + columns.stream().map(Sql::quote).collect(Collectors.joining(", ")) + ")");
                }
            }
            return List.of();
        }
    }

    /** How many curated rows (not filtered or failed) of the table were last written by this version. */
    public long countCuratedBy(String pipeline, int version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from " + Sql.table(pipeline)
                        + " where _version = ? and _status = 'curated'")) {
            query.setInt(1, version);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Makes the transaction the pipeline's only writer until it ends. Row locks alone cannot stop two transactions
     * (the stream and a backfill, or two replicas) from both finding a key absent and both adding it to the aggregate.
     */
    public void lockPipeline(CompiledPipeline pipeline) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, ("tributary.pipeline." + pipeline.name()).hashCode());
            lock.execute();
        }
    }

    /** The stored rows of these keys, locked until the transaction ends. */
    public Map<String, CuratedRow> lock(CompiledPipeline pipeline, Collection<String> keys) throws SQLException {
        List<String> sorted = keys.stream().sorted().toList();
        return query(pipeline, "_key = any(?) order by _key for update",
                statement -> statement.setArray(1, Sql.texts(statement.getConnection(), sorted)));
    }

    /** The stored rows whose {@code column} holds one of these values, locked: the facts a reference row completes. */
    public Map<String, CuratedRow> lockWhere(CompiledPipeline pipeline, String column, Collection<String> values)
            throws SQLException {
        String type = pipeline.output().get(column).sqlType();
        return query(pipeline, Sql.quote(column) + " = any(?::" + type + "[]) order by _key for update",
                statement -> statement.setArray(1, Sql.texts(statement.getConnection(), values)));
    }

    /**
     * The next stored rows after {@code afterKey} accepted at or after {@code acceptedFrom}, locked; with
     * {@code staleOnly} only those an earlier version of the pipeline computed.
     */
    public Map<String, CuratedRow> lockChunk(CompiledPipeline pipeline, String afterKey, Instant acceptedFrom,
            boolean staleOnly, int limit) throws SQLException {
        return query(pipeline, "_key > ? and _accepted_at >= ?" + (staleOnly ? " and _version < ?" : "")
                + " order by _key limit " + limit + " for update", statement -> {
                    statement.setString(1, afterKey);
                    statement.setTimestamp(2, Timestamp.from(acceptedFrom));
                    if (staleOnly) {
                        statement.setInt(3, pipeline.version());
                    }
                });
    }

    /** Every curated row of a reference pipeline by its key. */
    public Map<String, Map<String, Object>> referenceRows(CompiledPipeline reference) throws SQLException {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        query(reference, "_status = 'curated'", statement -> {
        }).forEach((key, row) -> rows.put(key, row.values()));
        return rows;
    }

    /** Inserts the rows, or replaces those whose keys are {@code stored}, in key order. */
    public void write(CompiledPipeline pipeline, Collection<CuratedRow> rows, Set<String> stored) throws SQLException {
        Map<Boolean, List<CuratedRow>> replacing = rows.stream().sorted((a, b) -> a.key().compareTo(b.key()))
                .collect(Collectors.partitioningBy(row -> stored.contains(row.key())));
        write(pipeline, replacing.get(false), false);
        write(pipeline, replacing.get(true), true);
    }

    /**
     * With {@code replace} false the rows are only inserted: under the pipeline's lock no other transaction can add
     * the key, which spares PostgreSQL the speculative insertion of {@code on conflict}.
     */
    private void write(CompiledPipeline pipeline, List<CuratedRow> sorted, boolean replace) throws SQLException {
        if (sorted.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(pipeline.output().keySet());
        String names = columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
        String casts = columns.stream().map(c -> "t." + Sql.quote(c) + "::" + pipeline.output().get(c).sqlType())
                .collect(Collectors.joining(", "));
        String aliases = columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
        String updates = columns.stream().map(c -> Sql.quote(c) + " = excluded." + Sql.quote(c))
                .collect(Collectors.joining(", "));
        String sql = "insert into " + Sql.table(pipeline.name()) + " (_key, _record_id, _source, _batch, _position, "
                + "_partition, _offset, _version, _hash, _status, _pending, _input, _accepted_at, _curated_at"
                + (columns.isEmpty() ? "" : ", " + names) + ") select t._key, t._record_id::uuid, t._source, "
                + "t._batch::uuid, t._position::bigint, t._partition::integer, t._offset::bigint, t._version::integer, t._hash, t._status, "
                + "t._pending::text[], t._input::json, t._accepted_at::timestamptz, now()"
                + (columns.isEmpty() ? "" : ", " + casts) + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::bigint[], ?::integer[], ?::bigint[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[]" + columns.stream().map(c -> pipeline.output().get(c) == FieldType.INTEGER
                        ? ", ?::bigint[]"
                        : ", ?::text[]").collect(Collectors.joining())
                + ") as t(_key, _record_id, _source, _batch, _position, "
                + "_partition, _offset, "
                + "_version, _hash, _status, _pending, _input, _accepted_at" + (columns.isEmpty()
                        ? ""
                        : ", "
                                + aliases)
                + ") order by t._key" + (!replace
                        ? ""
                        : " on conflict (_key) do update set _record_id = "
                                + "excluded._record_id, _source = excluded._source, _batch = excluded._batch, "
                                + "_position = excluded._position, _partition = excluded._partition, _offset = "
                                + "excluded._offset, _version = excluded._version, _hash = excluded._hash, _status = "
                                + "excluded._status, _pending = excluded._pending, _input = excluded._input, _accepted_at = "
                                + "excluded._accepted_at, _curated_at = excluded._curated_at"
                                + (columns.isEmpty() ? "" : ", " + updates));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setArray(i++, Sql.texts(connection, sorted, CuratedRow::key));
            statement.setArray(i++, Sql.texts(connection, sorted, CuratedRow::recordId));
            statement.setArray(i++, Sql.texts(connection, sorted, CuratedRow::source));
            statement.setArray(i++, Sql.texts(connection, sorted, CuratedRow::batch));
            statement.setArray(i++, Sql.longs(connection, sorted, CuratedRow::position));
            statement.setArray(i++, Sql.ints(connection, sorted, CuratedRow::partition));
            statement.setArray(i++, Sql.longs(connection, sorted, CuratedRow::offset));
            statement.setArray(i++, Sql.ints(connection, sorted, CuratedRow::version));
            statement.setArray(i++, Sql.texts(connection, sorted, CuratedRow::hash));
            statement.setArray(i++, Sql.texts(connection, sorted, r -> r.status().label()));
            statement.setArray(i++, Sql.texts(connection, sorted, r -> Sql.arrayLiteral(r.pending())));
            statement.setArray(i++, Sql.texts(connection, sorted, CuratedRow::input));
            statement.setArray(i++, Sql.texts(connection, sorted, CuratedRow::acceptedAt));
            Object[][] values = byColumn(columns, sorted);
            for (int c = 0; c < columns.size(); c++) {
                statement.setArray(i++, pipeline.output().get(columns.get(c)) == FieldType.INTEGER
                        ? connection.createArrayOf("int8", Arrays.copyOf(values[c], sorted.size(), Long[].class))
                        : Sql.texts(connection, values[c]));
            }
            statement.executeUpdate();
        }
    }

    /**
     * The rows' values column by column, each row's map walked once in its own order: reading every column of every
     * row by its name made one hash look-up per value, in maps spread over the heap.
     */
    static Object[][] byColumn(List<String> columns, List<CuratedRow> rows) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            index.put(columns.get(c), c);
        }
        Object[][] values = new Object[columns.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (Map.Entry<String, Object> value : rows.get(r).values().entrySet()) {
                Integer c = index.get(value.getKey());
                if (c != null) {
                    values[c][r] = value.getValue();
                }
            }
        }
        return values;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Map<String, CuratedRow> query(CompiledPipeline pipeline, String where, Binder binder)
            throws SQLException {
        List<String> columns = new ArrayList<>(pipeline.output().keySet());
        String select = "select " + SYSTEM_COLUMNS + (columns.isEmpty()
                ? ""
                : ", "
                        + columns.stream().map(Sql::quote).collect(Collectors.joining(", ")))
                + " from "
                + Sql.table(pipeline.name()) + " where " + where;
        Map<String, CuratedRow> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(select)) {
            binder.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    CuratedRow.Status status = CuratedRow.Status.valueOf(result.getString("_status")
                            .toUpperCase(Locale.ROOT));
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (String column : columns) {
                        values.put(column, Sql.read(result, column, pipeline.output().get(column)));
                    }
                    String key = result.getString("_key");
                    rows.put(key, new CuratedRow(key, result.getObject("_record_id", UUID.class),
                            result.getString("_source"), result.getObject("_batch", UUID.class),
                            result.getLong("_position"), result.getInt("_partition"), result.getLong("_offset"),
                            result.getInt("_version"), result.getString("_hash"), status,
                            Arrays.asList((String[]) result.getArray("_pending").getArray()),
                            result.getString("_input"), result.getObject("_accepted_at", OffsetDateTime.class).toInstant(),
                            values));
                }
            }
        }
        return rows;
    }
}
