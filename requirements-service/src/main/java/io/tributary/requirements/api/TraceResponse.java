package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

/**
 * A requirement's chain: goal, the requirements it derives from (nearest first) and those derived from it, its
 * stakeholders, the contract clauses carrying it, the lineage of its target, its live status and last violation.
 */
public record TraceResponse(Summary requirement, GoalResponse goal, List<Summary> derivedFrom, List<Summary> derived,
        List<Person> stakeholders, List<ClauseResponse> clauses, List<RequirementResponse.TargetResponse> lineage,
        RequirementResponse.TargetResponse target, Live live, Violation lastViolation) {

    public record Summary(long id, int version, String state, String level, String kind, String statement,
            String readBack) {
    }

    public record Person(long id, String name, String team, String direction) {
    }

    /** @param contract where the contract version is */
    public record ClauseResponse(String dataset, int contractVersion, String clauseId, String property,
            String contract) {
    }

    public record Live(String state, Double value, String unit, Double threshold, Instant evaluatedAt,
            Double budgetLeft, Instant lastViolationAt) {
    }

    public record Violation(String alertId, Instant openedAt, Instant resolvedAt, String summary) {
    }
}
