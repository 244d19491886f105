package io.tributary.ingestion.service;

/** An upload whose Content-Type (or Content-Encoding) says the body is not of the source's format. */
public class UnsupportedUploadTypeException extends RuntimeException {

    public UnsupportedUploadTypeException(String reason) {
        super(reason);
    }
}
