package io.tributary.serving.mapping;

import io.tributary.serving.api.SalesMetricsResponse;
import io.tributary.serving.api.SalesRow;
import io.tributary.serving.repository.SalesAggregate;
import io.tributary.serving.service.SalesMetrics;

public final class SalesMetricsMapper {

    public static final String METRIC = "sales";

    private SalesMetricsMapper() {
    }

    public static SalesMetricsResponse toResponse(SalesMetrics metrics) {
        return new SalesMetricsResponse(METRIC,
                metrics.query().groupBy().parameterValue(),
                metrics.query().grain().parameterValue(),
                metrics.query().from(),
                metrics.query().to(),
                metrics.currentAsOf(),
                metrics.rows().stream().map(SalesMetricsMapper::toRow).toList());
    }

    private static SalesRow toRow(SalesAggregate aggregate) {
        return new SalesRow(aggregate.region(), aggregate.day(), aggregate.sales(), aggregate.lines());
    }
}
