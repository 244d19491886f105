package io.tributary.serving.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.tributary.catalog.security.Roles;
import io.tributary.serving.api.MetricsResponse;
import io.tributary.serving.live.MetricsStream;
import io.tributary.serving.service.MetricsParameters;

@Path("/api/metrics/{pipeline}/stream")
@Tag(name = "Metrics", description = "Pipelines' aggregates for dashboards, with how current each answer is")
public class MetricsStreamResource {

    private final MetricsStream stream;

    public MetricsStreamResource(MetricsStream stream) {
        this.stream = stream;
    }

    /** Blocking: the query is checked, and a bad one refused with its problem, before the stream starts. */
    @GET
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The metrics query's answer as Server-Sent Events: now, then again each time the transform "
            + "commits a change to the aggregate that changes the answer")
    @APIResponse(responseCode = "200", description = "A stream of answers, each the body GET /api/metrics/{pipeline} "
            + "gives at that moment")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; each one is named")
    @APIResponse(responseCode = "404", description = "No pipeline of this name has an aggregate")
    public Multi<MetricsResponse> stream(
            @Parameter(description = "Pipeline name", example = "sales") @PathParam("pipeline") String pipeline,
            @Parameter(description = "Dimensions to group by, separated by commas; none for one total per period", example = "region,state") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "First local day included (YYYY-MM-DD)", example = "2017-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last local day included (YYYY-MM-DD)", example = "2017-12-31") @QueryParam("to") String to,
            @Parameter(description = "'total' (default), 'day' or 'month'", example = "day") @QueryParam("grain") String grain,
            @Parameter(description = "IANA time zone days and months are counted in (default UTC)", example = "Asia/Kolkata") @QueryParam("tz") String tz,
            @Parameter(description = "How old an answer the stream may send first while the answer after the latest "
                    + "commit is computed (an ISO-8601 duration); that answer follows. The stream is not refused for "
                    + "older data: each answer says how current it is (currentAsOf)", example = "PT60S") @QueryParam("maxStaleness") String maxStaleness) {
        return stream.stream(pipeline, new MetricsParameters(groupBy, from, to, grain, tz, maxStaleness));
    }
}
