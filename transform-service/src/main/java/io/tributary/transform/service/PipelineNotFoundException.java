package io.tributary.transform.service;

public class PipelineNotFoundException extends RuntimeException {

    public PipelineNotFoundException(String name) {
        super("no pipeline named '" + name + "'; declare it with PUT /api/pipelines/" + name);
    }
}
