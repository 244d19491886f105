package io.tributary.catalog.event;

import org.apache.kafka.common.serialization.Serializer;

/** Writes any event type with the one event JSON mapping. */
public class JsonEventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object event) {
        return event == null ? null : EventJson.write(event);
    }
}
