package io.tributary.transform.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * A pipeline as declared: which dataset it reads, the steps each record goes through, and what it maintains.
 *
 * @param kind a {@code REFERENCE} pipeline keeps the latest row per key for other pipelines' lookups
 * @param key the fields that identify a record; empty means its identity from ingestion (source and business key)
 * @param eventTime the date or timestamp field that places a record in time, for aggregates and lateness
 * @param lateness how far behind the newest event time a record may be before it counts as late
 * @param aggregate sums kept per time bucket and dimension values; null for none
 * @param features the recommender's purchase histories and co-purchase counts; null for none
 */
public record PipelineDefinition(
        String name,
        String dataset,
        Kind kind,
        List<String> key,
        String eventTime,
        Duration lateness,
        List<Step> steps,
        Aggregate aggregate,
        Features features) {

    public enum Kind {
        FACT,
        REFERENCE
    }

    /** Sums of {@code measures}, and a count of rows, per event-time bucket and values of {@code dimensions}. */
    public record Aggregate(List<String> dimensions, List<String> measures) {
    }

    /** The fields that say who bought what in which order, and how many. */
    public record Features(String customer, String order, String product, String quantity) {
    }
}
