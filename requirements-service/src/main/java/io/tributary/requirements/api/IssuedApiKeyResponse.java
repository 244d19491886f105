package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

/**
 * A key just issued. {@code key} is shown this once: the catalog keeps only its hash. The producer sends it as
 * {@code Authorization: Bearer <key>}.
 */
public record IssuedApiKeyResponse(String key, String id, String name, List<String> sources, Instant expiresAt) {
}
