package io.tributary.requirements.requirement;

/** How far a requirement is from the business: a goal's need, a stakeholder's words, or what the system must do. */
public enum Level {
    BUSINESS,
    STAKEHOLDER,
    SYSTEM
}
