package io.tributary.catalog.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something an operator must look at, in the CloudEvents 1.0 structured JSON format.
 *
 * @param subject what the alert is about, e.g. a batch id
 * @param data the details: for a held batch its source, dataset and reason
 */
public record AlertEvent(String specversion, UUID id, String source, String type, String subject, Instant time,
        String datacontenttype, Map<String, Object> data) {

    public static final String BATCH_HELD_TYPE = "io.tributary.alert.batch-held.v1";
    /** A requirement's objective is violated, its error budget burns too fast, or a change reopened it. */
    public static final String REQUIREMENT_OPENED_TYPE = "io.tributary.alert.requirement-opened.v1";
    /** The condition of an earlier {@link #REQUIREMENT_OPENED_TYPE} alert holds no longer. */
    public static final String REQUIREMENT_RESOLVED_TYPE = "io.tributary.alert.requirement-resolved.v1";

    public static AlertEvent batchHeld(String service, UUID batch, Map<String, Object> details) {
        return new AlertEvent(RecordEvent.SPEC_VERSION, UUID.randomUUID(), "/tributary/" + service, BATCH_HELD_TYPE,
                batch.toString(), Instant.now(), "application/json", details);
    }

    /**
     * An alert about a requirement opening or resolving; the subject is the requirement's path, the data carries the
     * alert's own id, so that the opening and the resolution of one alert can be paired.
     */
    public static AlertEvent requirement(String service, boolean opened, long requirementId, Instant time,
            Map<String, Object> details) {
        return new AlertEvent(RecordEvent.SPEC_VERSION, UUID.randomUUID(), "/tributary/" + service,
                opened ? REQUIREMENT_OPENED_TYPE : REQUIREMENT_RESOLVED_TYPE, "/api/requirements/" + requirementId,
                time, "application/json", details);
    }
}
