package io.tributary.transform.service;

import java.util.Map;

/**
 * A paused pipeline runs again: its records from these offsets of {@code topic} are to be applied (a backfill from the
 * topic, started once the transaction that ended the pause commits).
 */
public record PipelineResumed(String name, int version, String topic, Map<Integer, Long> from) {
}
