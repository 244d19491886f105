package io.tributary.serving.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales grouped as asked.
 *
 * @param grain {@code total} (one row per group over the range) or {@code day}
 * @param from first day included, or null for no lower bound
 * @param to last day included, or null for no upper bound
 * @param currentAsOf the newest input the aggregate reflects; null when it has never been written
 */
public record SalesMetricsResponse(
        String metric,
        String groupBy,
        String grain,
        LocalDate from,
        LocalDate to,
        Instant currentAsOf,
        List<SalesRow> rows) {
}
