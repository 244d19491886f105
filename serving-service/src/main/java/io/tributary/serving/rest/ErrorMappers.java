package io.tributary.serving.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.tributary.catalog.api.ErrorResponse;
import io.tributary.serving.service.InvalidQueryException;
import io.tributary.serving.service.UnknownPipelineException;

/** Turns the service's exceptions, and the framework's own 4xx, into an {@link ErrorResponse}. */
public class ErrorMappers {

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> invalidQuery(InvalidQueryException e) {
        return RestResponse.status(Response.Status.BAD_REQUEST,
                new ErrorResponse("invalid query parameters", e.details()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unknownPipeline(UnknownPipelineException e) {
        return RestResponse.status(Response.Status.NOT_FOUND, new ErrorResponse(e.getMessage(), e.details()));
    }

    /** 404 for unknown paths, 405, 406... keep their status and get a JSON body. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.getStatus() >= 500 || response.hasEntity()) {
            return response;
        }
        String message = e.getMessage() != null ? e.getMessage() : response.getStatusInfo().getReasonPhrase();
        return Response.status(response.getStatus())
                .entity(ErrorResponse.of(message))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
