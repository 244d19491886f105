package io.tributary.ingestion.rest;

import java.util.List;

/** The body of every error answer (4xx, and 503 while Kafka is unavailable): what is wrong, and each detail. */
public record ErrorResponse(String error, List<String> details) {

    public static ErrorResponse of(String error) {
        return new ErrorResponse(error, List.of());
    }
}
