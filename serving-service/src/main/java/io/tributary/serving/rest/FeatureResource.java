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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.tributary.catalog.security.Roles;
import io.tributary.serving.api.CoPurchaseResponse;
import io.tributary.serving.api.PurchaseHistoryResponse;
import io.tributary.serving.mapping.FeatureMapper;
import io.tributary.serving.service.FeatureService;
import io.tributary.serving.service.Staleness;
import io.tributary.serving.training.TrainingSetFormat;
import io.tributary.serving.training.TrainingSetService;

@Path("/api/features/{pipeline}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Features", description = "The recommender's features, updated as order lines arrive")
@Blocking
public class FeatureResource {

    private final FeatureService features;
    private final TrainingSetService trainingSets;

    public FeatureResource(FeatureService features, TrainingSetService trainingSets) {
        this.features = features;
        this.trainingSets = trainingSets;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/customers/{customer}/purchases")
    @Operation(summary = "What a customer bought, most ordered first")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; each one is named")
    @APIResponse(responseCode = "404", description = "The pipeline keeps no features")
    @APIResponse(responseCode = "503", description = "The features are older than maxStaleness allows")
    public PurchaseHistoryResponse purchases(@PathParam("pipeline") String pipeline,
            @PathParam("customer") String customer, @QueryParam("limit") String limit,
            @Parameter(description = "How old the data may be, an ISO-8601 duration", example = "PT30S") @QueryParam(Staleness.PARAMETER) String maxStaleness) {
        return FeatureMapper.toResponse(features.purchases(pipeline, customer, limit, maxStaleness));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/products/{product}/co-purchases")
    @Operation(summary = "The products most often in the same order as this one")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; each one is named")
    @APIResponse(responseCode = "404", description = "The pipeline keeps no features")
    @APIResponse(responseCode = "503", description = "The features are older than maxStaleness allows")
    public CoPurchaseResponse boughtWith(@PathParam("pipeline") String pipeline,
            @PathParam("product") String product, @QueryParam("limit") String limit,
            @Parameter(description = "How old the data may be, an ISO-8601 duration", example = "PT30S") @QueryParam(Staleness.PARAMETER) String maxStaleness) {
        return FeatureMapper.toResponse(features.boughtWith(pipeline, product, limit, maxStaleness));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/training-set")
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "Each order line of a period with the customer's and the product's features as they were "
            + "just before that order, streamed as NDJSON (the default) or CSV")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; each one is named")
    @APIResponse(responseCode = "404", description = "The pipeline keeps no order lines to train on")
    public Response trainingSet(@PathParam("pipeline") String pipeline,
            @Parameter(description = "First order time included: an ISO-8601 date (UTC) or date-time", example = "2016-01-01") @QueryParam("from") String from,
            @Parameter(description = "First order time excluded", example = "2017-01-01") @QueryParam("to") String to,
            @Parameter(description = "csv or ndjson, ahead of the Accept header") @QueryParam(TrainingSetFormat.PARAMETER) String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TrainingSetService.TrainingSet set = trainingSets.trainingSet(pipeline, from, to, format, accept);
        StreamingOutput rows = out -> trainingSets.write(set, out);
        return Response.ok(rows, set.format().mediaType()).build();
    }
}
