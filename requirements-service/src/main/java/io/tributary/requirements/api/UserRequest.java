package io.tributary.requirements.api;

import java.util.List;

/**
 * An account as an admin creates or changes it.
 *
 * @param password only when creating; {@code PUT /api/users/{name}/password} sets a new one
 * @param stakeholder the id of the stakeholder this person is; required with the role {@code stakeholder}
 */
public record UserRequest(String name, String password, List<String> roles, Long stakeholder) {
}
