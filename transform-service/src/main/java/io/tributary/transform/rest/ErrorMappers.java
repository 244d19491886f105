package io.tributary.transform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.tributary.catalog.api.ErrorResponse;
import io.tributary.transform.pipeline.PipelineException;
import io.tributary.transform.service.PipelineConflictException;
import io.tributary.transform.service.PipelineNotFoundException;

/** Turns the service's exceptions, and the framework's own 4xx, into an {@link ErrorResponse}. */
public class ErrorMappers {

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> invalidPipeline(PipelineException e) {
        return RestResponse.status(Response.Status.BAD_REQUEST,
                new ErrorResponse("the pipeline cannot be used as declared", e.problems()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> conflict(PipelineConflictException e) {
        return RestResponse.status(Response.Status.CONFLICT,
                new ErrorResponse("the pipeline version contradicts what is stored", e.problems()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> notFound(PipelineNotFoundException e) {
        return RestResponse.status(Response.Status.NOT_FOUND, ErrorResponse.of(e.getMessage()));
    }

    /** 404 for unknown paths, 405, 406, 415, unreadable JSON... keep their status and get a JSON body. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.getStatus() >= 500 || response.hasEntity()) {
            return response;
        }
        String message = response.getStatus() == 415
                ? "unsupported Content-Type: send the pipeline as application/json or application/yaml"
                : e.getMessage() != null ? e.getMessage() : response.getStatusInfo().getReasonPhrase();
        return Response.status(response.getStatus()).entity(ErrorResponse.of(message)).type("application/json")
                .build();
    }
}
