package io.tributary.ingestion.service;

import java.util.UUID;

public class UnknownBatchException extends RuntimeException {

    public UnknownBatchException(UUID id) {
        super("no batch " + id);
    }
}
