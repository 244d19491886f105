package io.tributary.serving.dashboard;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A requirement's objective on what the dashboard shows (the pipeline, its dataset, its sources, or a metrics query
 * of the pipeline), as the requirements service last evaluated it.
 *
 * @param confirmation where the evaluated version stands with its stakeholders (CONFIRMED, PROPOSED, ...)
 * @param readBack the requirement as read back to its stakeholders; absent before it was proposed
 * @param objective the objective as the requirement states it ({@code kind}, {@code maximum}, {@code unit}, ...)
 * @param slo the share of time slices that must be good and the window, when the requirement has one
 * @param state MET, VIOLATED or NO_DATA; absent before the first evaluation
 * @param budgetLeft the share of the window's error budget not spent, below 0 when overspent
 * @param maxAgeSeconds for a freshness objective, the oldest the data may be, in seconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Objective(long requirement, int version, String statement, String confirmation, String readBack,
        String targetType, String targetName, String kind, JsonNode objective, JsonNode slo, String state,
        Double value, Double goodShare, Double budgetLeft, Instant evaluatedAt, Double maxAgeSeconds) {
}
