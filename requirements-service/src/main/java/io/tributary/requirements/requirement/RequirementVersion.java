package io.tributary.requirements.requirement;

import java.time.Instant;

import io.tributary.requirements.confirmation.State;

/**
 * One version of a requirement.
 *
 * @param readBack the plain-language text its stakeholders confirmed or are asked to confirm; null while a draft
 */
public record RequirementVersion(long requirementId, int version, RequirementContent content, State state,
        String readBack, Origin origin, Instant createdAt, Instant updatedAt) {

    public RequirementVersion with(State newState, String newReadBack) {
        return new RequirementVersion(requirementId, version, content, newState, newReadBack, origin, createdAt,
                Instant.now());
    }
}
