package io.tributary.transform.pipeline;

import java.util.List;

/** A pipeline definition that cannot be used, with every problem found, each naming where it is. */
public class PipelineException extends RuntimeException {

    private final List<String> problems;

    public PipelineException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
