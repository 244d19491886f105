package io.tributary.ingestion.messaging;

import org.apache.kafka.common.serialization.Serializer;

import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.event.RecordEventJson;

/** Writes record events as {@link EventJson} does, with a writer of its own for the per-record path. */
public class RecordEventSerializer implements Serializer<RecordEvent> {

    @Override
    public byte[] serialize(String topic, RecordEvent event) {
        return event == null ? null : RecordEventJson.write(event);
    }
}
