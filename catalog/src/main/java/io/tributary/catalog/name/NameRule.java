package io.tributary.catalog.name;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;

/**
 * What a name of one kind may be, and how a refused name is told: {@link DatasetName#RULE},
 * {@link PipelineName#RULE}, {@link SourceName#RULE}. Every service checks a name it is sent against the rule of its
 * kind, so that a name is held to the same rule wherever it arrives.
 *
 * @param kind the word for the kind, as in "'x' is not a {@code kind} name"
 * @param pattern what a whole name of the kind matches
 * @param rule the pattern in words
 */
public record NameRule(String kind, Pattern pattern, String rule) {

    public boolean accepts(String candidate) {
        return candidate != null && pattern.matcher(candidate).matches();
    }

    /** Why the candidate is refused: "'Sales!' is not a pipeline name: a lower-case letter, ... ([a-z]...)". */
    public String refusal(String candidate) {
        return (candidate == null ? "nothing" : "'" + candidate + "'") + " is not a " + kind + " name: " + rule + " ("
                + pattern + ")";
    }

    /**
     * Adds "where: refusal" to the problems unless the candidate is accepted.
     *
     * @param where where the name was found: a JSON path, a field, a parameter
     * @return whether the name is accepted
     */
    public boolean check(String where, String candidate, List<String> problems) {
        if (accepts(candidate)) {
            return true;
        }
        problems.add(where + ": " + refusal(candidate));
        return false;
    }

    /**
     * @param where where the name was sent, such as {@code path parameter 'dataset'}
     * @throws ProblemException 400 "invalid {@code kind} name", saying where and what a name may be
     */
    void require(String where, String candidate) {
        if (!accepts(candidate)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid " + kind + " name",
                    List.of(where + ": " + refusal(candidate)));
        }
    }
}
