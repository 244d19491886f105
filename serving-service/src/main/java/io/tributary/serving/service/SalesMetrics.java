package io.tributary.serving.service;

import java.time.Instant;
import java.util.List;

import io.tributary.serving.repository.SalesAggregate;

/**
 * The answer to a {@link SalesQuery}.
 *
 * @param currentAsOf the aggregate's freshness watermark, or null when it has none
 */
public record SalesMetrics(SalesQuery query, Instant currentAsOf, List<SalesAggregate> rows) {
}
