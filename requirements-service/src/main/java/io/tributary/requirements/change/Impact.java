package io.tributary.requirements.change;

import java.util.List;

import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementContent;
import io.tributary.requirements.requirement.RequirementVersion;
import io.tributary.requirements.trace.Topology;

/**
 * Which confirmed requirements a change touches: those confirmed before it whose target lies at or downstream of where
 * it happened (through the lineage source, dataset, pipeline, serving query), or whose definition names the changed
 * pipeline; for a change of fields, only those that use one of the fields.
 */
public final class Impact {

    private Impact() {
    }

    public static List<Requirement> touched(Change change, List<Requirement> requirements, Topology topology) {
        return requirements.stream().filter(requirement -> touches(change, requirement, topology)).toList();
    }

    static boolean touches(Change change, Requirement requirement, Topology topology) {
        RequirementVersion confirmed = requirement.inForce().orElse(null);
        if (confirmed == null || confirmed.state() != io.tributary.requirements.confirmation.State.CONFIRMED
                || !confirmed.updatedAt().isBefore(change.happenedAt())) {
            return false;
        }
        RequirementContent content = confirmed.content();
        boolean downstream = content.target() != null && topology.touches(change.at(), content.target());
        if (content.objective() instanceof Objective.Definition definition) {
            downstream |= definition.implementedBy().stream().anyMatch(implementation -> topology.touches(change.at(),
                    new io.tributary.requirements.requirement.Target(implementation.type(), implementation.name())));
        }
        if (!downstream) {
            return false;
        }
        return change.fields().isEmpty() || change.fields().stream().anyMatch(content::uses);
    }
}
