package io.tributary.requirements.lineage;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;
import io.tributary.catalog.security.Roles;

@Path("/api/lineage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lineage", description = "OpenLineage run events of every job of the platform: what each run read and wrote")
@Blocking
public class LineageResource {

    private final LineageService lineage;

    public LineageResource(LineageService lineage) {
        this.lineage = lineage;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Operation(summary = "OpenLineage run events, newest first, filtered by job, run and dataset")
    public List<JsonNode> events(
            @Parameter(description = "Job name, such as ingest.<source> or transform.<pipeline>") @QueryParam("job") String job,
            @Parameter(description = "Job namespace") @QueryParam("jobNamespace") String jobNamespace,
            @Parameter(description = "Run id: a batch's, a pipeline version's or a backfill's") @QueryParam("run") String run,
            @Parameter(description = "Events that read or wrote a dataset of this name") @QueryParam("dataset") String dataset,
            @Parameter(description = "With dataset: the dataset's namespace") @QueryParam("namespace") String namespace,
            @Parameter(description = "With dataset: input or output") @QueryParam("role") String role,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return lineage.find(new LineageService.Request(jobNamespace, job, run, namespace, dataset, role, limit));
    }
}
