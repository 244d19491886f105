package io.tributary.ingestion.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.KafkaSecurity;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.config.IngestionConfig;

/**
 * Sends accepted records to Kafka, keyed by business key, with a bounded number waiting for acknowledgement. This is
 * the ingestion hot path, so it talks to a Kafka producer directly (idempotent, acks from all in-sync replicas,
 * batched, compressed as configured) rather than through a messaging channel's per-message machinery.
 */
@ApplicationScoped
public class RecordPublisher {

    static final int WINDOW = 16_384;

    private final Producer<String, RecordEvent> producer;
    private final DatasetTopics topics;

    public RecordPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestionConfig ingestion,
            DatasetTopics topics) {
        this.topics = topics;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.putAll(KafkaSecurity.of(kafka));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, ingestion.producer().compression());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingestion-accepted-records");
        IngestionConfig.Producer timeouts = ingestion.producer();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeouts.maxBlock().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(timeouts.deliveryTimeout().toMillis()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(timeouts.requestTimeout().toMillis()));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new RecordEventSerializer());
    }

    /**
     * One batch's stream of sends, of one dataset's records to the dataset's topic (created first if need be);
     * {@link Flight#awaitAll()} returns once Kafka has every record or one failed.
     */
    public Flight start(String dataset) {
        return new Flight(dataset);
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    /**
     * One batch's records in flight, sent by one thread. A record Kafka refuses for good ({@link KafkaRefusal#RECORD})
     * is set aside with its reason and the others go on; any other refusal stops the flight: nothing more is sent, and
     * {@link #awaitAll()} throws.
     */
    public final class Flight {

        private final AckWindow window = new AckWindow(WINDOW);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Queue<Refused> refused = new ConcurrentLinkedQueue<>();
        /** Shared by the flight's records: the producer only reads headers once it has them. */
        private final Headers headers;
        /** The dataset's topic; null when it could not be created, and the flight failed. */
        private final String topic;

        private Flight(String dataset) {
            headers = new RecordHeaders()
                    .add(Channels.DATASET_HEADER, dataset.getBytes(StandardCharsets.UTF_8));
            String created = null;
            try {
                created = topics.of(dataset);
            } catch (RuntimeException e) {
                failure.set(e);
            }
            topic = created;
        }

        /**
         * Sends a record.
         *
         * @param tag what tells the caller's records apart, handed back with a refusal of this one
         */
        public void send(String key, RecordEvent event, long tag) throws InterruptedException {
            if (failure.get() != null) {
                // Kafka already refused a record of this flight, so the batch is sent again later or not at all:
                // waiting out max.block.ms once more for each record left would only hold the worker
                return;
            }
            window.take();
            try {
                producer.send(new ProducerRecord<>(topic, null, key, event, headers),
                        (metadata, error) -> {
                            if (error != null) {
                                refused(tag, error);
                            }
                            window.done();
                        });
            } catch (RuntimeException e) {
                refused(tag, e);
                window.done();
            }
        }

        private void refused(long tag, Throwable error) {
            if (KafkaRefusal.of(error) == KafkaRefusal.RECORD) {
                refused.add(new Refused(tag, KafkaRefusal.rule(error), KafkaRefusal.describe(error)));
            } else {
                failure.compareAndSet(null, error);
            }
        }

        /**
         * Waits for every acknowledgement; throws when Kafka refused a record for a reason other than the record
         * itself.
         *
         * @return the records Kafka refused for good, by tag
         */
        public List<Refused> awaitAll() throws InterruptedException {
            window.awaitAll();
            Throwable error = failure.get();
            if (error != null) {
                throw new PublishException(error);
            }
            return refused.stream().sorted(Comparator.comparingLong(Refused::tag)).toList();
        }
    }

    /**
     * A record Kafka will never take.
     *
     * @param rule the quarantine rule, {@code kafka.} and what Kafka said, such as {@code kafka.recordTooLarge}
     * @param reason what Kafka said
     */
    public record Refused(long tag, String rule, String reason) {
    }

    /** Kafka refused a record of a flight, not for the record's own sake: for a while, or for good. */
    public static final class PublishException extends RuntimeException {

        private final boolean permanent;

        PublishException(Throwable cause) {
            super(KafkaRefusal.of(cause) == KafkaRefusal.BATCH
                    ? "Kafka refuses this batch's records and will go on refusing them (" + KafkaRefusal.describe(cause)
                            + ")"
                    : "Kafka did not take every accepted record: " + cause.getMessage(), cause);
            this.permanent = KafkaRefusal.of(cause) == KafkaRefusal.BATCH;
        }

        /** Whether sending again cannot help until something is changed (an authorization, the topic). */
        public boolean permanent() {
            return permanent;
        }
    }
}
