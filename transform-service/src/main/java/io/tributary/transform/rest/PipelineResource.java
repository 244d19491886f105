package io.tributary.transform.rest;

import java.sql.SQLException;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.tributary.transform.api.PipelineStatus;
import io.tributary.transform.service.PipelineService;

@Path("/api/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pipelines", description = "What each pipeline reads and writes, and how current it is")
@Blocking
public class PipelineResource {

    private final PipelineService pipelines;

    public PipelineResource(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GET
    @Operation(summary = "List the pipelines")
    public List<PipelineStatus> list() throws SQLException {
        return pipelines.list();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Show a pipeline")
    public PipelineStatus get(@PathParam("name") String name) throws SQLException {
        if (!PipelineService.SALES.equals(name)) {
            throw new NotFoundException("no pipeline named '" + name + "'");
        }
        return pipelines.sales();
    }
}
