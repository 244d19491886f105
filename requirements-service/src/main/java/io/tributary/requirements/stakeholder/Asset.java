package io.tributary.requirements.stakeholder;

import io.tributary.requirements.requirement.TargetType;

/** A dataset, source, pipeline or serving query that a stakeholder produces or consumes. */
public record Asset(TargetType type, String name, Relation relation) {

    public enum Relation {
        PRODUCES,
        CONSUMES
    }
}
