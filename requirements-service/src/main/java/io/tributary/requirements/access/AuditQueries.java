package io.tributary.requirements.access;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.audit.AuditLog;
import io.tributary.catalog.problem.ProblemException;

/** The audit log's query parameters, read and checked together: every wrong one is named at once. */
public final class AuditQueries {

    public static final int MAX_LIMIT = 1000;

    private AuditQueries() {
    }

    public static AuditLog.Query query(String principal, String path, String from, String to, int limit) {
        List<String> problems = new ArrayList<>();
        Instant since = instant("from", from, problems);
        Instant until = instant("to", to, problems);
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add("query parameter 'limit': from 1 to " + MAX_LIMIT);
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid query parameters", problems);
        }
        return new AuditLog.Query(blankToNull(principal), blankToNull(path), since, until, limit);
    }

    private static Instant instant(String name, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add("query parameter '" + name + "': an instant such as 2026-01-31T12:00:00Z, not '" + value
                    + "'");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
