package io.tributary.requirements.slo;

import java.util.List;

import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementVersion;
import io.tributary.requirements.requirement.Target;

/**
 * An objective evaluated live: the measured objective of a requirement's effective version (the one in force, else
 * the newest). Only one in force raises alerts.
 */
public record TrackedObjective(long requirementId, int version, String statement, Target target, Objective objective,
        Slo slo, boolean inForce, List<Long> stakeholderIds) {

    /** The requirement's tracked objective, or null when its effective version measures nothing. */
    public static TrackedObjective of(Requirement requirement) {
        RequirementVersion effective = requirement.effective();
        if (!effective.content().measured() || effective.content().target() == null) {
            return null;
        }
        return new TrackedObjective(requirement.id(), effective.version(), effective.content().statement(),
                effective.content().target(), effective.content().objective(), effective.content().slo(),
                effective.state().inForce(), effective.content().stakeholderIds());
    }
}
