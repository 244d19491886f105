package io.tributary.requirements.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.Roles;
import io.tributary.requirements.access.StakeholderScope;
import io.tributary.requirements.api.RequirementResponse;
import io.tributary.requirements.api.RequirementVersionResponse;
import io.tributary.requirements.api.TraceResponse;
import io.tributary.requirements.api.TransitionResponse;
import io.tributary.requirements.mapping.RequirementMapper;
import io.tributary.requirements.mapping.TraceMapper;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementQueries;
import io.tributary.requirements.requirement.RequirementService;
import io.tributary.requirements.trace.TraceService;

@Path("/api/requirements")
@Tag(name = "Requirements", description = "Business, stakeholder and system requirements, each read back to its "
        + "stakeholders and confirmed")
public class RequirementResource {

    private final RequirementService requirements;
    private final TraceService traces;
    private final SecurityIdentity identity;

    public RequirementResource(RequirementService requirements, TraceService traces, SecurityIdentity identity) {
        this.requirements = requirements;
        this.traces = traces;
        this.identity = identity;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Requirements, by goal, stakeholder, state or level")
    @APIResponse(responseCode = "400", description = "A filter is not valid; each one is named")
    public List<RequirementResponse> list(
            @Parameter(description = "Goal id") @QueryParam("goal") String goal,
            @Parameter(description = "Stakeholder id") @QueryParam("stakeholder") String stakeholder,
            @Parameter(description = "State of the newest version", example = "CONFIRMED") @QueryParam("state") String state,
            @Parameter(description = "BUSINESS, STAKEHOLDER or SYSTEM") @QueryParam("level") String level) {
        StakeholderScope scope = StakeholderScope.of(identity);
        return requirements.list(RequirementQueries.filter(goal, stakeholder, state, level)).stream()
                .filter(requirement -> inScope(scope, requirement))
                .map(this::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a requirement: level, kind, goal, stakeholders, statement, actions, and for a measured "
            + "one a typed objective on a target with its SLO")
    @APIResponse(responseCode = "201", description = "Drafted")
    @APIResponse(responseCode = "400", description = "Not valid (a wrong unit, percentile, zone or target among "
            + "others); every problem is listed with its JSON path")
    public Response create(@HeaderParam(Actor.HEADER) String actor, JsonNode body) {
        RequirementResponse requirement = toResponse(requirements.create(body, Actor.of(actor)));
        return Response.created(URI.create("/api/requirements/" + requirement.id())).entity(requirement).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A requirement's newest version, with the version in force and the open questions")
    @APIResponse(responseCode = "404", description = "No such requirement")
    public RequirementResponse get(@PathParam("id") long id) {
        return toResponse(visible(id));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a requirement; a confirmed one gets a new version to be confirmed again")
    @APIResponse(responseCode = "400", description = "Not valid; every problem is listed with its JSON path")
    @APIResponse(responseCode = "404", description = "No such requirement")
    @APIResponse(responseCode = "409", description = "Its newest version awaits its stakeholders' decision; the "
            + "allowed actions are named")
    public RequirementResponse update(@PathParam("id") long id, @HeaderParam(Actor.HEADER) String actor,
            JsonNode body) {
        return toResponse(requirements.update(id, body, Actor.of(actor)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @POST
    @Path("/{id}/proposals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the requirement back to its stakeholders: renders the read-back, state PROPOSED")
    @APIResponse(responseCode = "404", description = "No such requirement")
    @APIResponse(responseCode = "409", description = "Not a draft; the allowed actions are named")
    public RequirementResponse propose(@PathParam("id") long id, @HeaderParam(Actor.HEADER) String actor,
            JsonNode body) {
        return toResponse(requirements.propose(id, body, Actor.of(actor)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STAKEHOLDER})
    @POST
    @Path("/{id}/confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A stakeholder confirms the read-back or requests changes, with a comment")
    @APIResponse(responseCode = "400", description = "No decision, no comment with a change request, or no "
            + Actor.HEADER + " header")
    @APIResponse(responseCode = "404", description = "No such requirement")
    @APIResponse(responseCode = "409", description = "Nothing to confirm now; the allowed actions are named")
    public RequirementResponse confirm(@PathParam("id") long id, @HeaderParam(Actor.HEADER) String actor,
            JsonNode body) {
        StakeholderScope scope = StakeholderScope.of(identity);
        visible(id);
        // a stakeholder confirms in their own name; an admin names the stakeholder they confirm for
        String who = scope.all() ? Actor.required(actor) : identity.getPrincipal().getName();
        return toResponse(requirements.confirm(id, body, who));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Path("/{id}/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every version of the requirement, oldest first")
    @APIResponse(responseCode = "404", description = "No such requirement")
    public List<RequirementVersionResponse> versions(@PathParam("id") long id) {
        visible(id);
        return requirements.versions(id).stream().map(RequirementMapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Path("/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every transition of every version: who, when, why")
    @APIResponse(responseCode = "404", description = "No such requirement")
    public List<TransitionResponse> history(@PathParam("id") long id) {
        visible(id);
        return requirements.history(id).stream().map(RequirementMapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Path("/{id}/read-back")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The plain-language read-back of the newest version, as it would be proposed now")
    @APIResponse(responseCode = "404", description = "No such requirement")
    public String readBack(@PathParam("id") long id) {
        return requirements.readBack(visible(id).current().content());
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Path("/{id}/trace")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Goal, stakeholder requirement, system requirement, contract version and clause, source, "
            + "dataset, pipeline, serving query, live status and last violation")
    @APIResponse(responseCode = "404", description = "No such requirement")
    public TraceResponse trace(@PathParam("id") long id) {
        visible(id);
        return TraceMapper.toResponse(traces.trace(id));
    }

    /** The requirement, unless the caller is a stakeholder who is not one of its stakeholders (403). */
    private Requirement visible(long id) {
        Requirement requirement = requirements.get(id);
        if (!inScope(StakeholderScope.of(identity), requirement)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "'" + identity.getPrincipal().getName()
                    + "' is not a stakeholder of requirement " + id + ": a stakeholder reads and confirms the "
                    + "requirements they are a stakeholder of");
        }
        return requirement;
    }

    /** Whether the caller may see the requirement: its newest version or the one in force names their stakeholder. */
    static boolean inScope(StakeholderScope scope, Requirement requirement) {
        return scope.includes(requirement.current().content().stakeholderIds())
                || requirement.inForce().map(version -> scope.includes(version.content().stakeholderIds()))
                        .orElse(false);
    }

    private RequirementResponse toResponse(Requirement requirement) {
        return RequirementMapper.toResponse(requirement,
                requirements.openQuestions(requirement.current().content()));
    }
}
