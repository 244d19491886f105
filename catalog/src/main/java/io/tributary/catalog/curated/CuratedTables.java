package io.tributary.catalog.curated;

import java.util.List;

/**
 * Where a pipeline's tables are: all in the {@code curated} schema, named after the pipeline. The transform service
 * writes them, the serving service reads them; both take the names from here (decision 0015).
 */
public final class CuratedTables {

    /** The schema of every table the pipelines write. */
    public static final String SCHEMA = "curated";
    /** What a pipeline's name takes to name its aggregate. */
    public static final String AGGREGATE_SUFFIX = "_agg";

    private CuratedTables() {
    }

    /** One row per record key: {@code <pipeline>}. */
    public static String curated(String pipeline) {
        return pipeline;
    }

    /** The sums per event-time bucket and dimension values ({@link AggregateLayout}): {@code <pipeline>_agg}. */
    public static String aggregate(String pipeline) {
        return pipeline + AGGREGATE_SUFFIX;
    }

    /** What each customer bought, per product: {@code <pipeline>_customer_products}. */
    public static String customerProducts(String pipeline) {
        return pipeline + "_customer_products";
    }

    /** How many orders held each pair of products: {@code <pipeline>_co_purchases}. */
    public static String coPurchases(String pipeline) {
        return pipeline + "_co_purchases";
    }

    /**
     * Every table name the pipeline may create, alter or drop, whether its current version declares the table or not:
     * the names it claims when first declared (decision 0036).
     */
    public static List<String> all(String pipeline) {
        return List.of(curated(pipeline), aggregate(pipeline), customerProducts(pipeline), coPurchases(pipeline));
    }

    /**
     * The key of the pipeline's watermark in {@code catalog.freshness_watermark}: when ingestion accepted the newest
     * record the pipeline applied, which is how current its aggregate is.
     */
    public static String freshnessKey(String pipeline) {
        return aggregate(pipeline);
    }

    /** {@code curated.<table>}, as lineage and the pipelines' API name a table. */
    public static String qualified(String table) {
        return SCHEMA + "." + table;
    }
}
