package io.tributary.requirements.access;

import java.time.Instant;
import java.util.List;

/**
 * A person's account. The password's hash never leaves the repository.
 *
 * @param name what the person signs in with; the principal's name in every service
 * @param roles among {@code Roles.OF_USERS}
 * @param stakeholderId the stakeholder this person is, for the {@code stakeholder} role; else null
 */
public record User(String name, List<String> roles, Long stakeholderId, Instant createdAt, Instant updatedAt,
        Instant passwordSetAt) {

    public User {
        roles = List.copyOf(roles);
    }
}
