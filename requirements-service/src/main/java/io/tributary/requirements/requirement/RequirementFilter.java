package io.tributary.requirements.requirement;

import io.tributary.requirements.confirmation.State;

/** Which requirements to list; a null field does not filter. */
public record RequirementFilter(Long goalId, Long stakeholderId, State state, Level level) {

    public boolean accepts(Requirement requirement) {
        RequirementContent content = requirement.current().content();
        return (goalId == null || goalId.equals(content.goalId()))
                && (stakeholderId == null || content.stakeholderIds().contains(stakeholderId))
                && (state == null || requirement.current().state() == state)
                && (level == null || content.level() == level);
    }
}
