package io.tributary.ingestion.service;

public class SourceDisabledException extends RuntimeException {

    public SourceDisabledException(String name) {
        super("source '" + name + "' is disabled: enable it with POST /api/sources/" + name + "/enable");
    }
}
