package io.tributary.requirements.access;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.tributary.catalog.security.TokenClaims;

/** Signs the tokens every service verifies, with the private key only this service is given. */
@ApplicationScoped
public class TokenIssuer {

    /** A signed token, when it was issued and when it stops being accepted. */
    public record Token(String value, Instant issuedAt, Instant expiresAt) {
    }

    /** The beginning of the name of a service calling another on its own behalf; no account can have a colon. */
    public static final String SERVICE_PREFIX = "service:";

    private final AccessConfig config;

    public TokenIssuer(AccessConfig config) {
        this.config = config;
    }

    public Token issue(User user) {
        return sign(user.name(), Set.copyOf(user.roles()), user.stakeholderId());
    }

    /**
     * A token for this service's own calls to another service, named {@value #SERVICE_PREFIX}{@code <name>} and
     * holding only the roles those calls need.
     */
    public Token issueForService(String service, Set<String> roles) {
        return sign(SERVICE_PREFIX + service, roles, null);
    }

    private Token sign(String name, Set<String> roles, Long stakeholderId) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.tokenLifetime());
        JwtClaimsBuilder claims = Jwt.issuer(TokenClaims.ISSUER)
                .upn(name)
                .groups(roles);
        if (stakeholderId != null) {
            claims.claim(TokenClaims.STAKEHOLDER, stakeholderId);
        }
        String value = claims
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new Token(value, now, expiresAt);
    }
}
