package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

/** An account, without anything of its password but when it was set. */
public record UserResponse(String name, List<String> roles, Long stakeholder, Instant createdAt, Instant updatedAt,
        Instant passwordSetAt) {
}
