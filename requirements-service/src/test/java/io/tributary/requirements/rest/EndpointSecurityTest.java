package io.tributary.requirements.rest;

import java.util.Set;

import io.tributary.testinfra.SecuredEndpointsContract;

/** Every operation of the service names who may call it. */
class EndpointSecurityTest extends SecuredEndpointsContract {

    /** Signing in is the one operation open to anyone. */
    @Override
    protected Set<String> open() {
        return Set.of("AuthResource#token");
    }
}
