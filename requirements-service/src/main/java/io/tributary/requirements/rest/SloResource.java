package io.tributary.requirements.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.Roles;
import io.tributary.requirements.access.StakeholderScope;
import io.tributary.requirements.api.SloHistoryResponse;
import io.tributary.requirements.api.SloResponse;
import io.tributary.requirements.mapping.SloMapper;
import io.tributary.requirements.requirement.RequirementService;
import io.tributary.requirements.slo.SloService;

@Path("/api/slos")
@Tag(name = "SLOs", description = "Every measured objective, evaluated live from what the system did, with its budget")
public class SloResource {

    private final SloService slos;
    private final RequirementService requirements;
    private final SecurityIdentity identity;

    public SloResource(SloService slos, RequirementService requirements, SecurityIdentity identity) {
        this.slos = slos;
        this.requirements = requirements;
        this.identity = identity;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every objective: state (MET, VIOLATED, NO_DATA), current value, budget left")
    public List<SloResponse> list() {
        return slos.list().stream().map(SloMapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The objective of requirement {id}, with its latest state")
    @APIResponse(responseCode = "404", description = "No requirement with a measured objective has this id")
    public SloResponse get(@PathParam("id") long id) {
        SloResponse slo = SloMapper.toResponse(slos.get(id));
        visible(id);
        return slo;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Path("/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The objective's evaluations from 'from' to 'to', one point per 'step'")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; each one is named")
    @APIResponse(responseCode = "404", description = "No requirement with a measured objective has this id")
    public SloHistoryResponse history(@PathParam("id") long id,
            @Parameter(description = "Start, ISO 8601 (default: an hour before 'to')", example = "2026-12-06T10:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End, ISO 8601 (default: now)") @QueryParam("to") String to,
            @Parameter(description = "Step, ISO 8601 duration or seconds (default: about 120 points)", example = "PT1M") @QueryParam("step") String step) {
        slos.get(id);
        visible(id);
        return SloMapper.toResponse(slos.history(id, from, to, step));
    }

    /** A stakeholder sees the objectives of the requirements they are a stakeholder of (403 for the others). */
    private void visible(long id) {
        if (!RequirementResource.inScope(StakeholderScope.of(identity), requirements.get(id))) {
            throw new ProblemException(Response.Status.FORBIDDEN, "'" + identity.getPrincipal().getName()
                    + "' is not a stakeholder of requirement " + id + ": a stakeholder reads the objectives of the "
                    + "requirements they are a stakeholder of");
        }
    }
}
