package io.tributary.catalog.contract;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;

/** A contract document that cannot be used, with every problem found, each naming where it is. */
public class ContractException extends ProblemException {

    public ContractException(List<String> problems) {
        super(Response.Status.BAD_REQUEST, "the document is not a valid ODCS v3 data contract", problems);
    }
}
