package io.tributary.ingestion.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.tributary.ingestion.api.BatchResponse;
import io.tributary.ingestion.api.QuarantinedRecordResponse;
import io.tributary.ingestion.mapping.IngestionMapper;
import io.tributary.ingestion.service.IntakeService;
import io.tributary.ingestion.service.QuarantineService;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "batches", description = "What became of each file, and the records held back")
@Blocking
public class BatchResource {

    private final IntakeService intake;
    private final QuarantineService quarantine;
    private final IngestionMapper mapper;

    public BatchResource(IntakeService intake, QuarantineService quarantine, IngestionMapper mapper) {
        this.intake = intake;
        this.quarantine = quarantine;
        this.mapper = mapper;
    }

    @GET
    @Path("/batches/{id}")
    @Operation(summary = "A batch's status and counts")
    public BatchResponse batch(@PathParam("id") UUID id) {
        return mapper.toResponse(intake.batch(id));
    }

    @GET
    @Path("/quarantine")
    @Operation(summary = "Quarantined records, filtered by dataset, batch and rule")
    public List<QuarantinedRecordResponse> quarantine(@QueryParam("dataset") String dataset,
            @QueryParam("batch") UUID batch, @QueryParam("rule") String rule,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        return quarantine.find(new QuarantineService.Query(dataset, batch, rule, page, size)).stream()
                .map(mapper::toResponse)
                .toList();
    }
}
