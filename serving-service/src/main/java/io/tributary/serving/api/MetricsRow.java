package io.tributary.serving.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One group over one period.
 *
 * @param period {@code YYYY-MM-DD} with grain {@code day}, {@code YYYY-MM} with grain {@code month}; absent with
 *        grain {@code total}
 * @param dimensions the group's value of each dimension asked for; an empty text means not known yet
 * @param measures each measure's exact sum, with the aggregate's scale
 * @param lines how many curated rows the sums cover
 * @param restatedAt when a late record last changed one of the sums; absent if none did
 */
public record MetricsRow(
        @JsonInclude(JsonInclude.Include.NON_NULL) String period,
        Map<String, String> dimensions,
        Map<String, BigDecimal> measures,
        long lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant restatedAt) {
}
