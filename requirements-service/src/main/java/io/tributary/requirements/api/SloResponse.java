package io.tributary.requirements.api;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An objective evaluated live, with its latest state.
 *
 * @param id the requirement's id
 * @param confirmation the confirmation state of the version evaluated; only one in force raises alerts
 * @param state MET, VIOLATED or NO_DATA; NO_DATA too before the first evaluation
 * @param value the measured value, in {@code unit}
 * @param goodShare good slices among those evaluated in the SLO's window
 * @param budgetLeft the share of the window's error budget not spent (below 0 when overspent)
 */
public record SloResponse(long id, int version, String confirmation, String statement,
        RequirementResponse.TargetResponse target, JsonNode objective, JsonNode slo, String state, Double value,
        String unit, Double threshold, Instant evaluatedAt, Instant since, Double goodShare, Double budgetLeft,
        Instant lastViolationAt) {
}
