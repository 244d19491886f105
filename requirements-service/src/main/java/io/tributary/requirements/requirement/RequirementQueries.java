package io.tributary.requirements.requirement;

import java.util.Arrays;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.requirements.confirmation.State;
import io.tributary.requirements.input.InputProblems;

/** Query parameters of the requirement list, read as text so that a bad one gets a 400 naming it. */
public final class RequirementQueries {

    private RequirementQueries() {
    }

    public static RequirementFilter filter(String goal, String stakeholder, String state, String level) {
        InputProblems problems = new InputProblems();
        RequirementFilter filter = new RequirementFilter(id("goal", goal, problems),
                id("stakeholder", stakeholder, problems), constant("state", state, State.class, problems),
                constant("level", level, Level.class, problems));
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "a query parameter is not valid", problems.list());
        }
        return filter;
    }

    private static Long id(String name, String value, InputProblems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("query parameter '" + name + "'", "'" + value + "' is not a positive whole number");
        return null;
    }

    private static <E extends Enum<E>> E constant(String name, String value, Class<E> type, InputProblems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("query parameter '" + name + "'", "'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
