package io.tributary.requirements.api;

/**
 * A requirement that concerns a dataset.
 *
 * @param relation how: its target is the dataset, or one of its sources, pipelines or serving queries, or a clause of
 *        the dataset's contract carries it
 * @param live the latest state of its objective; null when it has none or was not evaluated
 */
public record DatasetRequirementResponse(TraceResponse.Summary requirement, String relation,
        RequirementResponse.TargetResponse target, String live) {
}
