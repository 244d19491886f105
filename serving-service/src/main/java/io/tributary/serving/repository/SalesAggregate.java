package io.tributary.serving.repository;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row read from {@code curated.sales_by_region_day}, or a sum of its rows.
 *
 * @param day null when summed over days
 */
public record SalesAggregate(String region, LocalDate day, BigDecimal sales, long lines) {
}
