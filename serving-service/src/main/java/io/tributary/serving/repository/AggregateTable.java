package io.tributary.serving.repository;

import java.util.List;

import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.curated.CuratedTables;

/**
 * A pipeline's aggregate {@code curated.<pipeline>_agg}, laid out as its current version stored it.
 *
 * @param layout what the bucket holds, and the dimensions and measures in table order
 */
public record AggregateTable(String pipeline, AggregateLayout layout) {

    /** The table's name in the {@code curated} schema. */
    public String table() {
        return CuratedTables.aggregate(pipeline);
    }

    /** The values rows can be grouped by. */
    public List<String> dimensions() {
        return layout.dimensions();
    }

    /** The sums. */
    public List<String> measures() {
        return layout.measures();
    }

    public AggregateLayout.Bucket bucket() {
        return layout.bucket();
    }
}
