package io.tributary.serving.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.serving.cache.AnswerCache;
import io.tributary.serving.config.AnswerCacheConfig;
import io.tributary.serving.live.AggregateChanges;
import io.tributary.serving.masking.Masks;
import io.tributary.serving.repository.AggregateRow;

/**
 * Metrics answers kept until their aggregate's next commit (decision 0052), beside the plain path that reads
 * PostgreSQL for every request ({@link MetricsService}, which this gives the same answers as).
 * <p>
 * An answer is kept per pipeline, question and audience (whether the caller sees personal data: a masked caller is
 * never given an answer computed for one who is not) under the version {@link AggregateChanges} gives the pipeline's
 * aggregate, which moves when a commit to it is heard, when a pipeline version or contract changes, and when the
 * listening connection is lost or established again. While serving is not listening, nothing is kept or given from the
 * cache. How current the answer is ({@code currentAsOf}, read with the rows) is kept with it; whether it is current
 * enough for the request ({@code maxStaleness}) is judged per request, against the clock.
 */
@ApplicationScoped
public class MetricsAnswers {

    private final MetricsService reference;
    private final AggregateChanges changes;
    private final Masks masks;
    private final AnswerCacheConfig config;
    private final AnswerCache<Question, Metrics> cache;
    private final Runnable unsubscribe;
    private final Counter hits;
    private final Counter misses;
    private final Counter shared;
    private final Counter bypassed;

    public MetricsAnswers(MetricsService reference, AggregateChanges changes, Masks masks, AnswerCacheConfig config,
            MeterRegistry meters) {
        this.reference = reference;
        this.changes = changes;
        this.masks = masks;
        this.config = config;
        this.cache = new AnswerCache<>(config.maxEntries(), config.maxMemory().asLongValue(), MetricsAnswers::bytes,
                pipeline -> changes.version(CuratedTables.freshnessKey(pipeline)));
        // Answers no longer given are dropped as soon as their change is heard, rather than when pushed out.
        this.unsubscribe = changes.subscribe(table -> {
            if (AggregateChanges.ANY_TABLE.equals(table)) {
                cache.invalidateAll();
            } else if (table.endsWith(CuratedTables.AGGREGATE_SUFFIX)) {
                cache.invalidate(table.substring(0, table.length() - CuratedTables.AGGREGATE_SUFFIX.length()));
            }
        });
        String name = "tributary.serving.answer.cache";
        this.hits = Counter.builder(name).tag("outcome", "hit").description("metrics answers given from the cache")
                .register(meters);
        this.misses = Counter.builder(name).tag("outcome", "miss")
                .description("metrics answers computed and offered to the cache").register(meters);
        this.shared = Counter.builder(name).tag("outcome", "shared")
                .description("metrics answers that waited for the same answer another request was computing")
                .register(meters);
        this.bypassed = Counter.builder(name).tag("outcome", "bypassed")
                .description("metrics answers computed without the cache: it is off, or serving is not listening "
                        + "for commits, or the request is not valid")
                .register(meters);
        Gauge.builder("tributary.serving.answer.cache.entries", cache, AnswerCache::size)
                .description("metrics answers kept or being computed").register(meters);
        Gauge.builder("tributary.serving.answer.cache.bytes", cache, AnswerCache::bytes)
                .description("estimated memory of the metrics answers kept").register(meters);
    }

    @PreDestroy
    void close() {
        unsubscribe.run();
    }

    /** As {@link MetricsService#metrics(String, MetricsParameters)}: the same answer, from the cache when it can. */
    public Metrics metrics(String pipeline, MetricsParameters parameters) {
        return metrics(pipeline, parameters, masks.callerSeesPersonalData());
    }

    /**
     * As {@link MetricsService#metrics(String, MetricsParameters, boolean)}: the same answer, from the cache when it
     * can.
     */
    public Metrics metrics(String pipeline, MetricsParameters parameters, boolean seesPersonalData) {
        List<String> problems = new ArrayList<>();
        Duration maxStaleness = Staleness.parse(parameters.maxStaleness(), problems);
        if (!config.enabled() || !changes.listening() || !problems.isEmpty()) {
            // the plain path, which also reports a bad bound together with any other bad parameter
            bypassed.increment();
            return reference.metrics(pipeline, parameters, seesPersonalData);
        }
        MetricsParameters unbounded = new MetricsParameters(parameters.groupBy(), parameters.from(), parameters.to(),
                parameters.grain(), parameters.tz(), null);
        AnswerCache.Answer<Metrics> answer = cache.get(pipeline, Question.of(unbounded, seesPersonalData),
                () -> reference.metrics(pipeline, unbounded, seesPersonalData));
        switch (answer.outcome()) {
            case HIT -> hits.increment();
            case MISS -> misses.increment();
            case SHARED -> shared.increment();
        }
        Metrics metrics = answer.value();
        Staleness.require(pipeline, maxStaleness, metrics.currentAsOf(), Instant.now());
        MetricsQuery query = metrics.query();
        return new Metrics(metrics.table(), new MetricsQuery(query.groupBy(), query.grain(), query.from(), query.to(),
                query.timeZone(), maxStaleness), metrics.currentAsOf(), metrics.rows());
    }

    /** The answers kept, for tests and operators. */
    AnswerCache<Question, Metrics> cache() {
        return cache;
    }

    /**
     * A metrics question as asked, normalised without reading the aggregate's layout: the names grouped by without the
     * spaces around them, the default grain and time zone for absent ones. Two equal questions have the same answer
     * under the same version of the pipeline; a question the plain path refuses is never kept.
     */
    record Question(List<String> groupBy, String from, String to, String grain, String timeZone,
            boolean seesPersonalData) {

        static Question of(MetricsParameters parameters, boolean seesPersonalData) {
            List<String> groupBy = new ArrayList<>();
            if (parameters.groupBy() != null && !parameters.groupBy().isBlank()) {
                for (String name : parameters.groupBy().split(",", -1)) {
                    groupBy.add(name.strip());
                }
            }
            return new Question(List.copyOf(groupBy), parameters.from(), parameters.to(),
                    parameters.grain() == null ? Grain.TOTAL.parameterValue() : parameters.grain(),
                    parameters.tz() == null ? MetricsQuery.DEFAULT_TIME_ZONE : parameters.tz(), seesPersonalData);
        }
    }

    /** A rough estimate of an answer's memory: its rows' objects and texts. */
    static long bytes(Metrics metrics) {
        long total = 512;
        for (AggregateRow row : metrics.rows()) {
            total += 96 + 32L * row.measures().size();
            for (String value : row.dimensions()) {
                total += 48 + (value == null ? 0 : 2L * value.length());
            }
        }
        return total;
    }
}
