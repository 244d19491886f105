package io.tributary.requirements.contract;

import java.time.Instant;

/** A contract clause that carries a requirement: an SLA property of a version of a dataset's contract. */
public record Clause(long requirementId, int requirementVersion, String dataset, int contractVersion, String clauseId,
        String property, String clauseKey, Instant createdAt) {
}
