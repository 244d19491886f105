package io.tributary.transform.api;

import java.time.Instant;
import java.util.List;

/**
 * A pipeline as it stands: where it reads, what it writes, and how far it has got.
 *
 * @param lines order lines reflected in the aggregate
 * @param currentAsOf acceptance time of the newest record reflected, null before the first
 */
public record PipelineStatus(String name, String dataset, String input, List<String> outputs, long lines,
        Instant currentAsOf) {
}
