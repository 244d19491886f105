package io.tributary.catalog.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Takes a producer's API key from {@code Authorization: Bearer trb_...}. A bearer value without that prefix is left to
 * the token mechanism, which runs after this one.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<ApiKeySecret> key = presented(context.request().getHeader(HttpHeaderNames.AUTHORIZATION));
        if (key.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identities.authenticate(new ApiKeyAuthenticationRequest(key.get()));
    }

    /** The key in an Authorization header, if it holds one. */
    static Optional<ApiKeySecret> presented(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String value = authorization.substring(BEARER.length()).strip();
        if (!value.startsWith(ApiKeySecret.PREFIX)) {
            return Optional.empty();
        }
        // a value with the prefix is a key, or a broken one: either way it is not a token
        return Optional.of(ApiKeySecret.parse(value).orElse(new ApiKeySecret("", "")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    /** Before the token mechanism, which would otherwise refuse a key as a malformed token. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
