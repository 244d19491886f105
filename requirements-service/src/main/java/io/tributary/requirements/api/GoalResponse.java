package io.tributary.requirements.api;

import java.time.Instant;

/** A business goal. */
public record GoalResponse(long id, String title, String description, String successMeasure, String owner,
        Instant createdAt, Instant updatedAt) {
}
