package io.tributary.serving.service;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.serving.cache.AnswerCache;
import io.tributary.serving.config.AnswerCacheConfig;
import io.tributary.serving.live.AggregateChanges;
import io.tributary.serving.mapping.MetricsMapper;
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
 * <p>
 * Each answer is kept with its JSON, written once, which {@link #json} gives as it is (decision 0055). A JSON request
 * that gives {@code maxStaleness} may be given the previous answer to its question, if within that bound, while the
 * answer after a commit is computed in the background; every other request (no bound, a live stream) waits for the
 * answer after the commit, as the plain path would give it.
 */
@ApplicationScoped
public class MetricsAnswers {

    private final MetricsService reference;
    private final AggregateChanges changes;
    private final Masks masks;
    private final AnswerCacheConfig config;
    private final ObjectMapper json;
    private final AnswerCache<Question, Kept> cache;
    private final ThreadPoolExecutor background;
    private final Runnable unsubscribe;
    private final Counter hits;
    private final Counter misses;
    private final Counter shared;
    private final Counter bypassed;
    private final Counter older;

    public MetricsAnswers(MetricsService reference, AggregateChanges changes, Masks masks, AnswerCacheConfig config,
            ObjectMapper json, MeterRegistry meters) {
        this.reference = reference;
        this.changes = changes;
        this.masks = masks;
        this.config = config;
        this.json = json;
        // a few threads compute the answers after commits that requests did not wait for; when all are busy and
        // their queue is full, the request computes its answer itself
        this.background = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(64), task -> {
            Thread thread = new Thread(task, "metrics-answers");
            thread.setDaemon(true);
            return thread;
        });
        this.background.allowCoreThreadTimeOut(true);
        this.cache = new AnswerCache<>(config.maxEntries(), config.maxMemory().asLongValue(), Kept::bytes,
                pipeline -> changes.version(CuratedTables.freshnessKey(pipeline)), pipeline -> changes.generation(),
                background);
        // Answers of another meaning are dropped as soon as the change is heard, rather than when pushed out. After a
        // commit, the last answer to each question stays as its previous answer while older answers may be given;
        // otherwise it is dropped at once too.
        this.unsubscribe = changes.subscribe(table -> {
            if (AggregateChanges.ANY_TABLE.equals(table)) {
                cache.invalidateAll();
            } else if (table.endsWith(CuratedTables.AGGREGATE_SUFFIX) && !config.olderAnswers()) {
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
        this.older = Counter.builder(name).tag("outcome", "older")
                .description("metrics answers given as the previous answer, within the request's maxStaleness, "
                        + "while the answer after a commit was computed")
                .register(meters);
        Gauge.builder("tributary.serving.answer.cache.entries", cache, AnswerCache::size)
                .description("metrics answers kept or being computed").register(meters);
        Gauge.builder("tributary.serving.answer.cache.bytes", cache, AnswerCache::bytes)
                .description("estimated memory of the metrics answers kept").register(meters);
    }

    @PreDestroy
    void close() {
        unsubscribe.run();
        background.shutdown();
    }

    /**
     * As {@link MetricsService#metrics(String, MetricsParameters, boolean)}: the same answer, from the cache when it
     * can; never the previous answer (a live stream asks through {@link #forStream}).
     */
    public Metrics metrics(String pipeline, MetricsParameters parameters, boolean seesPersonalData) {
        Bound bound = bound(parameters);
        if (bound == null) {
            return reference.metrics(pipeline, parameters, seesPersonalData);
        }
        Metrics metrics = kept(pipeline, parameters, seesPersonalData, bound.maxStaleness(), false).metrics();
        MetricsQuery query = metrics.query();
        return new Metrics(metrics.table(), new MetricsQuery(query.groupBy(), query.grain(), query.from(), query.to(),
                query.timeZone(), bound.maxStaleness()), metrics.currentAsOf(), metrics.rows());
    }

    /**
     * The JSON of {@link MetricsService#metrics(String, MetricsParameters)}'s answer, as the API writes it: the bytes
     * kept with the answer when it is kept, or the previous answer's within {@code maxStaleness} while the answer
     * after a commit is computed.
     */
    public byte[] json(String pipeline, MetricsParameters parameters) {
        return json(pipeline, parameters, masks.callerSeesPersonalData());
    }

    /** As {@link #json(String, MetricsParameters)}, for someone who sees personal data or not. */
    public byte[] json(String pipeline, MetricsParameters parameters, boolean seesPersonalData) {
        Bound bound = bound(parameters);
        if (bound == null) {
            return write(reference.metrics(pipeline, parameters, seesPersonalData));
        }
        return kept(pipeline, parameters, seesPersonalData, bound.maxStaleness(), config.olderAnswers()).json();
    }

    /**
     * A live stream's answer (decision 0059): the answer {@link #metrics} gives without a bound, never refused for the
     * data's age (each answer says how current it is, and the client judges that as time passes). When
     * {@code olderWithin} is given, the question's previous answer within it may be given while the answer after a
     * commit is computed, as for a JSON request with that bound; {@link StreamAnswer#previous()} then says so, and the
     * stream asks again for the answer after the commit.
     *
     * @param parameters the query; its maxStaleness is not read
     * @param olderWithin how old a previous answer may be, or null to wait for the answer after a commit
     */
    public StreamAnswer forStream(String pipeline, MetricsParameters parameters, boolean seesPersonalData,
            Duration olderWithin) {
        MetricsParameters unbounded = new MetricsParameters(parameters.groupBy(), parameters.from(), parameters.to(),
                parameters.grain(), parameters.tz(), null);
        if (bound(unbounded) == null) {
            return new StreamAnswer(reference.metrics(pipeline, unbounded, seesPersonalData), false);
        }
        AnswerCache.Answer<Kept> answer = answer(pipeline, unbounded, seesPersonalData, olderWithin,
                olderWithin != null && config.olderAnswers(), Instant.now());
        return new StreamAnswer(answer.value().metrics(), answer.outcome() == AnswerCache.Outcome.OLDER);
    }

    /**
     * An answer for a live stream.
     *
     * @param previous whether it is the question's previous answer, given while the answer after a commit is computed
     */
    public record StreamAnswer(Metrics metrics, boolean previous) {
    }

    /** A request's maxStaleness, which may be absent (null). */
    private record Bound(Duration maxStaleness) {
    }

    /**
     * The request's bound when the cache may answer it; null when the cache is off, commits are not heard, or the
     * bound is not valid: then the plain path answers, and names a bad bound with any other bad parameter.
     */
    private Bound bound(MetricsParameters parameters) {
        List<String> problems = new ArrayList<>();
        Duration maxStaleness = Staleness.parse(parameters.maxStaleness(), problems);
        if (!config.enabled() || !changes.listening() || !problems.isEmpty()) {
            bypassed.increment();
            return null;
        }
        return new Bound(maxStaleness);
    }

    private Kept kept(String pipeline, MetricsParameters parameters, boolean seesPersonalData, Duration maxStaleness,
            boolean olderAccepted) {
        MetricsParameters unbounded = new MetricsParameters(parameters.groupBy(), parameters.from(), parameters.to(),
                parameters.grain(), parameters.tz(), null);
        Instant now = Instant.now();
        Kept kept = answer(pipeline, unbounded, seesPersonalData, maxStaleness, olderAccepted, now).value();
        Staleness.require(pipeline, maxStaleness, kept.metrics().currentAsOf(), now);
        return kept;
    }

    /** The question's answer from the cache, counted by outcome; the previous one only if accepted and within the bound. */
    private AnswerCache.Answer<Kept> answer(String pipeline, MetricsParameters unbounded, boolean seesPersonalData,
            Duration maxStaleness, boolean olderAccepted, Instant now) {
        AnswerCache.Answer<Kept> answer = cache.get(pipeline, Question.of(unbounded, seesPersonalData),
                () -> {
                    Metrics metrics = reference.metrics(pipeline, unbounded, seesPersonalData);
                    return new Kept(metrics, write(metrics));
                },
                previous -> olderAccepted && Staleness.within(maxStaleness, previous.metrics().currentAsOf(), now));
        switch (answer.outcome()) {
            case HIT -> hits.increment();
            case MISS -> misses.increment();
            case SHARED -> shared.increment();
            case OLDER -> older.increment();
        }
        return answer;
    }

    private byte[] write(Metrics metrics) {
        try {
            return json.writeValueAsBytes(MetricsMapper.toResponse(metrics));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer kept, with its JSON as the API writes it. */
    record Kept(Metrics metrics, byte[] json) {

        long bytes() {
            return MetricsAnswers.bytes(metrics) + json.length;
        }
    }

    /** The answers kept, for tests and operators. */
    AnswerCache<Question, Kept> cache() {
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
