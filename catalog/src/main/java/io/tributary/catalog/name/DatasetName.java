package io.tributary.catalog.name;

import java.util.regex.Pattern;

/**
 * A dataset's name, as sources, contracts, pipelines and requirements name it. It is in the contract's path and may
 * become a table or topic name further down, so it is a PostgreSQL identifier: at most 63 characters.
 */
public record DatasetName(String value) {

    public static final NameRule RULE = new NameRule("dataset", Pattern.compile("[a-z][a-z0-9_]{0,62}"),
            "a lower-case letter, then up to 62 lower-case letters, digits or underscores");

    /** @throws IllegalArgumentException if the value breaks {@link #RULE}: use {@link #of} for a name sent */
    public DatasetName {
        if (!RULE.accepts(value)) {
            throw new IllegalArgumentException(RULE.refusal(value));
        }
    }

    /**
     * A name a caller sent.
     *
     * @param where where it was sent, such as {@code path parameter 'dataset'}
     * @throws io.tributary.catalog.problem.ProblemException 400, saying where and what a name may be
     */
    public static DatasetName of(String where, String candidate) {
        RULE.require(where, candidate);
        return new DatasetName(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
