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

    public static AlertEvent batchHeld(String service, UUID batch, Map<String, Object> details) {
        return new AlertEvent(RecordEvent.SPEC_VERSION, UUID.randomUUID(), "/tributary/" + service, BATCH_HELD_TYPE,
                batch.toString(), Instant.now(), "application/json", details);
    }
}
