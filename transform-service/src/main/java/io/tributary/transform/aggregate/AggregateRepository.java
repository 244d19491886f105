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
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.transform.curated.Sql;
import io.tributary.transform.curated.TableColumns;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.PipelineDefinition;

/**
 * A pipeline's aggregate {@code curated.<pipeline>_agg}, laid out as {@link AggregateLayout} says: sums of the
 * measures and a count of rows per event-time bucket and dimension values, moved by exactly the change each
 * transaction makes to the curated rows. Timestamps fall into 15-minute UTC buckets; dates keep their calendar day.
 */
@ApplicationScoped
public class AggregateRepository {

    private static final String BUCKET = Sql.quote(AggregateLayout.BUCKET);
    private static final String LINES = Sql.quote(AggregateLayout.LINES);
    private static final String UPDATED_AT = Sql.quote(AggregateLayout.UPDATED_AT);
    private static final String RESTATED_AT = Sql.quote(AggregateLayout.RESTATED_AT);

    private final AgroalDataSource dataSource;

    public AggregateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The layout of the pipeline's aggregate table; null when it declares no aggregate. */
    public static AggregateLayout layout(CompiledPipeline pipeline) {
        PipelineDefinition.Aggregate aggregate = pipeline.definition().aggregate();
        if (aggregate == null) {
            return null;
        }
        AggregateLayout.Bucket bucket = pipeline.eventTimeType() == FieldType.DATE
                ? AggregateLayout.Bucket.DATE
                : AggregateLayout.Bucket.TIMESTAMP;
        return new AggregateLayout(bucket, aggregate.dimensions(), aggregate.measures());
    }

    /**
     * Creates the aggregate, or rebuilds it from the curated rows when a new version gives it another shape. The
     * rebuild is a {@code create table ... as select}, whose select PostgreSQL runs on parallel workers (it never does
     * for an {@code insert}'s), each column cast to its type in {@link AggregateLayout#columns}; the primary key and
     * the columns' {@code not null} come after the rows, the key's index built by one sort instead of an entry per
     * row. The table is the one {@link AggregateLayout#tableDefinition} describes.
     */
    public void ensure(CompiledPipeline pipeline) throws SQLException {
        AggregateLayout layout = layout(pipeline);
        String name = CuratedTables.aggregate(pipeline.name());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Map<String, String> existing = TableColumns.of(connection, name);
            if (layout == null) {
                statement.execute("drop table if exists " + Sql.table(name));
                return;
            }
            Map<String, String> wanted = layout.columns();
            if (existing.equals(wanted)) {
                return;
            }
            statement.execute("drop table if exists " + Sql.table(name));
            String event = Sql.quote(pipeline.definition().eventTime());
            String bucket = layout.bucket() == AggregateLayout.Bucket.DATE
                    ? event
                    : "to_timestamp(floor(extract(epoch from " + event + ") / " + AggregateLayout.BUCKET_SECONDS
                            + ") * " + AggregateLayout.BUCKET_SECONDS + ")";
            Map<String, String> values = new LinkedHashMap<>();
            values.put(AggregateLayout.BUCKET, bucket);
            layout.dimensions().forEach(d -> values.put(d, "coalesce(" + Sql.quote(d) + "::text, '')"));
            layout.measures().forEach(m -> values.put(m, "coalesce(sum(" + Sql.quote(m) + "), 0)"));
            values.put(AggregateLayout.LINES, "count(*)");
            values.put(AggregateLayout.UPDATED_AT, "now()");
            values.put(AggregateLayout.RESTATED_AT, "null");
            statement.execute("create table " + Sql.table(name) + " (" + wanted.keySet().stream().map(Sql::quote)
                    .collect(Collectors.joining(", ")) + ") as select "
                    + wanted.entrySet().stream()
                            .map(c -> "(" + values.get(c.getKey()) + ")::" + c.getValue())
                            .collect(Collectors.joining(", "))
                    + " from " + Sql.table(pipeline.name()) + " where _status = 'curated' and " + event
                    + " is not null group by " + groupBy(layout.dimensions().size() + 1));
            statement.execute("alter table " + Sql.table(name) + " " + wanted.keySet().stream()
                    .filter(c -> !AggregateLayout.nullable(c)).map(c -> "alter " + Sql.quote(c) + " set not null")
                    .collect(Collectors.joining(", ")) + ", add primary key (" + key(layout) + ")");
        }
    }

    /** Applies the changes, cells in key order. */
    public void apply(CompiledPipeline pipeline, SortedMap<AggregateCell, AggregateChange> changes)
            throws SQLException {
        changes.values().removeIf(AggregateChange::isEmpty);
        if (changes.isEmpty()) {
            return;
        }
        AggregateLayout layout = layout(pipeline);
        Map<String, String> columns = layout.columns();
        List<String> names = new ArrayList<>(layout.key());
        names.addAll(layout.measures());
        names.add(AggregateLayout.LINES);
        String table = Sql.table(CuratedTables.aggregate(pipeline.name()));
        String sql = "insert into " + table + " as a (" + names.stream().map(Sql::quote).collect(Collectors
                .joining(", ")) + ", " + UPDATED_AT + ", " + RESTATED_AT + ") select " + names.stream()
                        .map(n -> "t." + Sql.quote(n) + "::" + columns.get(n))
                        .collect(Collectors.joining(", "))
                + ", now(), case when t._restated::boolean then now() end from unnest(" + "?::text[], ".repeat(names
                        .size() + 1).replaceAll(", $", "")
                + ") as t(" + names.stream().map(Sql::quote).collect(Collectors.joining(", "))
                + ", _restated) on conflict (" + key(layout) + ") do update set " + layout.measures().stream()
                        .map(m -> Sql.quote(m) + " = a." + Sql.quote(m) + " + excluded." + Sql.quote(m))
                        .collect(Collectors.joining(", ", "", ", "))
                + LINES + " = a." + LINES + " + excluded." + LINES + ", " + UPDATED_AT + " = excluded." + UPDATED_AT
                + ", " + RESTATED_AT + " = coalesce(excluded." + RESTATED_AT + ", a." + RESTATED_AT + ")";
        List<Map.Entry<AggregateCell, AggregateChange>> cells = new ArrayList<>(changes.entrySet());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setArray(i++, Sql.texts(connection, cells, c -> c.getKey().bucket()));
            for (int d = 0; d < layout.dimensions().size(); d++) {
                int dimension = d;
                statement.setArray(i++, Sql.texts(connection, cells, c -> c.getKey().dimensions().get(dimension)));
            }
            for (int m = 0; m < layout.measures().size(); m++) {
                int measure = m;
                statement.setArray(i++, Sql.texts(connection, cells, c -> c.getValue().measures[measure]));
            }
            statement.setArray(i++, Sql.texts(connection, cells, c -> c.getValue().lines));
            statement.setArray(i, Sql.texts(connection, cells, c -> c.getValue().restated));
            statement.executeUpdate();
        }
    }

    private static String key(AggregateLayout layout) {
        return layout.key().stream().map(Sql::quote).collect(Collectors.joining(", "));
    }

    private static String groupBy(int count) {
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            positions.add(Integer.toString(i));
        }
        return String.join(", ", positions);
    }
}
