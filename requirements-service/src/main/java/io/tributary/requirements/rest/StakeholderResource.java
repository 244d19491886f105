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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.security.Roles;
import io.tributary.requirements.api.StakeholderResponse;
import io.tributary.requirements.mapping.RequirementMapper;
import io.tributary.requirements.stakeholder.StakeholderService;

@Path("/api/stakeholders")
@Tag(name = "Stakeholders", description = "Who produces or uses the data, with their requirements-gathering checklist")
public class StakeholderResource {

    private final StakeholderService stakeholders;

    public StakeholderResource(StakeholderService stakeholders) {
        this.stakeholders = stakeholders;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every stakeholder, with their open checklist questions")
    public List<StakeholderResponse> list() {
        return stakeholders.list().stream().map(RequirementMapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a stakeholder: name, job, team, direction, contact (e-mail, webhook), assets")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Not valid (a webhook off the allow-list among others); every "
            + "problem is listed with its JSON path")
    public Response create(JsonNode body) {
        StakeholderResponse stakeholder = RequirementMapper.toResponse(stakeholders.create(body));
        return Response.created(URI.create("/api/stakeholders/" + stakeholder.id())).entity(stakeholder).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One stakeholder, with the checklist for their direction and the answers kept")
    @APIResponse(responseCode = "404", description = "No such stakeholder")
    public StakeholderResponse get(@PathParam("id") long id) {
        return RequirementMapper.toResponse(stakeholders.get(id));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a stakeholder")
    @APIResponse(responseCode = "400", description = "Not valid; every problem is listed with its JSON path")
    @APIResponse(responseCode = "404", description = "No such stakeholder")
    public StakeholderResponse update(@PathParam("id") long id, JsonNode body) {
        return RequirementMapper.toResponse(stakeholders.update(id, body));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @PUT
    @Path("/{id}/answers/{question}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keep the stakeholder's answer to a checklist question ({\"answer\": \"...\"})")
    @APIResponse(responseCode = "400", description = "No answer, or a question of the other direction")
    @APIResponse(responseCode = "404", description = "No such stakeholder or question")
    public StakeholderResponse answer(@PathParam("id") long id, @PathParam("question") String question,
            @HeaderParam(Actor.HEADER) String actor, JsonNode body) {
        return RequirementMapper.toResponse(stakeholders.answer(id, question, body, Actor.of(actor)));
    }
}
