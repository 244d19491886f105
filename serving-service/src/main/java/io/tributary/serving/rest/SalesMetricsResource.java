package io.tributary.serving.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tributary.serving.api.SalesMetricsResponse;
import io.tributary.serving.mapping.SalesMetricsMapper;
import io.tributary.serving.service.SalesMetricsService;

@Path("/api/metrics")
@Tag(name = "Metrics", description = "Aggregates for dashboards, with how current each answer is")
public class SalesMetricsResource {

    private final SalesMetricsService metrics;

    public SalesMetricsResource(SalesMetricsService metrics) {
        this.metrics = metrics;
    }

    /** Parameters arrive as text so that a bad value gets a 400 naming it, not the 404 JAX-RS gives. */
    @GET
    @Path("/sales")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sales by region, in total over a range of days or per day")
    @APIResponse(responseCode = "200", description = "Rows ordered by region, then day")
    @APIResponse(responseCode = "400", description = "A parameter is missing or not valid; each one is named")
    public SalesMetricsResponse sales(
            @Parameter(description = "Dimension to group by; only 'region' for now", required = true, example = "region") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "First day included (YYYY-MM-DD)", example = "2017-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last day included (YYYY-MM-DD)", example = "2017-12-31") @QueryParam("to") String to,
            @Parameter(description = "'total' (default): one row per region; 'day': one row per region and day", example = "day") @QueryParam("grain") String grain) {
        return SalesMetricsMapper.toResponse(metrics.sales(groupBy, from, to, grain));
    }
}
