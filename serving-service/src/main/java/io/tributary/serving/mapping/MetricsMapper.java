package io.tributary.serving.mapping;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.serving.api.MetricsResponse;
import io.tributary.serving.api.MetricsRow;
import io.tributary.serving.repository.AggregateRow;
import io.tributary.serving.repository.AggregateTable;
import io.tributary.serving.service.Grain;
import io.tributary.serving.service.Metrics;

public final class MetricsMapper {

    public static final String CALENDAR_DATE = "calendar date";

    private MetricsMapper() {
    }

    public static MetricsResponse toResponse(Metrics metrics) {
        AggregateTable table = metrics.table();
        List<String> groupBy = metrics.query().groupBy();
        Grain grain = metrics.query().grain();
        return new MetricsResponse(table.pipeline(),
                groupBy,
                grain.parameterValue(),
                metrics.query().timeZone(),
                table.bucket() == AggregateLayout.Bucket.DATE ? CALENDAR_DATE : metrics.query().timeZone(),
                metrics.query().from(),
                metrics.query().to(),
                metrics.currentAsOf(),
                table.measures(),
                metrics.rows().stream().map(row -> toRow(row, grain, groupBy, table.measures())).toList());
    }

    private static MetricsRow toRow(AggregateRow row, Grain grain, List<String> groupBy, List<String> measures) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < groupBy.size(); i++) {
            dimensions.put(groupBy.get(i), row.dimensions().get(i));
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (int i = 0; i < measures.size(); i++) {
            sums.put(measures.get(i), row.measures().get(i));
        }
        return new MetricsRow(period(row, grain), dimensions, sums, row.lines(), row.restatedAt());
    }

    /** The row's period as the answer writes it: YYYY-MM-DD, YYYY-MM, or null for the total over the range. */
    static String period(AggregateRow row, Grain grain) {
        return switch (grain) {
            case TOTAL -> null;
            case DAY -> row.period().toString();
            case MONTH -> YearMonth.from(row.period()).toString();
        };
    }
}
