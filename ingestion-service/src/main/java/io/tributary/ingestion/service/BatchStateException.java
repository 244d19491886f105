package io.tributary.ingestion.service;

/** An action that the batch's current status does not allow. */
public class BatchStateException extends RuntimeException {

    public BatchStateException(String message) {
        super(message);
    }
}
