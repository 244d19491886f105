package io.tributary.serving.service;

import java.util.List;

/** The path names no pipeline with an aggregate; {@code details} says why and which pipelines have one. */
public class UnknownPipelineException extends RuntimeException {

    private final List<String> details;

    public UnknownPipelineException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
