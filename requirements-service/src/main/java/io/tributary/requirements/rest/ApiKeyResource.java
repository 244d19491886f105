package io.tributary.requirements.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.audit.AuditTrail;
import io.tributary.catalog.audit.SecretAnswer;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.Principals;
import io.tributary.catalog.security.Roles;
import io.tributary.requirements.access.ApiKeyService;
import io.tributary.requirements.api.ApiKeyRequest;
import io.tributary.requirements.api.ApiKeyResponse;
import io.tributary.requirements.api.IssuedApiKeyResponse;
import io.tributary.requirements.mapping.AccessMapper;

@Path("/api/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Producers' keys: each may push events or files to its own sources only")
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final SecurityIdentity identity;
    private final AuditTrail audit;

    public ApiKeyResource(ApiKeyService keys, SecurityIdentity identity, AuditTrail audit) {
        this.keys = keys;
        this.identity = identity;
        this.audit = audit;
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER})
    @GET
    @Operation(summary = "Every key, valid or not, without its secret")
    public List<ApiKeyResponse> list() {
        Instant now = Instant.now();
        return keys.list().stream().map(key -> AccessMapper.toResponse(key, now)).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER})
    @SecretAnswer
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a key for some sources: the answer shows the key once; only its hash is kept")
    @APIResponse(responseCode = "201", description = "Issued")
    @APIResponse(responseCode = "400", description = "Not valid; every problem is listed with its JSON path")
    public Response issue(ApiKeyRequest request) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the body must be a key request in JSON",
                    List.of("$: an object with name, sources and expiresAt"));
        }
        IssuedApiKeyResponse issued = AccessMapper.toResponse(keys.issue(request.name(), request.sources(),
                request.expiresAt(), Principals.name(identity)));
        return Response.created(URI.create("/api/keys/" + issued.id())).entity(issued).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER})
    @GET
    @Path("/{id}")
    @Operation(summary = "A key, without its secret")
    @APIResponse(responseCode = "404", description = "No such key")
    public ApiKeyResponse get(@PathParam("id") String id) {
        return AccessMapper.toResponse(keys.get(id), Instant.now());
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER})
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key at once; it stays listed as revoked")
    @APIResponse(responseCode = "404", description = "No such key")
    public ApiKeyResponse revoke(@PathParam("id") String id) {
        audit.before(AccessMapper.toResponse(keys.get(id), Instant.now()));
        return AccessMapper.toResponse(keys.revoke(id, Principals.name(identity)), Instant.now());
    }
}
