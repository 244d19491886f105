package io.tributary.requirements.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
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

import io.tributary.catalog.document.DocumentFormat;
import io.tributary.catalog.document.Stored;
import io.tributary.catalog.entity.ContractVersionEntity;
import io.tributary.catalog.security.Roles;
import io.tributary.requirements.api.ContractVersionResponse;
import io.tributary.requirements.mapping.ContractVersionMapper;
import io.tributary.requirements.service.ContractService;

@Path("/api/contracts")
@Tag(name = "Contracts", description = "ODCS v3 data contracts per dataset, with every version kept")
public class ContractResource {

    /** Response header carrying the catalog version of the document in the body. */
    public static final String VERSION_HEADER = "Tributary-Contract-Version";

    private final ContractService contracts;

    public ContractResource(ContractService contracts) {
        this.contracts = contracts;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the datasets that have a contract, each with its current version")
    public List<ContractVersionResponse> list() {
        return contracts.currentVersions().stream().map(ContractVersionMapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD})
    @PUT
    @Path("/{dataset}")
    @Consumes({MediaType.APPLICATION_JSON, DocumentFormat.APPLICATION_YAML, DocumentFormat.APPLICATION_X_YAML,
            DocumentFormat.TEXT_YAML})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a dataset's ODCS contract (YAML or JSON); stores a new version unless unchanged")
    @APIResponse(responseCode = "201", description = "Stored as a new version")
    @APIResponse(responseCode = "200", description = "The same document as the current version; nothing stored")
    @APIResponse(responseCode = "400", description = "Not a valid contract; every problem is listed with its place")
    public Response put(@PathParam("dataset") String dataset, @Context HttpHeaders headers, String body) {
        MediaType contentType = headers.getMediaType();
        if (contentType == null) {
            throw new NotSupportedException();
        }
        Stored<ContractVersionEntity> stored = contracts.put(dataset, body,
                contentType.getType() + "/" + contentType.getSubtype());
        ContractVersionResponse response = ContractVersionMapper.toResponse(stored.version());
        if (!stored.created()) {
            return Response.ok(response).build();
        }
        return Response.created(URI.create("/api/contracts/" + dataset + "/versions/" + response.version()))
                .entity(response)
                .build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/{dataset}")
    @Produces({MediaType.APPLICATION_JSON, DocumentFormat.APPLICATION_YAML, DocumentFormat.APPLICATION_X_YAML,
            DocumentFormat.TEXT_YAML})
    @Operation(summary = "The dataset's current contract document (JSON, or YAML when asked for), as it was sent when "
            + "it was sent in the syntax asked for")
    @APIResponse(responseCode = "404", description = "The dataset has no contract")
    public Response current(@PathParam("dataset") String dataset, @Context HttpHeaders headers) {
        return document(contracts.current(dataset), headers);
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/{dataset}/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every stored version of the dataset's contract, oldest first")
    public List<ContractVersionResponse> versions(@PathParam("dataset") String dataset) {
        return contracts.versions(dataset).stream().map(ContractVersionMapper::toResponse).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/{dataset}/versions/{version}")
    @Produces({MediaType.APPLICATION_JSON, DocumentFormat.APPLICATION_YAML, DocumentFormat.APPLICATION_X_YAML,
            DocumentFormat.TEXT_YAML})
    @Operation(summary = "One stored version of the dataset's contract document")
    public Response version(@PathParam("dataset") String dataset, @PathParam("version") int version,
            @Context HttpHeaders headers) {
        return document(contracts.version(dataset, version), headers);
    }

    private static Response document(ContractVersionEntity version, HttpHeaders headers) {
        MediaType type = ContractFormat.negotiate(headers.getAcceptableMediaTypes());
        return Response.ok(ContractFormat.render(version, type), type)
                .header(VERSION_HEADER, version.version)
                .build();
    }
}
