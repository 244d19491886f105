package io.tributary.ingestion.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

public record SourceResponse(String name, String dataset, String format, String timeZone, Map<String, String> options,
        Map<String, String> columnAliases, Map<String, String> formats, BigDecimal maxQuarantineShare,
        String dropFolder, String topic, boolean enabled, Instant createdAt, Instant updatedAt) {
}
