package io.tributary.ingestion.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.tributary.catalog.api.ErrorResponse;
import io.tributary.ingestion.service.BatchStateException;
import io.tributary.ingestion.service.InvalidRequestException;
import io.tributary.ingestion.service.KafkaUnavailableException;
import io.tributary.ingestion.service.SourceConflictException;
import io.tributary.ingestion.service.SourceDisabledException;
import io.tributary.ingestion.service.UnknownBatchException;
import io.tributary.ingestion.service.UnknownSourceException;
import io.tributary.ingestion.service.UnsupportedUploadTypeException;

public class ExceptionMappers {

    @ServerExceptionMapper
    public Response unknownSource(UnknownSourceException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownBatch(UnknownBatchException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(SourceConflictException e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response disabled(SourceDisabledException e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response batchState(BatchStateException e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new ErrorResponse("invalid request", e.problems()))
                .build();
    }

    @ServerExceptionMapper
    public Response unsupportedUploadType(UnsupportedUploadTypeException e) {
        return error(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    /** Nothing of the call was acknowledged; the caller sends it again after Retry-After (in seconds). */
    @ServerExceptionMapper
    public Response kafkaUnavailable(KafkaUnavailableException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .location(URI.create("/api/batches/" + e.batchId()))
                .entity(new ErrorResponse(e.getMessage(), List.of("batch " + e.batchId()
                        + " recorded the call and was set aside as FAILED; retry after " + seconds + " s")))
                .build();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(ErrorResponse.of(message)).build();
    }
}
