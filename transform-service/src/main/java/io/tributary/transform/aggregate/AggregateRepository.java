package io.tributary.transform.aggregate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.transform.curated.Sql;
import io.tributary.transform.curated.TableColumns;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.PipelineDefinition;

/**
 * A pipeline's aggregate {@code curated.<pipeline>_agg}: sums of the measures and a count of rows per event-time
 * bucket and dimension values, moved by exactly the change each transaction makes to the curated rows. Timestamps
 * fall into 15-minute UTC buckets, which add up to whole days in every time zone in use; dates keep their calendar
 * day.
 */
@ApplicationScoped
public class AggregateRepository {

    public static final String BUCKET_SECONDS = "900";

    private final AgroalDataSource dataSource;

    public AggregateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static String tableName(String pipeline) {
        return pipeline + "_agg";
    }

    /** Creates the aggregate, or rebuilds it from the curated rows when a new version gives it another shape. */
    public void ensure(CompiledPipeline pipeline) throws SQLException {
        PipelineDefinition.Aggregate aggregate = pipeline.definition().aggregate();
        String name = tableName(pipeline.name());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Map<String, String> existing = TableColumns.of(connection, name);
            if (aggregate == null) {
                statement.execute("drop table if exists " + Sql.table(name));
                return;
            }
            Map<String, String> wanted = columns(pipeline);
            if (existing.equals(wanted)) {
                return;
            }
            statement.execute("drop table if exists " + Sql.table(name));
            String keys = key(aggregate);
            statement.execute("create table " + Sql.table(name) + " (" + wanted.entrySet().stream()
                    .map(c -> Sql.quote(c.getKey()) + " " + c.getValue() + notNull(c.getKey()))
                    .collect(Collectors.joining(", ")) + ", primary key (" + keys + "))");
            String event = Sql.quote(pipeline.definition().eventTime());
            String bucket = pipeline.eventTimeType() == FieldType.DATE
                    ? event
                    : "to_timestamp(floor(extract(epoch from " + event + ") / " + BUCKET_SECONDS + ") * "
                            + BUCKET_SECONDS + ")";
            String dimensions = aggregate.dimensions().stream()
                    .map(d -> ", coalesce(" + Sql.quote(d) + "::text, '')").collect(Collectors.joining());
            String sums = aggregate.measures().stream().map(m -> ", coalesce(sum(" + Sql.quote(m) + "), 0)")
                    .collect(Collectors.joining());
            statement.execute("insert into " + Sql.table(name) + " select " + bucket + dimensions + sums
                    + ", count(*), now(), null from " + Sql.table(pipeline.name()) + " where _status = 'curated' and "
                    + event + " is not null group by " + groupBy(aggregate.dimensions().size() + 1));
        }
    }

    /** Applies the changes, cells in key order. */
    public void apply(CompiledPipeline pipeline, SortedMap<AggregateCell, AggregateChange> changes)
            throws SQLException {
        changes.values().removeIf(AggregateChange::isEmpty);
        if (changes.isEmpty()) {
            return;
        }
        PipelineDefinition.Aggregate aggregate = pipeline.definition().aggregate();
        Map<String, String> columns = columns(pipeline);
        List<String> names = new ArrayList<>(columns.keySet()).subList(0, columns.size() - 2);
        String table = Sql.table(tableName(pipeline.name()));
        String sql = "insert into " + table + " as a (" + names.stream().map(Sql::quote).collect(Collectors
                .joining(", ")) + ", _updated_at, _restated_at) select " + names.stream()
                        .map(n -> "t." + Sql.quote(n)
                                + "::" + columns.get(n))
                        .collect(Collectors.joining(", "))
                + ", now(), case when t._restated::boolean then now() end from unnest(" + "?::text[], ".repeat(names
                        .size() + 1).replaceAll(", $", "")
                + ") as t(" + names.stream().map(Sql::quote).collect(
                        Collectors.joining(", "))
                + ", _restated) on conflict (" + key(aggregate) + ") do update set " + aggregate.measures().stream()
                        .map(m -> Sql.quote(m) + " = a." + Sql.quote(m) + " + excluded." + Sql.quote(m))
                        .collect(Collectors.joining(", ", "", ", "))
                + "_lines = a._lines + excluded._lines, _updated_at = excluded._updated_at, "
                + "_restated_at = coalesce(excluded._restated_at, a._restated_at)";
        List<Map.Entry<AggregateCell, AggregateChange>> cells = new ArrayList<>(changes.entrySet());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setArray(i++, Sql.texts(connection, cells, c -> c.getKey().bucket()));
            for (int d = 0; d < aggregate.dimensions().size(); d++) {
                int dimension = d;
                statement.setArray(i++, Sql.texts(connection, cells, c -> c.getKey().dimensions().get(dimension)));
            }
            for (int m = 0; m < aggregate.measures().size(); m++) {
                int measure = m;
                statement.setArray(i++, Sql.texts(connection, cells, c -> c.getValue().measures[measure]));
            }
            statement.setArray(i++, Sql.texts(connection, cells, c -> c.getValue().lines));
            statement.setArray(i, Sql.texts(connection, cells, c -> c.getValue().restated));
            statement.executeUpdate();
        }
    }

    private static Map<String, String> columns(CompiledPipeline pipeline) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("_bucket", TableColumns.typeName(pipeline.eventTimeType()));
        pipeline.definition().aggregate().dimensions().forEach(d -> columns.put(d, "text"));
        pipeline.definition().aggregate().measures().forEach(m -> columns.put(m, "numeric"));
        columns.put("_lines", "bigint");
        columns.put("_updated_at", "timestamp with time zone");
        columns.put("_restated_at", "timestamp with time zone");
        return columns;
    }

    private static String key(PipelineDefinition.Aggregate aggregate) {
        return "_bucket" + aggregate.dimensions().stream().map(d -> ", " + Sql.quote(d)).collect(Collectors.joining());
    }

    private static String notNull(String column) {
        return column.equals("_restated_at") ? "" : " not null";
    }

    private static String groupBy(int count) {
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            positions.add(Integer.toString(i));
        }
        return String.join(", ", positions);
    }
}
