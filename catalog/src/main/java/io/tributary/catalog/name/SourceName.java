package io.tributary.catalog.name;

import java.util.regex.Pattern;

/**
 * A source's name: it appears in paths ({@code /api/sources/pos-east/batches}) and lineage jobs
 * ({@code ingest.pos-east}), never in a table's name, so it may hold hyphens and be longer than a dataset's (the
 * catalog keeps 128 characters).
 */
public record SourceName(String value) {

    public static final NameRule RULE = new NameRule("source", Pattern.compile("[a-z0-9][a-z0-9_-]{0,127}"),
            "a lower-case letter or digit, then up to 127 lower-case letters, digits, underscores or hyphens");

    /** @throws IllegalArgumentException if the value breaks {@link #RULE}: use {@link #of} for a name sent */
    public SourceName {
        if (!RULE.accepts(value)) {
            throw new IllegalArgumentException(RULE.refusal(value));
        }
    }

    /**
     * A name a caller sent.
     *
     * @param where where it was sent, such as {@code $.name}
     * @throws io.tributary.catalog.problem.ProblemException 400, saying where and what a name may be
     */
    public static SourceName of(String where, String candidate) {
        RULE.require(where, candidate);
        return new SourceName(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
