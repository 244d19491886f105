package io.tributary.transform.apply;

import java.nio.charset.StandardCharsets;

import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;

/**
 * An accepted record as the pipelines take it: the event, its data as JSON text (kept with the curated row, which is
 * computed again from it later) and that text's hash (which tells a repeat from a correction). The live consumer
 * prepares it on its polling thread, while the applier is still busy with the poll before.
 */
public record AcceptedRecord(RecordEvent event, String input, String hash) {

    public static AcceptedRecord of(RecordEvent event) {
        byte[] json = EventJson.write(event.data());
        return of(event, json);
    }

    /** An accepted record whose data's JSON text, as {@link EventJson} writes it, is at hand already. */
    public static AcceptedRecord of(RecordEvent event, byte[] json) {
        return new AcceptedRecord(event, new String(json, StandardCharsets.UTF_8), Hashes.sha256(json));
    }
}
