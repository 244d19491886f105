package io.tributary.catalog.event;

import org.apache.kafka.common.serialization.Deserializer;

public class RecordEventDeserializer implements Deserializer<RecordEvent> {

    @Override
    public RecordEvent deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.read(data, RecordEvent.class);
    }
}
