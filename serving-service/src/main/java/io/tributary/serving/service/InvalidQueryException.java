package io.tributary.serving.service;

import java.util.List;

/** Query parameters that cannot be answered; {@code details} names each parameter and what is wrong with it. */
public class InvalidQueryException extends RuntimeException {

    private final List<String> details;

    public InvalidQueryException(List<String> details) {
        super("invalid query parameters: " + String.join("; ", details));
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
