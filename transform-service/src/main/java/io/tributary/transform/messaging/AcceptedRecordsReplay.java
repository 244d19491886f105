package io.tributary.transform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.smallrye.common.annotation.Identifier;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.KafkaSecurity;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.event.RecordEventDeserializer;
import io.tributary.transform.apply.Delivery;

/**
 * Reads a dataset's accepted records again, outside any consumer group, from the start of its topics (or from a time)
 * up to where each partition ended when the reading began: what a backfill from the topic goes through.
 */
@ApplicationScoped
public class AcceptedRecordsReplay {

    private static final Duration POLL = Duration.ofSeconds(1);

    /** Takes one poll. */
    public interface Poll {
        /**
         * @param deliveries the poll's records of the dataset asked for, in offset order per partition
         * @param read how many records of the topic the poll read, of any dataset
         */
        void take(List<Delivery> deliveries, int read) throws Exception;
    }

    /** Takes one chunk of a topic's records as they were written, undecoded. */
    public interface Chunk {
        void take(List<ConsumerRecord<byte[], byte[]>> records) throws Exception;
    }

    private final Map<String, Object> kafka;

    public AcceptedRecordsReplay(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /**
     * Reads the records of {@code dataset} poll by poll: its topic, and the single old topic of every dataset while it
     * exists (decision 0054), since the dataset's history may begin there.
     *
     * @param from the first write time read; null for the start of the topics
     * @param fromTopic the topic {@code fromOffsets} are offsets of; null with them
     * @param fromOffsets when not null, the first offset read of each partition of {@code fromTopic} instead (a
     *        partition it lacks is read from its start), and every other topic is read from its start
     * @param settle how long to wait, once the partitions are known, before taking their ends
     * @param clientId the Kafka client id of the reader
     */
    /**
     * Reads a topic from the start of each partition up to {@code ends} (the next offset not read, by partition), in
     * chunks of records as they were written: what a backlog build decodes on a thread of its own.
     *
     * @return how many records were read
     */
    public long readUpTo(String topic, Map<Integer, Long> ends, String clientId, Chunk chunk) throws Exception {
        Map<String, Object> config = config(clientId);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> open = new HashMap<>();
            ends.forEach((partition, end) -> {
                if (end > 0) {
                    open.put(new TopicPartition(topic, partition), end);
                }
            });
            consumer.assign(open.keySet());
            consumer.seekToBeginning(open.keySet());
            open.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!open.isEmpty()) {
                List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    Long end = open.get(new TopicPartition(record.topic(), record.partition()));
                    if (end != null && record.offset() < end) {
                        records.add(record);
                    }
                }
                if (!records.isEmpty()) {
                    chunk.take(records);
                    read += records.size();
                }
                open.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return read;
    }

    public void read(String dataset, Instant from, String fromTopic, Map<Integer, Long> fromOffsets, Duration settle,
            String clientId, Poll poll) throws Exception {
        Map<String, Object> config = config(clientId);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, RecordEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new RecordEventDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Channels.acceptedRecordsOf(dataset), Channels.ACCEPTED_RECORDS)) {
                List<PartitionInfo> found = consumer.partitionsFor(topic, POLL);
                if (found != null) {
                    found.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            pause(settle);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            if (fromOffsets != null) {
                for (TopicPartition p : partitions) {
                    consumer.seek(p, p.topic().equals(fromTopic) ? fromOffsets.getOrDefault(p.partition(), 0L) : 0L);
                }
            } else {
                seek(consumer, partitions, from);
            }
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                List<Delivery> deliveries = new ArrayList<>();
                int read = 0;
                for (ConsumerRecord<String, RecordEvent> record : consumer.poll(POLL)) {
                    Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
                    if (record.offset() < end) {
                        read++;
                        if (record.value() != null && dataset.equals(record.value().tributarydataset())) {
                            deliveries.add(new Delivery(record.topic(), record.partition(), record.offset(),
                                    record.value()));
                        }
                    }
                }
                poll.take(deliveries, read);
            }
        }
    }

    private Map<String, Object> config(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.putAll(KafkaSecurity.of(kafka));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // an offset no longer kept is read from the oldest one kept, never from the end
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    private static void pause(Duration settle) {
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void seek(KafkaConsumer<String, RecordEvent> consumer, List<TopicPartition> partitions,
            Instant from) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = offsets.get(partition);
            if (at == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, at.offset());
            }
        }
    }
}
