package io.tributary.transform.service;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.event.RecordEventDeserializer;
import io.tributary.transform.repository.BackfillRepository;

/**
 * Reprocesses a pipeline while the stream keeps flowing, in short transactions that lock the rows they compute:
 * <ul>
 * <li>{@code TABLE}: every stored row (curated, filtered or failed) computed again from its kept input with the
 * current version; started by each new version of a pipeline;</li>
 * <li>{@code TOPIC}: the accepted-records topic read again from its start (or from a time) up to where it ended when
 * the backfill began; started by a pipeline's first version, so that it covers the dataset's history.</li>
 * </ul>
 * Both give the tables a fresh run of the current version would give.
 */
@ApplicationScoped
public class BackfillService {

    public enum Source {
        TABLE,
        TOPIC
    }

    private static final Logger LOG = Logger.getLogger(BackfillService.class);
    private static final int CHUNK = 500;
    /** Failures of one transaction (other than conflicts, always retried) before the backfill fails. */
    private static final int ATTEMPTS = 5;
    private static final Duration POLL = Duration.ofSeconds(1);

    private final RecordApplier applier;
    private final PipelineRegistry registry;
    private final BackfillRepository backfills;
    private final Map<String, Object> kafka;
    private final Event<BackfillLifecycle> lifecycle;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "pipeline-backfill");
        thread.setDaemon(true);
        return thread;
    });

    public BackfillService(RecordApplier applier, PipelineRegistry registry, BackfillRepository backfills,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, Event<BackfillLifecycle> lifecycle) {
        this.applier = applier;
        this.registry = registry;
        this.backfills = backfills;
        this.kafka = kafka;
        this.lifecycle = lifecycle;
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PipelineChanged changed) {
        try {
            start(changed.name(), changed.version(), changed.version() == 1 ? Source.TOPIC : Source.TABLE, null);
        } catch (SQLException e) {
            LOG.errorf(e, "the backfill of pipeline %s v%d could not start", changed.name(), changed.version());
        }
    }

    public UUID start(String pipeline, int version, Source source, Instant from) throws SQLException {
        UUID id = UUID.randomUUID();
        backfills.create(id, pipeline, version, source.name(), from);
        runner.submit(() -> run(id, pipeline, version, source, from));
        return id;
    }

    private void run(UUID id, String pipeline, int version, Source source, Instant from) {
        notify(new BackfillLifecycle(BackfillLifecycle.Phase.STARTED, id, pipeline, version, source, null,
                Instant.now()));
        try {
            registry.refresh();
            long done = source == Source.TABLE ? fromTable(id, pipeline, from) : fromTopic(id, pipeline, from);
            backfills.complete(id);
            LOG.infof("backfill %s of pipeline %s from the %s: %d records", id, pipeline, source, done);
            notify(new BackfillLifecycle(BackfillLifecycle.Phase.COMPLETED, id, pipeline, version, source, null,
                    Instant.now()));
        } catch (Exception e) {
            LOG.errorf(e, "backfill %s of pipeline %s failed", id, pipeline);
            try {
                backfills.fail(id, String.valueOf(e.getMessage()));
            } catch (SQLException stored) {
                LOG.errorf(stored, "backfill %s: its failure could not be stored", id);
            }
            notify(new BackfillLifecycle(BackfillLifecycle.Phase.FAILED, id, pipeline, version, source,
                    String.valueOf(e.getMessage()), Instant.now()));
        }
    }

    /** Observers (lineage) must not stop a backfill. */
    private void notify(BackfillLifecycle step) {
        try {
            lifecycle.fire(step);
        } catch (RuntimeException e) {
            LOG.warnf(e, "backfill %s: its %s step was not observed", step.backfillId(), step.phase());
        }
    }

    private long fromTable(UUID id, String pipeline, Instant from) throws Exception {
        Instant since = from == null ? Instant.EPOCH : from;
        long done = 0;
        String after = "";
        for (RecordApplier.Chunk chunk = rederive(pipeline, after, since); chunk.size() > 0; chunk = rederive(pipeline,
                after, since)) {
            after = chunk.lastKey();
            done += chunk.size();
            backfills.progress(id, done);
        }
        return done;
    }

    private RecordApplier.Chunk rederive(String pipeline, String after, Instant since) throws Exception {
        return Retries.upTo(ATTEMPTS, () -> applier.rederive(pipeline, after, since, CHUNK));
    }

    private long fromTopic(UUID id, String pipeline, Instant from) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "transform-backfill-" + pipeline);
        long done = 0;
        try (KafkaConsumer<String, RecordEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new RecordEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Channels.ACCEPTED_RECORDS, POLL).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            // every replica's live consumer applies the new version to what comes after these ends
            waitForReplicas();
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            seek(consumer, partitions, from);
            String dataset = registry.find(pipeline).orElseThrow(() -> new PipelineNotFoundException(pipeline))
                    .definition().dataset();
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
                if (!deliveries.isEmpty()) {
                    Retries.upTo(ATTEMPTS, () -> {
                        applier.replay(pipeline, deliveries);
                        return null;
                    });
                }
                if (read > 0) {
                    done += read;
                    backfills.progress(id, done);
                }
            }
        }
        return done;
    }

    private static void waitForReplicas() {
        try {
            Thread.sleep(2 * PipelineRegistry.RECHECK_MILLIS);
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

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
