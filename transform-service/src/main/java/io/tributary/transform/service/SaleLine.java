package io.tributary.transform.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One accepted order line, ready for the curated table. */
public record SaleLine(UUID recordId, String source, UUID batchId, LocalDate orderDate, String region,
        BigDecimal sales, String attributes, Instant acceptedAt) {
}
