package io.tributary.catalog.event;

import org.apache.kafka.common.serialization.Serializer;

public class RecordEventSerializer implements Serializer<RecordEvent> {

    @Override
    public byte[] serialize(String topic, RecordEvent event) {
        return event == null ? null : EventJson.write(event);
    }
}
