package io.tributary.catalog.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One write a service answered, as the audit log keeps it (decision 0027).
 *
 * @param id its place in the log, 0 before it is stored
 * @param service the service that answered, such as {@code ingestion-service}
 * @param principal who: a user's name, {@code key:<id>} for an API key, or {@code anonymous}
 * @param roles the roles the caller had
 * @param operation the resource method, as {@code Class#method}
 * @param status the HTTP status of the answer
 * @param remote from where: the peer's address, and the addresses a proxy says it forwarded for
 * @param before the state before the write, where the operation gives it; else null
 * @param after the answer, where it is a state and holds no secret; else null
 */
public record AuditEntry(long id, Instant at, String service, String principal, List<String> roles, String method,
        String path, String operation, int status, String remote, JsonNode before, JsonNode after) {

    public AuditEntry {
        roles = List.copyOf(roles);
    }
}
