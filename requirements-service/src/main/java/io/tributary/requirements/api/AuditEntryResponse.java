package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One write of any service, as the audit log keeps it. */
public record AuditEntryResponse(long id, Instant at, String service, String principal, List<String> roles,
        String method, String path, String operation, int status, String remote, JsonNode before, JsonNode after) {
}
