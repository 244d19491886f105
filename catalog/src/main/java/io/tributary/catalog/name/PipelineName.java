package io.tributary.catalog.name;

import java.util.regex.Pattern;

/**
 * A pipeline's name. It names the pipeline's tables, each its name and a suffix ({@code _agg},
 * {@code _co_purchases}), its aggregate's freshness key and its serving paths, so it is shorter than a dataset's:
 * at most 48 characters.
 */
public record PipelineName(String value) {

    public static final NameRule RULE = new NameRule("pipeline", Pattern.compile("[a-z][a-z0-9_]{0,47}"),
            "a lower-case letter, then up to 47 lower-case letters, digits or underscores");

    /** @throws IllegalArgumentException if the value breaks {@link #RULE}: use {@link #of} for a name sent */
    public PipelineName {
        if (!RULE.accepts(value)) {
            throw new IllegalArgumentException(RULE.refusal(value));
        }
    }

    /**
     * A name a caller sent.
     *
     * @param where where it was sent, such as {@code path parameter 'pipeline'}
     * @throws io.tributary.catalog.problem.ProblemException 400, saying where and what a name may be
     */
    public static PipelineName of(String where, String candidate) {
        RULE.require(where, candidate);
        return new PipelineName(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
