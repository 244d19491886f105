package io.tributary.catalog.contract;

import java.util.List;

/** A contract document that cannot be used, with every problem found, each naming where it is. */
public class ContractException extends RuntimeException {

    private final List<String> problems;

    public ContractException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
