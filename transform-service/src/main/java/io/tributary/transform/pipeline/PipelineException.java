package io.tributary.transform.pipeline;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;

/** A pipeline definition that cannot be used, with every problem found, each naming where it is. */
public class PipelineException extends ProblemException {

    public PipelineException(List<String> problems) {
        super(Response.Status.BAD_REQUEST, "the pipeline cannot be used as declared", problems);
    }
}
