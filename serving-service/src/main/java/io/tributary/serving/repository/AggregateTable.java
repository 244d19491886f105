package io.tributary.serving.repository;

import java.util.List;

/**
 * The shape of a pipeline's aggregate {@code curated.<pipeline>_agg}, as PostgreSQL describes it now.
 *
 * @param table the table's name in the {@code curated} schema
 * @param bucket what {@code _bucket} holds
 * @param dimensions the text columns, in table order: the values rows can be grouped by
 * @param measures the numeric columns, in table order: the sums
 */
public record AggregateTable(String pipeline, String table, Bucket bucket, List<String> dimensions,
        List<String> measures) {

    public AggregateTable {
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
    }

    public enum Bucket {
        /** A calendar day, the same in every time zone. */
        DATE,
        /** The start of a 15-minute UTC interval, placed in a day by the time zone asked for. */
        TIMESTAMP
    }
}
