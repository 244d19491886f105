package io.tributary.catalog.curated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The columns of a pipeline's aggregate {@code curated.<pipeline>_agg}: a row per event-time bucket and values of the
 * dimensions, with the sums of the measures and Tributary's bookkeeping. The transform service creates the table from
 * it and stores it with the pipeline version; the serving service reads it from there (decision 0015).
 *
 * @param bucket what {@code _bucket} holds
 * @param dimensions the text columns rows are grouped by, in table order
 * @param measures the numeric columns summed, in table order
 */
public record AggregateLayout(Bucket bucket, List<String> dimensions, List<String> measures) {

    /** The event-time bucket, first column of the key. */
    public static final String BUCKET = "_bucket";
    /** How many curated rows the cell sums. */
    public static final String LINES = "_lines";
    /** When a transaction last moved the cell. */
    public static final String UPDATED_AT = "_updated_at";
    /** When a late record last moved the cell; null if none did. */
    public static final String RESTATED_AT = "_restated_at";
    /**
     * The width of a timestamp bucket: 15 minutes of UTC, which add up to whole local days in every time zone in use
     * (offsets are whole quarter hours).
     */
    public static final long BUCKET_SECONDS = 900;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a bucket is, by the type of the pipeline's event time. */
    public enum Bucket {
        /** A calendar day, the same in every time zone. */
        DATE("date"),
        /** The start of a 15-minute UTC interval, placed in a day by the time zone asked for. */
        TIMESTAMP("timestamp with time zone");

        private final String sqlType;

        Bucket(String sqlType) {
            this.sqlType = sqlType;
        }

        /** The column type, as PostgreSQL's information schema names it. */
        public String sqlType() {
            return sqlType;
        }
    }

    public AggregateLayout {
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
    }

    /** Every column and its type as PostgreSQL's information schema names it, in table order. */
    public Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(BUCKET, bucket.sqlType());
        dimensions.forEach(d -> columns.put(d, "text"));
        measures.forEach(m -> columns.put(m, "numeric"));
        columns.put(LINES, "bigint");
        columns.put(UPDATED_AT, "timestamp with time zone");
        columns.put(RESTATED_AT, "timestamp with time zone");
        return columns;
    }

    /** The primary key: the bucket, then the dimensions. */
    public List<String> key() {
        List<String> key = new ArrayList<>(List.of(BUCKET));
        key.addAll(dimensions);
        return key;
    }

    /** Whether a column may be null: only {@link #RESTATED_AT}. */
    public static boolean nullable(String column) {
        return column.equals(RESTATED_AT);
    }

    /** What {@code create table <name> (...)} takes between its parentheses: the columns, then the primary key. */
    public String tableDefinition() {
        return columns().entrySet().stream()
                .map(c -> quote(c.getKey()) + " " + c.getValue() + (nullable(c.getKey()) ? "" : " not null"))
                .collect(Collectors.joining(", ")) + ", primary key ("
                + key().stream().map(AggregateLayout::quote).collect(Collectors.joining(", ")) + ")";
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The layout as stored in {@code catalog.pipeline_version.aggregate_layout}. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an aggregate layout cannot be written as JSON", e);
        }
    }

    /** Reads a layout as {@link #toJson} wrote it. */
    public static AggregateLayout fromJson(String json) {
        try {
            return JSON.readValue(json, AggregateLayout.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an aggregate layout: " + json, e);
        }
    }
}
