package io.tributary.transform.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.transform.aggregate.AggregateCell;
import io.tributary.transform.aggregate.AggregateChange;
import io.tributary.transform.curated.CuratedRow;
import io.tributary.transform.curated.Sql;
import io.tributary.transform.features.FeatureChanges;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.PipelineDefinition;

/**
 * What a set of row changes does to a pipeline's aggregate (the difference per cell) and to its recommender's
 * features ({@link FeatureChanges}).
 */
final class Changes {

    private static final long BUCKET = AggregateLayout.BUCKET_SECONDS;

    final SortedMap<AggregateCell, AggregateChange> cells = new TreeMap<>();
    /** Null when the pipeline declares no features. */
    final FeatureChanges features;
    private final CompiledPipeline pipeline;

    Changes(CompiledPipeline pipeline) {
        this.pipeline = pipeline;
        this.features = pipeline.definition().features() == null ? null : new FeatureChanges(pipeline);
    }

    void remove(CuratedRow row) {
        move(row, -1, false);
    }

    void add(CuratedRow row, boolean late) {
        move(row, 1, late);
    }

    private void move(CuratedRow row, int sign, boolean late) {
        PipelineDefinition.Aggregate aggregate = pipeline.definition().aggregate();
        Map<String, Object> values = row.values();
        if (aggregate != null && values.get(pipeline.definition().eventTime()) != null) {
            List<String> dimensions = new ArrayList<>();
            aggregate.dimensions().forEach(d -> dimensions.add(values.get(d) == null ? "" : Sql.text(values.get(d))));
            AggregateCell cell = new AggregateCell(bucket(values.get(pipeline.definition().eventTime())), dimensions);
            BigDecimal[] measures = aggregate.measures().stream()
                    .map(m -> (BigDecimal) FieldType.DECIMAL.coerce(values.get(m))).toArray(BigDecimal[]::new);
            AggregateChange change = cells.computeIfAbsent(cell, c -> new AggregateChange(measures.length));
            change.add(sign, measures);
            if (late) {
                change.markRestated();
            }
        }
        if (features != null) {
            features.move(row, sign);
        }
    }

    /** The event time as an instant: a date counts from its start, in UTC. */
    static Instant eventInstant(CompiledPipeline pipeline, CuratedRow row) {
        Object time = pipeline.definition().eventTime() == null
                ? null
                : row.values().get(pipeline.definition().eventTime());
        return time instanceof LocalDate date ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : (Instant) time;
    }

    private static String bucket(Object time) {
        if (time instanceof LocalDate date) {
            return date.toString();
        }
        long seconds = ((Instant) time).getEpochSecond();
        return Instant.ofEpochSecond(Math.floorDiv(seconds, BUCKET) * BUCKET).toString();
    }
}
