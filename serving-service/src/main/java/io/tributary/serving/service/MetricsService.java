package io.tributary.serving.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.masking.PersonalColumns;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.repository.FreshnessRepository;
import io.tributary.serving.config.MetricsConfig;
import io.tributary.serving.masking.Masks;
import io.tributary.serving.repository.AggregateRepository;
import io.tributary.serving.repository.AggregateRow;
import io.tributary.serving.repository.AggregateTable;

@ApplicationScoped
@Transactional
public class MetricsService {

    private final AggregateRepository aggregates;
    private final FreshnessRepository freshness;
    private final MetricsConfig config;
    private final Masks masks;
    private volatile Set<String> timeZones;

    public MetricsService(AggregateRepository aggregates, FreshnessRepository freshness, MetricsConfig config,
            Masks masks) {
        this.aggregates = aggregates;
        this.freshness = freshness;
        this.config = config;
        this.masks = masks;
    }

    /**
     * A pipeline's aggregate summed as the parameters ask.
     *
     * @throws ProblemException 404 when the pipeline has no aggregate table, 400 naming each parameter it cannot
     *         answer, 503 when the data is older than the query allows
     */
    public Metrics metrics(String pipeline, MetricsParameters parameters) {
        return metrics(pipeline, parameters, masks.callerSeesPersonalData());
    }

    /**
     * As {@link #metrics(String, MetricsParameters)}, for someone who sees personal data or not: for answers sent
     * after the request that asked for them.
     */
    public Metrics metrics(String pipeline, MetricsParameters parameters, boolean seesPersonalData) {
        MetricsExport checked = export(pipeline, parameters, seesPersonalData);
        MetricsQuery query = checked.query();
        int limit = config.maxRows();
        List<AggregateRow> rows = aggregates.sums(checked.table(), query.groupBy(), period(query.grain()),
                query.from(), query.to(), query.timeZone(), limit + 1);
        if (rows.size() > limit) {
            throw MetricsQuery.invalid(List.of("query parameters 'from', 'to', 'grain' and 'groupBy': the "
                    + "answer would have more than " + limit + " rows; narrow the range, use a coarser grain or "
                    + "group by fewer dimensions"));
        }
        return new Metrics(checked.table(), query, checked.currentAsOf(),
                rows.stream().map(row -> masked(row, query.groupBy(), checked.hidden())).toList());
    }

    /** The row with the values of the dimensions the caller may not see masked. */
    public static AggregateRow masked(AggregateRow row, List<String> groupBy, PersonalColumns hidden) {
        if (hidden.isEmpty()) {
            return row;
        }
        List<String> dimensions = new ArrayList<>(row.dimensions());
        for (int i = 0; i < groupBy.size(); i++) {
            dimensions.set(i, hidden.mask(groupBy.get(i), dimensions.get(i)));
        }
        return new AggregateRow(row.period(), dimensions, row.measures(), row.lines(), row.restatedAt());
    }

    /**
     * Checks a query whose answer is to be streamed, of any size, by {@link MetricsExportService}: the same checks as
     * {@link #metrics}, without its ceiling on rows.
     *
     * @throws ProblemException 404 when the pipeline has no aggregate table, 400 naming each parameter it cannot
     *         answer, 503 when the data is older than the query allows
     */
    public MetricsExport export(String pipeline, MetricsParameters parameters) {
        return export(pipeline, parameters, masks.callerSeesPersonalData());
    }

    private MetricsExport export(String pipeline, MetricsParameters parameters, boolean seesPersonalData) {
        AggregateTable table = aggregates.find(pipeline).orElseThrow(() -> unknown(pipeline));
        MetricsQuery query = MetricsQuery.parse(parameters, table.dimensions(), timeZones());
        // Read before the rows: the rows are then at least as current as the watermark claims.
        Instant currentAsOf = freshness.findByTable(CuratedTables.freshnessKey(pipeline))
                .map(watermark -> watermark.currentAsOf)
                .orElse(null);
        Staleness.require(pipeline, query.maxStaleness(), currentAsOf, Instant.now());
        return new MetricsExport(table, query, currentAsOf, masks.forAudience(pipeline, seesPersonalData));
    }

    private ProblemException unknown(String pipeline) {
        String available = "pipelines with an aggregate: " + aggregates.pipelinesWithAggregate();
        if (aggregates.isDeclared(pipeline)) {
            return new ProblemException(Response.Status.NOT_FOUND, "pipeline '" + pipeline + "' has no aggregate",
                    List.of("path parameter 'pipeline': '" + pipeline + "' declares no aggregate, or the transform "
                            + "service has not created " + CuratedTables.qualified(CuratedTables.aggregate(pipeline))
                            + " yet; " + available));
        }
        return new ProblemException(Response.Status.NOT_FOUND, "unknown pipeline '" + pipeline + "'",
                List.of("path parameter 'pipeline': no pipeline is named '" + pipeline + "'; " + available));
    }

    /** Names both PostgreSQL, which places the buckets in days, and Java's IANA database know. */
    private Set<String> timeZones() {
        Set<String> known = timeZones;
        if (known == null) {
            Set<String> java = ZoneId.getAvailableZoneIds();
            known = aggregates.timeZoneNames().stream().filter(java::contains).collect(Collectors.toUnmodifiableSet());
            timeZones = known;
        }
        return known;
    }

    static AggregateRepository.Period period(Grain grain) {
        return switch (grain) {
            case TOTAL -> AggregateRepository.Period.NONE;
            case DAY -> AggregateRepository.Period.DAY;
            case MONTH -> AggregateRepository.Period.MONTH;
        };
    }
}
