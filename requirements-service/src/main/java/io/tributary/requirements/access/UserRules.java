package io.tributary.requirements.access;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.tributary.catalog.security.Roles;

/** What makes an account's name, roles and stakeholder valid; each problem as "where: what". */
public final class UserRules {

    /** Letters, digits and {@code . _ @ -}, starting with a letter or digit: an e-mail address fits. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private UserRules() {
    }

    public static List<String> name(String where, String name) {
        if (name == null || name.isBlank()) {
            return List.of(where + ": required");
        }
        if (!NAME.matcher(name).matches()) {
            return List.of(where + ": 1 to 100 letters, digits and . _ @ -, starting with a letter or digit");
        }
        return List.of();
    }

    /** The roles must be a non-empty set of people's roles; a stakeholder must say which stakeholder they are. */
    public static List<String> roles(List<String> roles, Long stakeholderId) {
        List<String> problems = new ArrayList<>();
        if (roles == null || roles.isEmpty()) {
            problems.add("$.roles: at least one of " + String.join(", ", Roles.OF_USERS));
            return problems;
        }
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (Roles.PRODUCER.equals(role)) {
                problems.add("$.roles[" + i + "]: " + Roles.PRODUCER + " is the role of API keys, not of people; "
                        + "issue a key with POST /api/keys");
            } else if (!Roles.OF_USERS.contains(role)) {
                problems.add("$.roles[" + i + "]: unknown role '" + role + "'; roles are "
                        + String.join(", ", Roles.OF_USERS));
            }
        }
        if (roles.contains(Roles.STAKEHOLDER) && stakeholderId == null) {
            problems.add("$.stakeholder: required with the role " + Roles.STAKEHOLDER
                    + ": the id of the stakeholder this person is");
        }
        return problems;
    }
}
