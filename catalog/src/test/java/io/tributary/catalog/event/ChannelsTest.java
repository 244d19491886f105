package io.tributary.catalog.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.name.DatasetName;

class ChannelsTest {

    /** Kafka's own rule for a topic name. */
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    @Test
    void namesEachDatasetsTopicUnderTheAcceptedRecordsPrefix() {
        assertEquals("tributary-records-accepted.order_lines", Channels.acceptedRecordsOf(new DatasetName(
                "order_lines")));
        assertTrue(Channels.acceptedRecordsOf("sales").startsWith(Channels.ACCEPTED_RECORDS));
    }

    @Test
    void longestDatasetNameMakesAValidKafkaTopicName() {
        String longest = "a" + "z_9".repeat(20) + "zz";
        assertEquals(63, longest.length());
        assertTrue(KAFKA_TOPIC.matcher(Channels.acceptedRecordsOf(longest)).matches());
    }

    @Test
    void readsTheDatasetBackFromItsTopic() {
        assertEquals(Optional.of(new DatasetName("sales")), Channels.datasetOf(Channels.acceptedRecordsOf("sales")));
    }

    @Test
    void findsNoDatasetInOtherTopics() {
        for (String topic : List.of(Channels.ACCEPTED_RECORDS, Channels.ALERTS, "tributary-records-accepted.",
                "tributary-records-accepted.Sales", "tributary-records-accepted.a.b", "sources.sales")) {
            assertEquals(Optional.empty(), Channels.datasetOf(topic), topic);
        }
    }
}
