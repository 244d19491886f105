package io.tributary.transform.api;

import java.time.Instant;
import java.util.List;

/**
 * A stored version of a pipeline.
 *
 * @param kind FACT or REFERENCE
 * @param tables the curated tables it writes
 */
public record PipelineVersionResponse(String name, int version, String dataset, String kind, List<String> tables,
        Instant createdAt) {
}
