package io.tributary.requirements.rest;

import java.util.List;

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

import io.tributary.catalog.security.Roles;
import io.tributary.requirements.alert.AlertQueries;
import io.tributary.requirements.alert.AlertService;
import io.tributary.requirements.api.AlertResponse;
import io.tributary.requirements.mapping.SloMapper;

@Path("/api/alerts")
@Tag(name = "Alerts", description = "Violated objectives, fast budget burns and reopened requirements")
public class AlertResource {

    private final AlertService alerts;

    public AlertResource(AlertService alerts) {
        this.alerts = alerts;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Alerts, newest first")
    @APIResponse(responseCode = "400", description = "A filter is not valid; each one is named")
    public List<AlertResponse> list(
            @Parameter(description = "OPEN or RESOLVED") @QueryParam("state") String state,
            @Parameter(description = "Requirement id") @QueryParam("requirement") String requirement,
            @Parameter(description = "At most this many (default 100, at most 1000)") @QueryParam("limit") String limit) {
        AlertQueries.Filter filter = AlertQueries.filter(state, requirement, limit);
        return alerts.list(filter.open(), filter.requirementId(), filter.limit()).stream()
                .map(alert -> SloMapper.toResponse(alert, alerts.deliveries(alert.id()))).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST})
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One alert, with its webhook deliveries")
    @APIResponse(responseCode = "404", description = "No such alert")
    public AlertResponse get(@PathParam("id") String id) {
        var alert = alerts.get(AlertQueries.id(id));
        return SloMapper.toResponse(alert, alerts.deliveries(alert.id()));
    }
}
