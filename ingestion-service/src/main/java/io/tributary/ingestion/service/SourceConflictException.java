package io.tributary.ingestion.service;

public class SourceConflictException extends RuntimeException {

    public SourceConflictException(String name) {
        super("a source named '" + name + "' already exists");
    }
}
