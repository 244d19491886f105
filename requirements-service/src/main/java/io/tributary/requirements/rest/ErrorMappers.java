package io.tributary.requirements.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.tributary.catalog.api.ErrorResponse;
import io.tributary.catalog.contract.ContractException;
import io.tributary.requirements.service.ContractNotFoundException;
import io.tributary.requirements.service.InvalidRequestException;

/** Turns the service's exceptions, and the framework's own 4xx, into an {@link ErrorResponse}. */
public class ErrorMappers {

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> invalidContract(ContractException e) {
        return RestResponse.status(Response.Status.BAD_REQUEST,
                new ErrorResponse("the document is not a valid ODCS v3 data contract", e.problems()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> invalidRequest(InvalidRequestException e) {
        return RestResponse.status(Response.Status.BAD_REQUEST, new ErrorResponse(e.getMessage(), e.details()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> notFound(ContractNotFoundException e) {
        return RestResponse.status(Response.Status.NOT_FOUND, ErrorResponse.of(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> concurrentChange(ConstraintViolationException e) {
        return RestResponse.status(Response.Status.CONFLICT,
                ErrorResponse.of("the contract changed while this request was stored; send it again"));
    }

    /** 404 for unknown paths, 405, 406, 415... keep their status and get a JSON body. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.getStatus() >= 500 || response.hasEntity()) {
            return response;
        }
        return Response.status(response.getStatus())
                .entity(ErrorResponse.of(message(response, e)))
                .type("application/json")
                .build();
    }

    private static String message(Response response, WebApplicationException e) {
        return switch (response.getStatus()) {
            case 415 -> "unsupported Content-Type: send the contract as application/json, application/yaml,"
                    + " application/x-yaml or text/yaml";
            case 406 -> "cannot answer in the media type the Accept header asks for";
            default -> e.getMessage() != null ? e.getMessage() : response.getStatusInfo().getReasonPhrase();
        };
    }
}
