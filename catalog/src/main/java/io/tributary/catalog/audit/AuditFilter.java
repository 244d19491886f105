package io.tributary.catalog.audit;

import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.security.Principals;
import io.vertx.core.http.HttpServerRequest;

/**
 * Appends every write any service answers to the audit log (decision 0027): who, what, when, from where, how it
 * ended, and the state before and after where there is one. One mechanism for every operation of every service, so
 * that no endpoint can forget it; an operation adds only what the filter cannot see ({@link AuditTrail#before}).
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** An answer larger than this is recorded by its size alone. */
    private static final int MAX_STATE = 64 * 1024;

    private final AuditLog log;
    private final AuditTrail trail;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final String service;

    public AuditFilter(AuditLog log, AuditTrail trail, CurrentIdentityAssociation identities, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.log = log;
        this.trail = trail;
        this.identities = identities;
        this.json = json;
        this.service = service;
    }

    @ServerResponseFilter
    public void filter(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            HttpServerRequest http) {
        String method = request.getMethod();
        if (!WRITES.contains(method)) {
            return;
        }
        Method operation = resource == null ? null : resource.getResourceMethod();
        SecurityIdentity identity = identities.getIdentity();
        try {
            log.append(new AuditEntry(0, Instant.now(), service, Principals.name(identity),
                    identity == null ? List.of() : identity.getRoles().stream().sorted().toList(), method,
                    request.getUriInfo().getRequestUri().getRawPath() + query(request), name(operation),
                    response.getStatus(), remote(http), state(trail.before()),
                    secret(operation) ? null : state(response.getEntity())));
        } catch (RuntimeException e) {
            // the write has happened; losing its entry must be seen, but must not turn its answer into an error
            LOG.errorf(e, "audit entry lost: %s %s by %s answered %d", method, request.getUriInfo().getPath(),
                    Principals.name(identity), response.getStatus());
        }
    }

    private static String query(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return query == null ? "" : "?" + query;
    }

    private static String name(Method operation) {
        return operation == null ? "(none)" : operation.getDeclaringClass().getSimpleName() + "#" + operation.getName();
    }

    private static boolean secret(Method operation) {
        return operation != null && operation.isAnnotationPresent(SecretAnswer.class);
    }

    /** The peer, and what a proxy in front says it forwarded for: recorded as told, never trusted for access. */
    private static String remote(HttpServerRequest http) {
        if (http == null) {
            return "unknown";
        }
        String peer = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        String forwarded = http.getHeader("X-Forwarded-For");
        return forwarded == null ? peer : peer + " (forwarded for " + forwarded + ")";
    }

    private JsonNode state(Object value) {
        if (value == null || value instanceof InputStream || value instanceof StreamingOutput
                || value instanceof byte[] || value instanceof File || value instanceof CharSequence) {
            return null;
        }
        JsonNode tree = json.valueToTree(value);
        int size = tree.toString().length();
        return size <= MAX_STATE ? tree : json.createObjectNode().put("omitted", "a state of " + size + " characters");
    }
}
