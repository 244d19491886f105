package io.tributary.requirements.requirement;

/** What the system does (functional), or how well it does it (non-functional). */
public enum RequirementKind {
    FUNCTIONAL,
    NON_FUNCTIONAL
}
