package io.tributary.requirements.errors;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.api.ErrorResponse;
import io.tributary.requirements.service.InvalidRequestException;

/**
 * The one place the requirements, SLO and alert services turn a refusal into an exception: a bad request (400, every
 * problem with its JSON path), an unknown id (404), a step not allowed now (409).
 */
public final class Failures {

    private Failures() {
    }

    public static RuntimeException invalid(String title, List<String> problems) {
        return new InvalidRequestException(title, problems);
    }

    public static RuntimeException notFound(String message) {
        return status(Response.Status.NOT_FOUND, message, List.of());
    }

    public static RuntimeException conflict(String message, List<String> details) {
        return status(Response.Status.CONFLICT, message, details);
    }

    private static RuntimeException status(Response.Status status, String message, List<String> details) {
        return new WebApplicationException(message, Response.status(status)
                .entity(new ErrorResponse(message, details))
                .type(MediaType.APPLICATION_JSON)
                .build());
    }
}
