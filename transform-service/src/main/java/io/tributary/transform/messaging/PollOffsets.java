package io.tributary.transform.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.tributary.transform.apply.Delivery;

/** Where a poll's records start and end in each of its partitions. */
final class PollOffsets {

    private PollOffsets() {
    }

    /** The offset of each partition's first record in the poll: where reading starts again if it is not applied. */
    static Map<TopicPartition, Long> firsts(ConsumerRecords<?, ?> records) {
        Map<TopicPartition, Long> firsts = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            firsts.put(partition, records.records(partition).get(0).offset());
        }
        return firsts;
    }

    /** The offset of each partition's first delivery: where reading starts again when they are not applied. */
    static Map<TopicPartition, Long> firsts(List<Delivery> deliveries) {
        Map<TopicPartition, Long> firsts = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            firsts.merge(new TopicPartition(delivery.topic(), delivery.partition()), delivery.offset(), Math::min);
        }
        return firsts;
    }

    /**
     * The offset after each partition's last record in the poll: what Kafka is told once the poll is applied. Not the
     * consumer's position, which may already be past a poll fetched since.
     */
    static Map<TopicPartition, OffsetAndMetadata> nexts(ConsumerRecords<?, ?> records) {
        Map<TopicPartition, OffsetAndMetadata> nexts = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, ?>> of = records.records(partition);
            nexts.put(partition, new OffsetAndMetadata(of.get(of.size() - 1).offset() + 1));
        }
        return nexts;
    }

    /**
     * Where each partition is read again when a poll failed after a later poll was fetched: the failed poll's start
     * where it has records of the partition, else the later poll's start.
     */
    static Map<TopicPartition, Long> readAgain(ConsumerRecords<?, ?> failed, ConsumerRecords<?, ?> later) {
        Map<TopicPartition, Long> starts = new LinkedHashMap<>(firsts(later));
        starts.putAll(firsts(failed));
        return starts;
    }
}
