package io.tributary.serving.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tributary.catalog.repository.FreshnessRepository;
import io.tributary.serving.repository.SalesAggregate;
import io.tributary.serving.repository.SalesAggregateRepository;

@ApplicationScoped
@Transactional
public class SalesMetricsService {

    private final SalesAggregateRepository aggregates;
    private final FreshnessRepository freshness;

    public SalesMetricsService(SalesAggregateRepository aggregates, FreshnessRepository freshness) {
        this.aggregates = aggregates;
        this.freshness = freshness;
    }

    /** Sales grouped as the query asks; throws {@link InvalidQueryException} for parameters it cannot answer. */
    public SalesMetrics sales(String groupBy, String from, String to, String grain) {
        SalesQuery query = SalesQuery.parse(groupBy, from, to, grain);
        // Read before the rows: the rows are then at least as current as the watermark claims.
        Instant currentAsOf = freshness.findByTable(SalesAggregateRepository.TABLE)
                .map(watermark -> watermark.currentAsOf)
                .orElse(null);
        List<SalesAggregate> rows = query.grain() == Grain.DAY
                ? aggregates.byRegionAndDay(query.from(), query.to())
                : aggregates.totalsByRegion(query.from(), query.to());
        return new SalesMetrics(query, currentAsOf, rows);
    }
}
