package io.tributary.serving.service;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;

/**
 * How old the data behind an answer may be: a request's {@code maxStaleness} (an ISO-8601 duration such as
 * {@code PT30S}) against the pipeline's watermark. Data older than asked is refused with 503, so that a dashboard never
 * shows stale numbers as if they were current.
 */
public final class Staleness {

    /** The query parameter that bounds the data's age. */
    public static final String PARAMETER = "maxStaleness";
    /** A client asked to wait longer than this would rather be told to come back sooner. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

    private Staleness() {
    }

    /**
     * The bound a request sets: null when the parameter is absent; a problem naming the parameter when it is not a
     * positive ISO-8601 duration.
     */
    public static Duration parse(String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            Duration bound = Duration.parse(value.strip());
            if (!bound.isNegative() && !bound.isZero()) {
                return bound;
            }
        } catch (DateTimeParseException e) {
            // reported below, like a duration that is not positive
        }
        problems.add("query parameter '" + PARAMETER + "': '" + value
                + "' is not a positive ISO-8601 duration such as PT30S or PT5M");
        return null;
    }

    /** Whether data current as of {@code currentAsOf} is within {@code maxStaleness} (never when either is absent). */
    public static boolean within(Duration maxStaleness, Instant currentAsOf, Instant now) {
        return maxStaleness != null && currentAsOf != null
                && Duration.between(currentAsOf, now).truncatedTo(ChronoUnit.MILLIS).compareTo(maxStaleness) <= 0;
    }

    /**
     * Refuses data older than the bound.
     *
     * @param maxStaleness the bound, or null for none
     * @param currentAsOf the newest input the data reflects, or null when the pipeline never wrote any
     * @param now the time of the request
     * @throws ProblemException 503 with Retry-After, saying how current the data is
     */
    public static void require(String pipeline, Duration maxStaleness, Instant currentAsOf, Instant now) {
        if (maxStaleness == null) {
            return;
        }
        if (currentAsOf == null) {
            throw stale(pipeline + " has no data yet", List.of("query parameter '" + PARAMETER
                    + "': the pipeline has never written data, so none is within " + maxStaleness), maxStaleness);
        }
        Duration age = Duration.between(currentAsOf, now).truncatedTo(ChronoUnit.MILLIS);
        if (age.compareTo(maxStaleness) > 0) {
            throw stale("the data of " + pipeline + " is current as of " + currentAsOf + ", older than the "
                    + maxStaleness + " asked for",
                    List.of("query parameter '" + PARAMETER + "': the data is " + age + " old (current as of "
                            + currentAsOf + "), more than " + maxStaleness),
                    maxStaleness);
        }
    }

    /**
     * When to ask again, in whole seconds: after as long as the bound allows, since that is about how often data must
     * arrive to meet it; at least a second and at most {@link #MAX_RETRY_AFTER}.
     */
    static long retryAfterSeconds(Duration maxStaleness) {
        Duration wait = maxStaleness.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : maxStaleness;
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static ProblemException stale(String detail, List<String> problems, Duration maxStaleness) {
        return new ProblemException(Response.Status.SERVICE_UNAVAILABLE, detail, problems)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(maxStaleness));
    }
}
