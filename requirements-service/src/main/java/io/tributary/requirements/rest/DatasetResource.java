package io.tributary.requirements.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tributary.catalog.security.Roles;
import io.tributary.requirements.api.DatasetRequirementResponse;
import io.tributary.requirements.mapping.TraceMapper;
import io.tributary.requirements.trace.TraceService;

@Path("/api/datasets")
@Tag(name = "Traceability", description = "From a dataset to the requirements on it")
public class DatasetResource {

    private final TraceService traces;

    public DatasetResource(TraceService traces) {
        this.traces = traces;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/{name}/requirements")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The requirements on a dataset, its sources, pipelines and serving queries, or carried by its "
            + "contract, with their live state")
    @APIResponse(responseCode = "400", description = "Not a dataset name")
    public List<DatasetRequirementResponse> requirements(@PathParam("name") String name) {
        return traces.ofDataset(name).stream().map(TraceMapper::toResponse).toList();
    }
}
