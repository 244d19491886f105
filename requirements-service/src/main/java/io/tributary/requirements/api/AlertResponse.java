package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An alert about a requirement, with the webhook deliveries owed for it. */
public record AlertResponse(String id, long requirementId, String kind, String severity, String state, String summary,
        Map<String, Object> details, Instant openedAt, Instant resolvedAt, List<DeliveryResponse> deliveries) {

    public record DeliveryResponse(String event, long stakeholderId, String url, int attempts, Instant deliveredAt,
            Instant failedAt, String lastError) {
    }
}
