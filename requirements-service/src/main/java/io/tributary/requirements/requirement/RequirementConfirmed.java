package io.tributary.requirements.requirement;

/** Fired, within the confirming transaction, when a version of a requirement is confirmed. */
public record RequirementConfirmed(RequirementVersion version) {
}
