package io.tributary.ingestion.api;

import java.time.Instant;
import java.util.Map;

public record SourceResponse(String name, String dataset, String format, String timeZone, Map<String, String> options,
        boolean enabled, Instant createdAt) {
}
