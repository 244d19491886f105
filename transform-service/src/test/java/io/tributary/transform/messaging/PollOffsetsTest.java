package io.tributary.transform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PollOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("tributary-records-accepted.sales", 0);
    private static final TopicPartition P1 = new TopicPartition("tributary-records-accepted.sales", 1);
    private static final TopicPartition P2 = new TopicPartition("tributary-records-accepted.sales", 2);

    /** A poll of each partition's records from its first offset to its last. */
    private static ConsumerRecords<String, String> poll(Object... partitionFirstLast) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> records = new LinkedHashMap<>();
        for (int i = 0; i < partitionFirstLast.length; i += 3) {
            TopicPartition partition = (TopicPartition) partitionFirstLast[i];
            List<ConsumerRecord<String, String>> of = new ArrayList<>();
            for (long offset = (long) partitionFirstLast[i + 1]; offset <= (long) partitionFirstLast[i + 2]; offset++) {
                of.add(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "k", "v"));
            }
            records.put(partition, of);
        }
        return new ConsumerRecords<>(records);
    }

    @Test
    void tellsKafkaTheOffsetAfterEachPartitionsLastRecordOfThePollApplied() {
        assertEquals(Map.of(P0, new OffsetAndMetadata(15), P1, new OffsetAndMetadata(8)),
                PollOffsets.nexts(poll(P0, 10L, 14L, P1, 7L, 7L)));
    }

    @Test
    void readsAFailedPollAgainFromItsStartAndAPartitionOnlyFetchedAfterItFromThatStart() {
        ConsumerRecords<String, String> failed = poll(P0, 10L, 14L, P1, 7L, 9L);
        ConsumerRecords<String, String> later = poll(P0, 15L, 20L, P2, 3L, 4L);
        assertEquals(Map.of(P0, 10L, P1, 7L, P2, 3L), PollOffsets.readAgain(failed, later));
    }

    @Test
    void readsAFailedPollAgainFromItsStartWhenNothingWasFetchedAfterIt() {
        assertEquals(Map.of(P0, 10L), PollOffsets.readAgain(poll(P0, 10L, 14L), ConsumerRecords.empty()));
    }
}
