package io.tributary.transform.service;

import io.tributary.transform.apply.BacklogBuild;

/**
 * A new version of a pipeline was stored; fired inside the transaction that stored it.
 *
 * @param backlog the records handed to a backlog build with it; null when none were
 */
public record PipelineChanged(String name, int version, BacklogBuild.Plan backlog) {
}
