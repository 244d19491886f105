package io.tributary.requirements.alert;

import java.time.Instant;
import java.util.UUID;

/** A webhook call owed to a stakeholder about an alert opening or resolving, and how it went. */
public record Delivery(long id, UUID alertId, String event, long stakeholderId, String url, String payload,
        int attempts, Instant nextAttemptAt, Instant deliveredAt, Instant failedAt, String lastError) {
}
