package io.tributary.ingestion.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.api.BatchResponse;
import io.tributary.ingestion.api.QuarantinedRecordResponse;
import io.tributary.ingestion.intake.IntakeService;
import io.tributary.ingestion.mapping.IngestionMapper;
import io.tributary.ingestion.quarantine.QuarantineMasking;
import io.tributary.ingestion.quarantine.QuarantineReplayService;
import io.tributary.ingestion.quarantine.QuarantineService;
import io.tributary.ingestion.review.ReviewService;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "batches", description = "What became of each file, and the records held back")
@Blocking
public class BatchResource {

    private final IntakeService intake;
    private final QuarantineService quarantine;
    private final ReviewService review;
    private final QuarantineReplayService replay;
    private final IngestionMapper mapper;
    private final QuarantineMasking masking;

    public BatchResource(IntakeService intake, QuarantineService quarantine, ReviewService review,
            QuarantineReplayService replay, IngestionMapper mapper, QuarantineMasking masking) {
        this.intake = intake;
        this.quarantine = quarantine;
        this.review = review;
        this.replay = replay;
        this.mapper = mapper;
        this.masking = masking;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @GET
    @Path("/batches/{id}")
    @Operation(summary = "A batch's status and counts")
    public BatchResponse batch(@PathParam("id") UUID id) {
        return mapper.toResponse(intake.batch(id));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @POST
    @Path("/batches/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide about a batch held for review: accept-suggestion, map, replay, release or reject")
    public Response review(@PathParam("id") UUID id, ReviewService.Decision decision) {
        BatchEntity batch = review.decide(id, decision);
        return Response.accepted(mapper.toResponse(batch)).location(URI.create("/api/batches/" + id)).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER})
    @POST
    @Path("/quarantine/replay")
    @Operation(summary = "Check quarantined records again against the current contract and mapping; those that pass "
            + "are published and leave the quarantine")
    public QuarantineReplayService.Outcome replay(@QueryParam("batch") UUID batch, @QueryParam("dataset") String dataset,
            @QueryParam("rule") String rule, @QueryParam("limit") @DefaultValue("10000") int limit)
            throws InterruptedException {
        return replay.replay(new QuarantineReplayService.Filter(batch, dataset, rule, limit));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/quarantine")
    @Operation(summary = "Quarantined records, filtered by dataset, batch and rule; personal values masked for roles "
            + "that may not see them")
    public List<QuarantinedRecordResponse> quarantine(@QueryParam("dataset") String dataset,
            @QueryParam("batch") UUID batch, @QueryParam("rule") String rule,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        return masking.forCaller(quarantine.find(new QuarantineService.Query(dataset, batch, rule, page, size))
                .stream()
                .map(mapper::toResponse)
                .toList());
    }
}
