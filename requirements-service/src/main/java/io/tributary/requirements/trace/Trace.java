package io.tributary.requirements.trace;

import java.util.List;
import java.util.Optional;

import io.tributary.requirements.alert.Alert;
import io.tributary.requirements.contract.Clause;
import io.tributary.requirements.goal.Goal;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.slo.SloStatus;
import io.tributary.requirements.stakeholder.Stakeholder;

/**
 * A requirement's chain: the goal it serves, the requirements it derives from (nearest first) and those derived from
 * it, its stakeholders, the contract clauses that carry it, the sources, dataset, pipelines and serving query its
 * target lies on, and its live status with the last violation.
 */
public record Trace(Requirement requirement, Optional<Goal> goal, List<Requirement> derivedFrom,
        List<Requirement> derived, List<Stakeholder> stakeholders, List<Clause> clauses, List<Target> lineage,
        Optional<SloStatus> status, Optional<Alert> lastViolation) {
}
