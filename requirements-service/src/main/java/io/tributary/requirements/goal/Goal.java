package io.tributary.requirements.goal;

import java.time.Instant;

/** A stored business goal. */
public record Goal(long id, GoalContent content, Instant createdAt, Instant updatedAt) {
}
