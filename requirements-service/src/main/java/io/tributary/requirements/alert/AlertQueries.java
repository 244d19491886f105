package io.tributary.requirements.alert;

import java.util.Locale;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.requirements.input.InputProblems;

/** The query parameters of the alert list and the alert id, read as text so that a bad one gets a clear answer. */
public final class AlertQueries {

    public record Filter(Boolean open, Long requirementId, int limit) {
    }

    private AlertQueries() {
    }

    public static Filter filter(String state, String requirement, String limit) {
        InputProblems problems = new InputProblems();
        Boolean open = null;
        if (state != null && !state.isBlank()) {
            switch (state.strip().toUpperCase(Locale.ROOT)) {
                case "OPEN" -> open = true;
                case "RESOLVED" -> open = false;
                default -> problems.add("query parameter 'state'", "'" + state + "' is not OPEN or RESOLVED");
            }
        }
        Long requirementId = number("requirement", requirement, problems, Long.MAX_VALUE);
        Long max = number("limit", limit, problems, 1_000);
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "a query parameter is not valid", problems.list());
        }
        return new Filter(open, requirementId, max == null ? 100 : max.intValue());
    }

    /** An alert id; one that is not a UUID names no alert. */
    public static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.NOT_FOUND, "no alert " + id);
        }
    }

    private static Long number(String name, String value, InputProblems problems, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("query parameter '" + name + "'", "'" + value + "' is not a whole number from 1 to " + max);
        return null;
    }
}
