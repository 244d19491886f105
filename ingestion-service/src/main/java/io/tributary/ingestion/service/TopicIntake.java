package io.tributary.ingestion.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tributary.catalog.entity.SourceEntity;

/**
 * Consumes the Kafka topics that source systems publish their events to. Each poll's events of one source are kept
 * in the landing archive as an NDJSON file and recorded as a batch, and only then are the offsets committed: an event
 * is either still in its topic or durable in the archive, never neither. Processing then runs as for an upload.
 */
@ApplicationScoped
public class TopicIntake {

    private static final Logger LOG = Logger.getLogger(TopicIntake.class);
    private static final String GROUP = "tributary-ingestion-sources";

    private final SourceService sources;
    private final LandingArchive archive;
    private final BatchStore batches;
    private final Map<String, Object> kafka;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "topic-intake");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    public TopicIntake(SourceService sources, LandingArchive archive, BatchStore batches,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.sources = sources;
        this.archive = archive;
        this.batches = batches;
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
                    Map<String, String> current = sources.consuming().stream()
                            .collect(Collectors.toMap(s -> s.topic, s -> s.name, (a, b) -> a));
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
                } catch (RuntimeException e) {
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

    /** Writes each source's events of this poll to the landing archive, one batch per source. */
    private void keep(ConsumerRecords<byte[], byte[]> polled, Map<String, String> sourceByTopic) {
        Map<String, ByteArrayOutputStream> lines = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            String source = sourceByTopic.get(record.topic());
            if (source != null && record.value() != null) {
                ByteArrayOutputStream out = lines.computeIfAbsent(source, s -> new ByteArrayOutputStream());
                out.writeBytes(oneLine(record.value()));
                out.write('\n');
            }
        }
        lines.forEach((sourceName, body) -> {
            SourceEntity source = sources.get(sourceName);
            UUID id = UUID.randomUUID();
            String name = "topic-" + source.topic + ".ndjson";
            LandingArchive.StoredFile stored = archive.store(source.name, id, name,
                    new ByteArrayInputStream(body.toByteArray()));
            QuarkusTransaction.requiringNew().run(() -> batches.create(id, source, name, stored));
        });
    }

    /**
     * The event as one NDJSON line. In JSON text a raw line break can only be whitespace (inside strings it must be
     * escaped), so turning line breaks into spaces keeps every valid event as it is; anything else is quarantined by
     * the reader with its text.
     */
    private static byte[] oneLine(byte[] value) {
        byte[] line = value.clone();
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n' || line[i] == '\r') {
                line[i] = ' ';
            }
        }
        return line;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
