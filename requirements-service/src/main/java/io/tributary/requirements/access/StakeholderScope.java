package io.tributary.requirements.access;

import java.util.Collection;
import java.util.Set;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.security.Roles;
import io.tributary.catalog.security.TokenClaims;

/**
 * Which requirements a caller may read and confirm: every one, or for a person whose only job here is to be a
 * stakeholder, those they are a stakeholder of. A stakeholder's token names the stakeholder they are; one that names
 * none sees no requirement.
 *
 * @param all whether every requirement is in scope
 * @param stakeholderId the stakeholder whose requirements are in scope when not all; null for none
 */
public record StakeholderScope(boolean all, Long stakeholderId) {

    public static final StakeholderScope ALL = new StakeholderScope(true, null);

    /** The roles that read every requirement. */
    private static final Set<String> READ_ALL = Set.of(Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST);

    /** The scope of a caller with these roles and this stakeholder claim (null when the token has none). */
    public static StakeholderScope of(Collection<String> roles, Long stakeholderClaim) {
        if (roles.stream().anyMatch(READ_ALL::contains)) {
            return ALL;
        }
        return new StakeholderScope(false, roles.contains(Roles.STAKEHOLDER) ? stakeholderClaim : null);
    }

    /** The scope of the caller of this request. */
    public static StakeholderScope of(SecurityIdentity identity) {
        Long stakeholder = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(TokenClaims.STAKEHOLDER);
            if (claim instanceof JsonNumber number) {
                stakeholder = number.longValue();
            } else if (claim instanceof Number number) {
                stakeholder = number.longValue();
            } else if (claim instanceof JsonString text && text.getString().matches("[0-9]{1,18}")) {
                stakeholder = Long.parseLong(text.getString());
            }
        }
        return of(identity.getRoles(), stakeholder);
    }

    /** Whether a requirement with these stakeholders is in scope. */
    public boolean includes(Collection<Long> stakeholderIds) {
        return all || (stakeholderId != null && stakeholderIds.contains(stakeholderId));
    }
}
