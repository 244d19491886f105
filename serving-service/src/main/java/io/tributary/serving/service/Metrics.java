package io.tributary.serving.service;

import java.time.Instant;
import java.util.List;

import io.tributary.serving.repository.AggregateRow;
import io.tributary.serving.repository.AggregateTable;

/**
 * The answer to a {@link MetricsQuery} on one aggregate.
 *
 * @param currentAsOf the aggregate's freshness watermark, or null when it has none
 */
public record Metrics(AggregateTable table, MetricsQuery query, Instant currentAsOf, List<AggregateRow> rows) {
}
