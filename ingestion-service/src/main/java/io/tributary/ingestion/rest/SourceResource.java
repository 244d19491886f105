package io.tributary.ingestion.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.OwnSourceOnly;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.api.BatchResponse;
import io.tributary.ingestion.api.SourceResponse;
import io.tributary.ingestion.intake.EventIntakeService;
import io.tributary.ingestion.intake.IntakeService;
import io.tributary.ingestion.mapping.IngestionMapper;
import io.tributary.ingestion.source.SourceDefinition;
import io.tributary.ingestion.source.SourceService;

@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sources", description = "Where data comes from, and file intake")
@Blocking
public class SourceResource {

    static final String NDJSON = "application/x-ndjson";

    /** Names the earlier batch that already took an uploaded file's content. */
    static final String DUPLICATE_OF = "Tributary-Duplicate-Of";

    private final SourceService sources;
    private final IntakeService intake;
    private final EventIntakeService events;
    private final IngestionMapper mapper;

    public SourceResource(SourceService sources, IntakeService intake, EventIntakeService events,
            IngestionMapper mapper) {
        this.sources = sources;
        this.intake = intake;
        this.events = events;
        this.mapper = mapper;
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a source")
    public Response register(SourceDefinition definition) {
        if (definition == null) {
            throw noDefinition();
        }
        var source = sources.register(definition);
        return Response.created(URI.create("/api/sources/" + source.name)).entity(mapper.toResponse(source)).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER})
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a source's definition (its name stays)")
    public SourceResponse update(@PathParam("name") String name, SourceDefinition definition) {
        if (definition == null) {
            throw noDefinition();
        }
        return mapper.toResponse(sources.update(name, definition));
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER})
    @POST
    @Path("/{name}/disable")
    @Operation(summary = "Stop taking data from a source; its batches and quarantine stay")
    public SourceResponse disable(@PathParam("name") String name) {
        return mapper.toResponse(sources.setEnabled(name, false));
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER})
    @POST
    @Path("/{name}/enable")
    @Operation(summary = "Take data from a source again")
    public SourceResponse enable(@PathParam("name") String name) {
        return mapper.toResponse(sources.setEnabled(name, true));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @GET
    @Operation(summary = "List the sources")
    public List<SourceResponse> list() {
        return sources.list().stream().map(mapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @GET
    @Path("/{name}")
    @Operation(summary = "Show a source")
    public SourceResponse get(@PathParam("name") String name) {
        return mapper.toResponse(sources.get(name));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @GET
    @Path("/{name}/batches")
    @Operation(summary = "List a source's batches, newest first")
    public List<BatchResponse> batches(@PathParam("name") String name) {
        return intake.batches(name).stream().map(mapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER, Roles.PRODUCER})
    @OwnSourceOnly
    @POST
    @Path("/{name}/files")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a file; it is stored, then processed asynchronously as a batch. The same content "
            + "again answers 200 with the earlier batch, unless force=true. Any type of the source's format is taken "
            + "(text/csv, application/json, application/x-ndjson, ...), and octet-stream, text/plain and gzip (as the "
            + "type or Content-Encoding: gzip); 415 for a type of another format")
    public Response upload(@PathParam("name") String name, @QueryParam("fileName") String fileName,
            @QueryParam("force") @DefaultValue("false") boolean force,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding, InputStream body) {
        IntakeService.Intake intake = this.intake.receiveFile(name, fileName,
                new IntakeService.Upload(contentType, contentEncoding), body, force);
        BatchEntity batch = intake.batch();
        Response.ResponseBuilder response = intake.alreadyReceived()
                ? Response.ok().header(DUPLICATE_OF, batch.id)
                : Response.accepted();
        return response.entity(mapper.toResponse(batch)).location(URI.create("/api/batches/" + batch.id)).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.ENGINEER, Roles.PRODUCER})
    @OwnSourceOnly
    @POST
    @Path("/{name}/events")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(summary = "Push events (a JSON object, an array of them, or NDJSON); answers once every accepted event "
            + "is in Kafka; 202 when the batch is held for review or goes on under another holder (its Location "
            + "follows it); 503 with Retry-After when Kafka did not take them and nothing was acknowledged")
    public Response events(@PathParam("name") String name, InputStream body) {
        BatchEntity batch = events.receive(name, body);
        Response.Status status = switch (batch.status) {
            case COMPLETED -> Response.Status.OK;
            // held for review, or taken over by another holder that finishes it: the Location follows it
            case AWAITING_REVIEW, RECEIVED, PROCESSING -> Response.Status.ACCEPTED;
            default -> Response.Status.CONFLICT;
        };
        return Response.status(status).entity(mapper.toResponse(batch))
                .location(URI.create("/api/batches/" + batch.id)).build();
    }

    private static ProblemException noDefinition() {
        return new ProblemException(Response.Status.BAD_REQUEST, "invalid source definition",
                List.of("the body must be a source definition in JSON"));
    }
}
