package io.tributary.transform.rest;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.tributary.catalog.document.DocumentFormat;
import io.tributary.catalog.document.Stored;
import io.tributary.catalog.entity.PipelineVersionEntity;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.Roles;
import io.tributary.transform.api.BackfillRequest;
import io.tributary.transform.api.BackfillResponse;
import io.tributary.transform.api.PipelineStatusResponse;
import io.tributary.transform.api.PipelineVersionResponse;
import io.tributary.transform.backfill.BackfillService;
import io.tributary.transform.mapping.PipelineMapper;
import io.tributary.transform.service.PipelineService;

@Path("/api/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pipelines", description = "Declared pipelines: their versions, progress, lag and backfills")
@Blocking
public class PipelineResource {

    private final PipelineService pipelines;
    private final BackfillService backfills;

    public PipelineResource(PipelineService pipelines, BackfillService backfills) {
        this.pipelines = pipelines;
        this.backfills = backfills;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @GET
    @Operation(summary = "List the pipelines, each with its current version")
    public List<PipelineVersionResponse> list() {
        return pipelines.list().stream().map(PipelineMapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @PUT
    @Path("/{name}")
    @Consumes({MediaType.APPLICATION_JSON, DocumentFormat.APPLICATION_YAML, DocumentFormat.APPLICATION_X_YAML,
            DocumentFormat.TEXT_YAML})
    @Operation(summary = "Declare a pipeline (YAML or JSON); stores a new version unless unchanged, creates or "
            + "evolves its tables, and backfills it")
    @APIResponse(responseCode = "201", description = "Stored as a new version")
    @APIResponse(responseCode = "200", description = "The same document as the current version; nothing stored")
    @APIResponse(responseCode = "400", description = "Not a valid pipeline; every problem is listed with its place")
    @APIResponse(responseCode = "409", description = "The version contradicts the pipeline's tables or dataset")
    public Response put(@PathParam("name") String name, @Context HttpHeaders headers, String body)
            throws SQLException {
        MediaType type = headers.getMediaType();
        if (type == null) {
            throw new NotSupportedException();
        }
        Stored<PipelineVersionEntity> stored = pipelines.put(name, body, type.getType() + "/" + type.getSubtype());
        PipelineVersionResponse response = PipelineMapper.toResponse(stored.version());
        if (!stored.created()) {
            return Response.ok(response).build();
        }
        return Response.created(URI.create("/api/pipelines/" + name + "/versions/" + response.version()))
                .entity(response).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @GET
    @Path("/{name}")
    @Operation(summary = "A pipeline's current version, counts, lag and throughput")
    @APIResponse(responseCode = "404", description = "No such pipeline")
    public PipelineStatusResponse get(@PathParam("name") String name) throws SQLException {
        return PipelineMapper.toResponse(pipelines.report(name));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @GET
    @Path("/{name}/versions")
    @Operation(summary = "Every stored version of a pipeline, oldest first")
    public List<PipelineVersionResponse> versions(@PathParam("name") String name) {
        return pipelines.versions(name).stream().map(PipelineMapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @GET
    @Path("/{name}/versions/{version}")
    @Produces({"application/yaml", MediaType.APPLICATION_JSON})
    @Operation(summary = "One stored version's document, as it was sent")
    public Response version(@PathParam("name") String name, @PathParam("version") int version) {
        PipelineVersionEntity stored = pipelines.version(name, version);
        return Response.ok(stored.document, stored.mediaType).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @POST
    @Path("/{name}/backfills")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reprocess the pipeline with its current version from its stored inputs (TABLE) or from the "
            + "accepted-records topic (TOPIC), from the start or from a time, while the stream keeps flowing")
    @APIResponse(responseCode = "202", description = "Started; follow the Location")
    public Response startBackfill(@PathParam("name") String name, BackfillRequest request) throws SQLException {
        int version = pipelines.current(name).version;
        BackfillService.Source source = source(request == null ? null : request.source());
        UUID id = backfills.start(name, version, source, request == null ? null : request.from());
        BackfillResponse started = PipelineMapper.toResponse(backfills.find(id).orElseThrow());
        return Response.accepted(started).location(URI.create("/api/pipelines/" + name + "/backfills/" + id))
                .build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @GET
    @Path("/{name}/backfills/{id}")
    @Operation(summary = "A backfill's progress")
    public BackfillResponse backfill(@PathParam("name") String name, @PathParam("id") UUID id) throws SQLException {
        return backfills.find(id).filter(b -> b.pipeline().equals(name)).map(PipelineMapper::toResponse)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                        "pipeline '" + name + "' has no backfill " + id));
    }

    private static BackfillService.Source source(String text) {
        if (text == null) {
            return BackfillService.Source.TABLE;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "TABLE" -> BackfillService.Source.TABLE;
            case "TOPIC" -> BackfillService.Source.TOPIC;
            default -> throw new ProblemException(Response.Status.BAD_REQUEST, "invalid backfill request",
                    List.of("source: '" + text + "' is not TABLE or TOPIC"));
        };
    }
}
