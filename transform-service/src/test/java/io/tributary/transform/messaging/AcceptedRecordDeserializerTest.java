package io.tributary.transform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.transform.apply.AcceptedRecord;
import io.tributary.transform.registry.ReadDatasets;

class AcceptedRecordDeserializerTest {

    private static final byte[] NOT_JSON = "{not json".getBytes(StandardCharsets.UTF_8);

    private final ReadDatasets read = new ReadDatasets();
    private final AcceptedRecordDeserializer deserializer = new AcceptedRecordDeserializer(read);

    @Test
    void passesOverRecordsOfDatasetsNoPipelineReadsWithoutDecodingThem() {
        read.publish(Set.of("sales"));
        assertNull(deserializer.deserialize(Channels.ACCEPTED_RECORDS, dataset("returns"), NOT_JSON));
    }

    @Test
    void decodesRecordsOfDatasetsAPipelineReads() {
        read.publish(Set.of("sales"));
        RecordEvent event = RecordEvent.accepted(UUID.randomUUID(), "shop", "7", Instant.parse("2024-03-01T10:00:00Z"),
                "sales", 1, UUID.randomUUID(), 2, Map.of("sales", new BigDecimal("12.50")));
        byte[] json = EventJson.write(event);

        AcceptedRecord decoded = deserializer.deserialize(Channels.ACCEPTED_RECORDS, dataset("sales"), json);

        assertEquals(event.id(), decoded.event().id());
        assertEquals("sales", decoded.event().tributarydataset());
        assertEquals("{\"sales\":12.50}", decoded.input());
        assertEquals(AcceptedRecord.of(event).hash(), decoded.hash());
    }

    @Test
    void decodesEverythingUntilThePipelinesAreKnown() {
        assertThrows(RuntimeException.class,
                () -> deserializer.deserialize(Channels.ACCEPTED_RECORDS, dataset("returns"), NOT_JSON));
    }

    @Test
    void decodesRecordsWithoutADatasetHeader() {
        read.publish(Set.of("sales"));
        assertThrows(RuntimeException.class,
                () -> deserializer.deserialize(Channels.ACCEPTED_RECORDS, new RecordHeaders(), NOT_JSON));
    }

    private static Headers dataset(String name) {
        return new RecordHeaders().add(Channels.DATASET_HEADER, name.getBytes(StandardCharsets.UTF_8));
    }
}
