package io.tributary.requirements.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.requirements.input.InputProblems;

/**
 * The range and step of a history, read from query parameters: instants as ISO 8601 ({@code 2026-12-06T10:00:00Z}),
 * the step as an ISO 8601 duration or a number of seconds. By default the last hour, in about 120 steps, never finer
 * than the evaluation interval.
 */
public record HistoryQuery(Instant from, Instant to, Duration step) {

    static final int MAX_POINTS = 10_000;

    public static HistoryQuery of(String from, String to, String step, Instant now, Duration interval) {
        InputProblems problems = new InputProblems();
        Instant end = instant("to", to, problems, now);
        Instant start = instant("from", from, problems, end.minus(Duration.ofHours(1)));
        Duration stepLength = null;
        if (step != null && !step.isBlank()) {
            stepLength = duration(step.strip(), problems);
        }
        if (problems.isEmpty() && !start.isBefore(end)) {
            problems.add("query parameter 'from'", "must be before 'to' (" + end + "), found " + start);
        }
        if (problems.isEmpty()) {
            Duration span = Duration.between(start, end);
            if (stepLength == null) {
                stepLength = span.dividedBy(120);
                if (stepLength.compareTo(interval) < 0) {
                    stepLength = interval;
                }
                stepLength = Duration.ofSeconds(Math.max(1, stepLength.toSeconds()));
            } else if (span.dividedBy(stepLength) > MAX_POINTS) {
                problems.add("query parameter 'step'", "gives more than " + MAX_POINTS + " points over " + span
                        + "; choose a longer step");
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "a query parameter is not valid", problems.list());
        }
        return new HistoryQuery(start, end, stepLength);
    }

    private static Instant instant(String name, String value, InputProblems problems, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add("query parameter '" + name + "'", "'" + value + "' is not an instant such as "
                    + "2026-12-06T10:00:00Z");
            return fallback;
        }
    }

    private static Duration duration(String value, InputProblems problems) {
        Duration duration = null;
        try {
            duration = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            problems.add("query parameter 'step'", "'" + value + "' is not a duration such as PT1M or 60 (seconds)");
            return null;
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("query parameter 'step'", "must be at least 1 second, found " + duration);
            return null;
        }
        return duration;
    }
}
