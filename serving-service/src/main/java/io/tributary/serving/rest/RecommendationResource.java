package io.tributary.serving.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.tributary.catalog.security.Roles;
import io.tributary.serving.api.RecommendationResponse;
import io.tributary.serving.mapping.RecommendationMapper;
import io.tributary.serving.recommend.RecommendationService;
import io.tributary.serving.service.Staleness;

@Path("/api/recommendations/{pipeline}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Products to recommend, item to item from the co-purchase counts")
@Blocking
public class RecommendationResource {

    private final RecommendationService recommendations;

    public RecommendationResource(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/customers/{customer}")
    @Operation(summary = "Products the customer has not bought, best first: the best sellers, lifted by how often "
            + "they are bought with what the customer buys")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; each one is named")
    @APIResponse(responseCode = "404", description = "The pipeline keeps no features")
    @APIResponse(responseCode = "503", description = "The features are older than maxStaleness allows")
    public RecommendationResponse forCustomer(@PathParam("pipeline") String pipeline,
            @PathParam("customer") String customer,
            @Parameter(description = "The customer's region, when known: a customer without history gets its best "
                    + "sellers, read from the aggregate's region dimension; otherwise the best sellers overall", example = "West") @QueryParam("region") String region,
            @Parameter(description = "How many products (default 20, at most 1000)", example = "10") @QueryParam("limit") String limit,
            @Parameter(description = "How old the data may be, an ISO-8601 duration", example = "PT30S") @QueryParam(Staleness.PARAMETER) String maxStaleness) {
        return RecommendationMapper.forCustomer(recommendations.forCustomer(pipeline, customer, region, limit,
                maxStaleness));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/products/{product}/similar")
    @Operation(summary = "The products most often bought together with this one, best first")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; each one is named")
    @APIResponse(responseCode = "404", description = "The pipeline keeps no features")
    @APIResponse(responseCode = "503", description = "The features are older than maxStaleness allows")
    public RecommendationResponse similar(@PathParam("pipeline") String pipeline,
            @PathParam("product") String product,
            @Parameter(description = "How many products (default 20, at most 1000)", example = "10") @QueryParam("limit") String limit,
            @Parameter(description = "How old the data may be, an ISO-8601 duration", example = "PT30S") @QueryParam(Staleness.PARAMETER) String maxStaleness) {
        return RecommendationMapper.similar(recommendations.similar(pipeline, product, limit, maxStaleness));
    }
}
