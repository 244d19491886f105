package io.tributary.transform.service;

import java.util.List;

/** A pipeline version that contradicts what its tables already hold. */
public class PipelineConflictException extends RuntimeException {

    private final List<String> problems;

    public PipelineConflictException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
