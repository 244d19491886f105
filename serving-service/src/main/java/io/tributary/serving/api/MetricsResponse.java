package io.tributary.serving.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A pipeline's aggregate, summed as asked.
 *
 * @param groupBy the dimensions rows are grouped by, in the order asked; empty for one total per period
 * @param grain {@code total} (one row per group over the range), {@code day} or {@code month}
 * @param timeZone the IANA time zone {@code from}, {@code to} and the periods are local days of
 * @param dayBoundary where a day starts: the time zone for timestamp buckets, {@code calendar date} when the pipeline's
 *        event time is a date, which is the same day everywhere
 * @param from first local day included, or null for no lower bound
 * @param to last local day included, or null for no upper bound
 * @param currentAsOf the newest input the aggregate reflects; null when it has never been written
 * @param measures the measures every row sums, in the table's order
 * @param rows ordered by the dimensions, then period; groups without lines are left out
 */
public record MetricsResponse(
        String pipeline,
        List<String> groupBy,
        String grain,
        String timeZone,
        String dayBoundary,
        LocalDate from,
        LocalDate to,
        Instant currentAsOf,
        List<String> measures,
        List<MetricsRow> rows) {
}
