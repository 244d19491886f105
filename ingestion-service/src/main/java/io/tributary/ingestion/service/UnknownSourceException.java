package io.tributary.ingestion.service;

public class UnknownSourceException extends RuntimeException {

    public UnknownSourceException(String name) {
        super("no source named '" + name + "'");
    }
}
