package io.tributary.catalog.security;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.problem.ProblemException;

/** Refuses an API key on an {@link OwnSourceOnly} operation for a source that is not one of its own. */
@Provider
@OwnSourceOnly
@Priority(Priorities.AUTHORIZATION)
public class OwnSourceFilter implements ContainerRequestFilter {

    private final CurrentIdentityAssociation identities;

    @Context
    ResourceInfo resource;

    public OwnSourceFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityIdentity identity = identities.getIdentity();
        if (!Principals.isApiKey(identity)) {
            return;
        }
        OwnSourceOnly scope = resource.getResourceMethod().getAnnotation(OwnSourceOnly.class);
        String parameter = scope == null ? "name" : scope.value();
        String source = request.getUriInfo().getPathParameters().getFirst(parameter);
        if (!Principals.sources(identity).contains(source)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "the API key '" + Principals.name(identity)
                    + "' may push to its own sources only",
                    List.of("path parameter '" + parameter + "': '" + source
                            + "' is not one of " + Principals.sources(identity).stream().sorted().toList()));
        }
    }
}
