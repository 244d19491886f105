package io.tributary.serving.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.tributary.catalog.security.Roles;
import io.tributary.serving.export.DatasetPage;
import io.tributary.serving.export.DatasetRowsService;
import io.tributary.serving.export.RowCursor;

@Path("/api/datasets/{pipeline}/rows")
@Tag(name = "Datasets", description = "A pipeline's curated rows, exported a page at a time")
@Blocking
public class DatasetRowsResource {

    private final DatasetRowsService rows;

    public DatasetRowsResource(DatasetRowsService rows) {
        this.rows = rows;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A page of the pipeline's curated rows in key order, streamed as it is read; 'next' in the "
            + "answer and the Link header (rel=next) give the cursor of the page after, absent after the last")
    @APIResponse(responseCode = "200", description = "pipeline, limit, next, columns, then rows: an object per row")
    @APIResponse(responseCode = "400", description = "The cursor or the limit is not valid; each one is named")
    @APIResponse(responseCode = "404", description = "No pipeline of this name has curated rows")
    public Response rows(
            @Parameter(description = "Pipeline name", example = "sales") @PathParam("pipeline") String pipeline,
            @Parameter(description = "Where the page starts: the 'next' of the page before; none for the first") @QueryParam(RowCursor.PARAMETER) String cursor,
            @Parameter(description = "How many rows the page holds (default 1000)", example = "1000") @QueryParam(DatasetRowsService.LIMIT) String limit,
            @Context UriInfo uri) {
        DatasetPage page = rows.page(pipeline, cursor, limit);
        StreamingOutput body = out -> rows.write(page, out);
        Response.ResponseBuilder response = Response.ok(body, MediaType.APPLICATION_JSON);
        if (page.next() != null) {
            response.link(uri.getRequestUriBuilder()
                    .replaceQueryParam(RowCursor.PARAMETER, page.next())
                    .replaceQueryParam(DatasetRowsService.LIMIT, page.limit())
                    .build(), "next");
        }
        return response.build();
    }
}
