package io.tributary.requirements.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert about a requirement: open while its condition holds, resolved after.
 *
 * @param details what the alert says in fields: target, value, threshold, unit, stakeholders...
 */
public record Alert(UUID id, long requirementId, AlertKind kind, Severity severity, boolean open, String summary,
        Map<String, Object> details, Instant openedAt, Instant resolvedAt) {
}
