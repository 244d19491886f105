package io.tributary.serving.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Sales of one region, over the whole range or on one day.
 *
 * @param day the day, with grain {@code day}; absent with grain {@code total}
 * @param sales the exact sum, with the scale of the aggregate (4 decimals)
 * @param lines how many order lines the sum covers
 */
public record SalesRow(
        String region,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate day,
        BigDecimal sales,
        long lines) {
}
