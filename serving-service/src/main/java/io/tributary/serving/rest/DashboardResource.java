package io.tributary.serving.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tributary.catalog.security.Roles;
import io.tributary.serving.dashboard.DataQuality;
import io.tributary.serving.dashboard.DataQualityService;
import io.tributary.serving.dashboard.Objective;

@Path("/api/dashboard")
@Tag(name = "Dashboard", description = "What the dashboard shows beside the metrics")
public class DashboardResource {

    private final DataQualityService quality;

    public DashboardResource(DataQualityService quality) {
        this.quality = quality;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @Path("/{pipeline}/quality")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest batches of each source the pipeline reads (received, accepted, quarantined, "
            + "duplicates) and the batches held for review, each with a link to its quarantine")
    @APIResponse(responseCode = "200", description = "Sources by name, each with its newest batches first")
    @APIResponse(responseCode = "404", description = "No pipeline of this name is declared")
    public DataQuality quality(
            @Parameter(description = "Pipeline name", example = "sales") @PathParam("pipeline") String pipeline) {
        return quality.quality(pipeline);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @Path("/{pipeline}/objectives")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The objectives of the requirements on the pipeline, its dataset, its sources and its "
            + "metrics queries: each requirement's statement and read-back, its objective and SLO, and its latest "
            + "evaluation (state, value, error budget left)")
    @APIResponse(responseCode = "200", description = "By requirement id; empty when no requirement concerns them")
    @APIResponse(responseCode = "404", description = "No pipeline of this name is declared")
    public List<Objective> objectives(
            @Parameter(description = "Pipeline name", example = "sales") @PathParam("pipeline") String pipeline) {
        return quality.objectives(pipeline);
    }
}
