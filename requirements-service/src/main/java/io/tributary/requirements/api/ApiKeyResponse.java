package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

/** An API key as the catalog keeps it: never its secret. {@code valid} says whether it is accepted now. */
public record ApiKeyResponse(String id, String name, List<String> sources, boolean valid, String createdBy,
        Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {
}
