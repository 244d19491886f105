package io.tributary.requirements.access;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;
import io.tributary.catalog.security.TokenClaims;

/** Signs the tokens every service verifies, with the private key only this service is given. */
@ApplicationScoped
public class TokenIssuer {

    /** A signed token, when it was issued and when it stops being accepted. */
    public record Token(String value, Instant issuedAt, Instant expiresAt) {
    }

    private final AccessConfig config;

    public TokenIssuer(AccessConfig config) {
        this.config = config;
    }

    public Token issue(User user) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.tokenLifetime());
        String value = Jwt.issuer(TokenClaims.ISSUER)
                .upn(user.name())
                .groups(Set.copyOf(user.roles()))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new Token(value, now, expiresAt);
    }
}
