package io.tributary.serving.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tributary.catalog.security.Roles;
import io.tributary.serving.api.MetricsResponse;
import io.tributary.serving.service.MetricsAnswers;
import io.tributary.serving.service.MetricsExport;
import io.tributary.serving.service.MetricsExportService;
import io.tributary.serving.service.MetricsFormat;
import io.tributary.serving.service.MetricsParameters;
import io.tributary.serving.service.MetricsService;
import io.tributary.serving.service.Staleness;

@Path("/api/metrics")
@Tag(name = "Metrics", description = "Pipelines' aggregates for dashboards, with how current each answer is")
public class MetricsResource {

    private final MetricsService metrics;
    private final MetricsAnswers answers;
    private final MetricsExportService exports;

    public MetricsResource(MetricsService metrics, MetricsAnswers answers, MetricsExportService exports) {
        this.metrics = metrics;
        this.answers = answers;
        this.exports = exports;
    }

    /** Parameters arrive as text so that a bad value gets a 400 naming it, not the 404 JAX-RS gives. */
    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/{pipeline}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "A pipeline's aggregate: every measure summed by the dimensions asked for, in total or per "
            + "local day or month of a time zone; as JSON, or as CSV streamed row by row for an answer of any size")
    @APIResponse(responseCode = "200", description = "Rows ordered by the dimensions, then period; a CSV answer says "
            + "how current it is in the Current-As-Of header", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsResponse.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A parameter is not valid; each one is named")
    @APIResponse(responseCode = "404", description = "No pipeline of this name has an aggregate")
    @APIResponse(responseCode = "503", description = "The data is older than maxStaleness allows; Retry-After says "
            + "when to ask again and the problem says how current the data is")
    public Response metrics(
            @Parameter(description = "Pipeline name", example = "sales") @PathParam("pipeline") String pipeline,
            @Parameter(description = "Dimensions to group by, separated by commas; none for one total per period", example = "region,state") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "First local day included (YYYY-MM-DD)", example = "2017-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last local day included (YYYY-MM-DD)", example = "2017-12-31") @QueryParam("to") String to,
            @Parameter(description = "'total' (default), 'day' or 'month'", example = "day") @QueryParam("grain") String grain,
            @Parameter(description = "IANA time zone days and months are counted in (default UTC); pipelines whose "
                    + "event time is a date keep their calendar days", example = "Asia/Kolkata") @QueryParam("tz") String tz,
            @Parameter(description = "How old the data may be, an ISO-8601 duration; older data is refused with 503 "
                    + "and Retry-After", example = "PT30S") @QueryParam(Staleness.PARAMETER) String maxStaleness,
            @Parameter(description = "json (the default) or csv, ahead of the Accept header") @QueryParam(MetricsFormat.PARAMETER) String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        MetricsParameters parameters = new MetricsParameters(groupBy, from, to, grain, tz, maxStaleness);
        if (exports.format(format, accept) == MetricsFormat.JSON) {
            // the JSON kept with the answer, written once rather than per request (decision 0055)
            return Response.ok(answers.json(pipeline, parameters), MediaType.APPLICATION_JSON).build();
        }
        MetricsExport export = metrics.export(pipeline, parameters);
        StreamingOutput rows = out -> exports.writeCsv(export, out);
        return Response.ok(rows, MetricsFormat.CSV.mediaType())
                .header(MetricsExportService.CURRENT_AS_OF, export.currentAsOf())
                .build();
    }
}
