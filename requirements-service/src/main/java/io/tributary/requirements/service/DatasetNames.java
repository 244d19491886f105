package io.tributary.requirements.service;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;

/** The names a dataset may have: they become table and topic names further down the pipeline. */
public final class DatasetNames {

    public static final String PATTERN = "^[a-z][a-z0-9_]{0,62}$";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private DatasetNames() {
    }

    public static void check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid dataset name",
                    List.of("path parameter 'dataset': '" + name + "' does not match " + PATTERN
                            + " (a lower-case letter, then up to 62 lower-case letters, digits or underscores)"));
        }
    }
}
