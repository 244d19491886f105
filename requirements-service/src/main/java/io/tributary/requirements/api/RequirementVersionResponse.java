package io.tributary.requirements.api;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** One version of a requirement. */
public record RequirementVersionResponse(long id, int version, String state, String statement, JsonNode objective,
        JsonNode slo, String readBack, Instant createdAt, Instant updatedAt) {
}
