package io.tributary.transform.client;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.smallrye.common.annotation.Identifier;

/**
 * Reads positions of a topic without joining any consumer group: the end of each partition, and when the record at a
 * given offset was written. Used to tell how far the pipelines are behind their input.
 */
@ApplicationScoped
public class TopicPositions {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;

    public TopicPositions(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "transform-positions");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The next offset to be written, per partition. */
    public synchronized Map<Integer, Long> ends(String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<Integer, Long> ends = new HashMap<>();
        consumer.endOffsets(partitions, TIMEOUT).forEach((partition, end) -> ends.put(partition.partition(), end));
        return ends;
    }

    /** When the record at this offset was written, if it can be read. */
    public synchronized Optional<Instant> writtenAt(String topic, int partition, long offset) {
        TopicPartition at = new TopicPartition(topic, partition);
        consumer.assign(List.of(at));
        consumer.seek(at, offset);
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(TIMEOUT)) {
            return Optional.of(Instant.ofEpochMilli(record.timestamp()));
        }
        return Optional.empty();
    }

    @PreDestroy
    synchronized void close() {
        consumer.close();
    }
}
