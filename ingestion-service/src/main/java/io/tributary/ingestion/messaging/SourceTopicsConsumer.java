package io.tributary.ingestion.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tributary.catalog.event.KafkaSecurity;

/**
 * Consumes the Kafka topics that source systems publish their events to. Each poll's events are handed to the
 * {@link Intake}, grouped by source, and only once it has kept them are the offsets committed: an event is either
 * still in its topic or durable in the landing archive, never neither.
 */
@ApplicationScoped
public class SourceTopicsConsumer {

    /** What becomes of the events of the source topics. */
    public interface Intake {

        /** The topics to read: topic → the source that publishes to it. */
        Map<String, String> sourceByTopic();

        /** Keeps one source's events of a poll, durably, before their offsets are committed. */
        void keep(String sourceName, List<byte[]> events);
    }

    private static final Logger LOG = Logger.getLogger(SourceTopicsConsumer.class);
    private static final String GROUP = "tributary-ingestion-sources";

    private final Intake intake;
    private final Map<String, Object> kafka;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "topic-intake");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    public SourceTopicsConsumer(Intake intake, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.intake = intake;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent startup) {
        loop.submit(this::run);
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        loop.shutdownNow();
    }

    private void run() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.putAll(KafkaSecurity.of(kafka));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> kafkaConsumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafkaConsumer;
            Map<String, String> sourceByTopic = Map.of();
            while (running) {
                try {
                    Map<String, String> current = intake.sourceByTopic();
                    if (!current.equals(sourceByTopic)) {
                        sourceByTopic = current;
                        subscribe(kafkaConsumer, current.keySet());
                    }
                    if (current.isEmpty()) {
                        Thread.sleep(1000);
                        continue;
                    }
                    ConsumerRecords<byte[], byte[]> polled = kafkaConsumer.poll(Duration.ofMillis(500));
                    if (!polled.isEmpty()) {
                        keep(polled, current);
                        kafkaConsumer.commitSync();
                    }
                } catch (WakeupException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | Error e) {
                    // an Error too (a poll too large for the heap, say): the loop goes on, the events come again
                    LOG.errorf(e, "consuming the source topics failed; offsets stay, so the events come again");
                    kafkaConsumer.unsubscribe();
                    sourceByTopic = Map.of();
                    sleepQuietly();
                }
            }
        }
    }

    private static void subscribe(KafkaConsumer<byte[], byte[]> consumer, Set<String> topics) {
        if (topics.isEmpty()) {
            consumer.unsubscribe();
        } else {
            consumer.subscribe(topics);
        }
    }

    /** Hands each source's events of this poll to the intake, one call per source. */
    private void keep(ConsumerRecords<byte[], byte[]> polled, Map<String, String> sourceByTopic) {
        Map<String, List<byte[]>> bySource = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            String source = sourceByTopic.get(record.topic());
            if (source != null && record.value() != null) {
                bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(record.value());
            }
        }
        bySource.forEach(intake::keep);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
