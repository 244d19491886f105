package io.tributary.ingestion.service;

import java.util.List;

/** A request that cannot be carried out as sent, with each problem naming the field concerned. */
public class InvalidRequestException extends RuntimeException {

    private final List<String> problems;

    public InvalidRequestException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
