package io.tributary.serving.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tributary.serving.dashboard.DataQuality;
import io.tributary.serving.dashboard.DataQualityService;

@Path("/api/dashboard")
@Tag(name = "Dashboard", description = "What the dashboard shows beside the metrics")
public class DashboardResource {

    private final DataQualityService quality;

    public DashboardResource(DataQualityService quality) {
        this.quality = quality;
    }

    @GET
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
}
