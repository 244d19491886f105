package io.tributary.serving.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One group of an aggregate query.
 *
 * @param period the day, or the first day of the month; null when summed over the whole range
 * @param dimensions the group's values, in the order they were asked for
 * @param measures the exact sums, in the table's order of measures
 * @param lines how many curated rows the sums cover
 * @param restatedAt when a late record last changed one of the cells summed, or null if none did
 */
public record AggregateRow(LocalDate period, List<String> dimensions, List<BigDecimal> measures, long lines,
        Instant restatedAt) {
}
