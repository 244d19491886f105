package io.tributary.requirements.service;

import java.util.List;

/** A request that cannot be served as asked; {@code details} says what is wrong and where. */
public class InvalidRequestException extends RuntimeException {

    private final List<String> details;

    public InvalidRequestException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
