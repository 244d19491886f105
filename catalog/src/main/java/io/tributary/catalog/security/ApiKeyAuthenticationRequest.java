package io.tributary.catalog.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request that presents an API key, to be checked by {@link ApiKeyIdentityProvider}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final ApiKeySecret key;

    public ApiKeyAuthenticationRequest(ApiKeySecret key) {
        this.key = key;
    }

    public ApiKeySecret key() {
        return key;
    }
}
