package io.tributary.ingestion.rest;

import java.util.List;

/** The body of every 4xx answer: what is wrong, and each detail naming where. */
public record ErrorResponse(String error, List<String> details) {

    public static ErrorResponse of(String error) {
        return new ErrorResponse(error, List.of());
    }
}
