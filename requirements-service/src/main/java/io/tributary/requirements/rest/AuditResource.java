package io.tributary.requirements.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tributary.catalog.audit.AuditLog;
import io.tributary.catalog.security.Roles;
import io.tributary.requirements.access.AuditQueries;
import io.tributary.requirements.api.AuditEntryResponse;
import io.tributary.requirements.mapping.AuditMapper;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Every write of every service: who, what, when, from where; admins only")
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @RolesAllowed(Roles.ADMIN)
    @GET
    @Operation(summary = "Writes of every service, newest first")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; each one is named")
    public List<AuditEntryResponse> entries(
            @Parameter(description = "Who: a user's name, or key:<id>") @QueryParam("principal") String principal,
            @Parameter(description = "Paths that start with this", example = "/api/sources") @QueryParam("path") String path,
            @Parameter(description = "At or after this instant") @QueryParam("from") String from,
            @Parameter(description = "Before this instant") @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.find(AuditQueries.query(principal, path, from, to, limit)).stream()
                .map(AuditMapper::toResponse).toList();
    }
}
