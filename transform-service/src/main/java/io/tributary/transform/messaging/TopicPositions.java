package io.tributary.transform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.smallrye.common.annotation.Identifier;
import io.tributary.catalog.event.KafkaSecurity;

/**
 * Reads positions of a topic without joining any consumer group: the end of each partition, and when the record at a
 * given offset was written. Used to tell how far the pipelines are behind their input.
 */
@ApplicationScoped
public class TopicPositions {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Admin admin;

    public TopicPositions(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.putAll(KafkaSecurity.of(kafka));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "transform-positions");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> adminConfig = new HashMap<>(KafkaSecurity.of(kafka));
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        admin = Admin.create(adminConfig);
    }

    /** The names of the topics that exist now. */
    public Set<String> names() {
        try {
            return admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("no list of topics within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /**
     * The next offset to be written, per partition; none when the topic does not exist. Asked of the broker directly:
     * a consumer asked for partitions it is not assigned warns at every call.
     */
    public Map<Integer, Long> ends(String topic) {
        return offsets(topic, OffsetSpec.latest());
    }

    /** The oldest offset the topic still keeps, per partition; none when the topic does not exist. */
    public Map<Integer, Long> starts(String topic) {
        return offsets(topic, OffsetSpec.earliest());
    }

    private Map<Integer, Long> offsets(String topic, OffsetSpec spec) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
            description.partitions().forEach(p -> asked.put(new TopicPartition(topic, p.partition()), spec));
            Map<Integer, Long> offsets = new HashMap<>();
            admin.listOffsets(asked).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, found) -> offsets.put(partition.partition(), found.offset()));
            return offsets;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("no answer about " + topic + " within "
                    + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
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
        admin.close();
    }
}
