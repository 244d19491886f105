package io.tributary.requirements.input;

import java.util.ArrayList;
import java.util.List;

/** Every problem found in one request body, each as {@code <JSON path>: <what is wrong>}, in the order found. */
public final class InputProblems {

    private final List<String> problems = new ArrayList<>();

    public void add(String path, String message) {
        problems.add(path + ": " + message);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }
}
