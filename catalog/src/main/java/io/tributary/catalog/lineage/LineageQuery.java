package io.tributary.catalog.lineage;

import java.util.UUID;

/**
 * Which stored run events to find; a null member does not filter.
 *
 * @param datasetName events that read or wrote a dataset of this name
 * @param datasetNamespace with {@code datasetName}: only in this namespace
 * @param role with {@code datasetName}: only as input, or only as output
 * @param limit at most this many events, newest first
 */
public record LineageQuery(String jobNamespace, String jobName, UUID runId, String datasetNamespace,
        String datasetName, LineageDatasetRef.Role role, int limit) {

    public static final int MAX_LIMIT = 1000;

    public LineageQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
