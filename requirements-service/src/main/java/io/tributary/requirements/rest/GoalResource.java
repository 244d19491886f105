package io.tributary.requirements.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.security.Roles;
import io.tributary.requirements.api.GoalResponse;
import io.tributary.requirements.document.DocumentFormat;
import io.tributary.requirements.document.DocumentService;
import io.tributary.requirements.goal.GoalService;
import io.tributary.requirements.mapping.RequirementMapper;

@Path("/api/goals")
@Tag(name = "Goals", description = "The business goals that requirements serve")
public class GoalResource {

    private final GoalService goals;
    private final DocumentService documents;

    public GoalResource(GoalService goals, DocumentService documents) {
        this.goals = goals;
        this.documents = documents;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every business goal")
    public List<GoalResponse> list() {
        return goals.list().stream().map(RequirementMapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a business goal: title, description, how success is measured, owner")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Not valid; every problem is listed with its JSON path")
    public Response create(JsonNode body) {
        GoalResponse goal = RequirementMapper.toResponse(goals.create(body));
        return Response.created(URI.create("/api/goals/" + goal.id())).entity(goal).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One business goal")
    @APIResponse(responseCode = "404", description = "No such goal")
    public GoalResponse get(@PathParam("id") long id) {
        return RequirementMapper.toResponse(goals.get(id));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a business goal")
    @APIResponse(responseCode = "400", description = "Not valid; every problem is listed with its JSON path")
    @APIResponse(responseCode = "404", description = "No such goal")
    public GoalResponse update(@PathParam("id") long id, JsonNode body) {
        return RequirementMapper.toResponse(goals.update(id, body));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/{id}/document")
    @Produces({DocumentFormat.MARKDOWN, MediaType.TEXT_HTML})
    @Operation(summary = "The goal's requirements document: stakeholders, each requirement with its read-back, "
            + "confirmation state, contract clauses and live status (Markdown, or HTML when asked for)")
    @APIResponse(responseCode = "404", description = "No such goal")
    public Response document(@PathParam("id") long id, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        DocumentFormat chosen = DocumentFormat.of(format, headers.getAcceptableMediaTypes());
        return Response.ok(chosen.render(documents.document(id)), chosen.mediaType()).build();
    }
}
