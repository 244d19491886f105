package io.tributary.serving.service;

import java.time.Instant;

import io.tributary.catalog.masking.PersonalColumns;
import io.tributary.serving.repository.AggregateTable;

/**
 * A checked query on one aggregate whose rows are still to be read.
 *
 * @param currentAsOf the aggregate's freshness watermark, read before the rows, or null when it has none
 * @param hidden the dimensions whose values are masked for the caller
 */
public record MetricsExport(AggregateTable table, MetricsQuery query, Instant currentAsOf, PersonalColumns hidden) {
}
