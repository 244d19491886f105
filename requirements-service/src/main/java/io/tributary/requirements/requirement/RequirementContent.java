package io.tributary.requirements.requirement;

import java.util.List;

import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.Slo;

/**
 * What a requirement says: everything an author edits. A measured objective always has an SLO (the default one when
 * none was given); a requirement without objective has neither.
 *
 * @param derivedFrom the requirement this one was derived from (a system requirement from a stakeholder's)
 * @param actions what the stakeholders will do with the data
 * @param elements the contract elements the requirement uses, as {@code table.column} or {@code column}
 */
public record RequirementContent(
        Level level,
        RequirementKind kind,
        Long goalId,
        Long derivedFrom,
        List<Long> stakeholderIds,
        String statement,
        List<String> actions,
        Target target,
        List<String> elements,
        Driver driver,
        Objective objective,
        Slo slo) {

    public RequirementContent {
        stakeholderIds = stakeholderIds == null ? List.of() : List.copyOf(stakeholderIds);
        actions = actions == null ? List.of() : List.copyOf(actions);
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    public boolean measured() {
        return objective != null && objective.kind().measured();
    }

    /** True when the requirement names the field: as {@code column} or as {@code <table>.column}. */
    public boolean uses(String field) {
        return elements.stream().anyMatch(element -> element.equals(field) || element.endsWith("." + field));
    }
}
