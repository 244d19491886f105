package io.tributary.transform.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.tributary.catalog.event.Channels;
import io.tributary.transform.registry.ReadDatasets;

class AcceptedRecordsClientConfigTest {

    private final ReadDatasets read = new ReadDatasets();
    private final AcceptedRecordsClientConfig config = new AcceptedRecordsClientConfig(read);

    @Test
    void handsTheAcceptedRecordsDeserializerTheDatasetsThePipelinesRead() {
        read.publish(Set.of("sales"));
        AcceptedRecordDeserializer deserializer = new AcceptedRecordDeserializer();

        deserializer.configure(config.customize(Channels.ACCEPTED_RECORDS, null, new HashMap<>()), false);

        assertNull(deserializer.deserialize(Channels.ACCEPTED_RECORDS, new RecordHeaders().add(
                Channels.DATASET_HEADER, "returns".getBytes(StandardCharsets.UTF_8)),
                "{not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void leavesTheClientsOfOtherChannelsAsConfigured() {
        Map<String, Object> other = config.customize(Channels.ALERTS, null, new HashMap<>());

        assertFalse(other.containsKey(AcceptedRecordDeserializer.READ_DATASETS));
    }
}
