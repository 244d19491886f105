package io.tributary.requirements.slo;

/** A tracked objective with its latest status: what {@code GET /api/slos} shows; status is null before the first. */
public record SloView(TrackedObjective objective, SloStatus status, String confirmation) {
}
