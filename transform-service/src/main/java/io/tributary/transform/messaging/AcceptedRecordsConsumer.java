package io.tributary.transform.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.KafkaSecurity;
import io.tributary.transform.apply.AcceptedRecord;
import io.tributary.transform.apply.ConsumerOffsetRepository;
import io.tributary.transform.apply.Delivery;
import io.tributary.transform.apply.RecordApplier;
import io.tributary.transform.apply.Retries;
import io.tributary.transform.backfill.BackfillService;
import io.tributary.transform.config.BacklogConfig;
import io.tributary.transform.progress.PipelineMetrics;
import io.tributary.transform.progress.PipelineProgress;
import io.tributary.transform.registry.PipelineRegistry;
import io.tributary.transform.registry.ReadDatasets;

/**
 * The live consumer of accepted records (decision 0054): subscribes, in the consumer group {@value #GROUP}, to the
 * topics of the datasets the declared pipelines read ({@link AcceptedTopics}), follows the pipelines as they are
 * declared without a restart (looking again every {@link #LOOK_EVERY}), and hands each poll's records of each topic to
 * the applier, which stores the next offsets with the curated rows. A partition assigned to it starts at the offset
 * stored there, so the stored offsets, not Kafka's, say what is applied: a record is applied exactly once whatever the
 * crashes and rebalances. Records of datasets no pipeline reads are never fetched, save those left on the single old
 * topic, which are passed over undecoded ({@link AcceptedRecordDeserializer}).
 * <p>
 * A poll is applied on a thread of its own while this thread fetches and decodes the next one (decoding is a sixth to
 * a quarter of the transform's work per record): at most one poll is applied and one waits (decision 0056). Kafka is
 * told how far the consumer got only once the poll is applied, and a poll that could not be applied is read again from
 * its start, with the one fetched after it.
 * <p>
 * When many records wait for a running pipeline (a large file uploaded to it), they may be handed to a build of its
 * tables from the topic instead of applied here (decision 0062); the consumer then goes on after them.
 */
@ApplicationScoped
public class AcceptedRecordsConsumer {

    /** The consumer group every replica's live consumer joins: the partitions are shared among them. */
    public static final String GROUP = "transform-service";
    /** How often the consumer looks again at which topics it should read. */
    public static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    /** How long the consumer waits before it is created again after Kafka refused to create it. */
    public static final Duration CREATE_AGAIN_AFTER = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(AcceptedRecordsConsumer.class);

    private final RecordApplier applier;
    private final PipelineMetrics metrics;
    private final PipelineRegistry registry;
    private final ReadDatasets read;
    private final TopicPositions positions;
    private final AcceptedRecordsLag lag;
    private final ConsumerOffsetRepository offsets;
    private final Map<String, Object> config = new HashMap<>();
    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, AcceptedRecord> consumer;
    private volatile Set<String> subscribed = Set.of();
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile String failure;
    private final Map<String, LongAdder> fetched = new ConcurrentHashMap<>();
    private final BacklogHandover handover;
    /** The poll being applied, touched by the consumer's thread only. */
    private Applying applying;

    /**
     * A poll handed to the applier's thread, the topics of it left to a build (or held for one), whose offsets Kafka is
     * not told, and its end.
     */
    private record Applying(ConsumerRecords<String, AcceptedRecord> records, Set<String> leftToBuild, Future<?> end) {
    }

    public AcceptedRecordsConsumer(RecordApplier applier, PipelineMetrics metrics, PipelineRegistry registry,
            ReadDatasets read, TopicPositions positions, AcceptedRecordsLag lag, ConsumerOffsetRepository offsets,
            BackfillService backfills, BacklogConfig backlog,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.handover = new BacklogHandover(new BacklogHandover.Builds() {
            @Override
            public boolean mayTake(String dataset, long waiting) throws SQLException {
                return backfills.mayTakeBacklog(dataset, waiting);
            }

            @Override
            public Optional<Map<Integer, Long>> take(String dataset) throws SQLException {
                return backfills.takeBacklog(dataset);
            }

            @Override
            public Set<String> building() throws SQLException {
                return backfills.buildingTopics();
            }

            @Override
            public Map<Integer, Long> applied(String topic) throws SQLException {
                return offsets.all(RecordApplier.CONSUMER, topic);
            }
        }, positions::ends, backlog.runningMinRecords());
        this.applier = applier;
        this.metrics = metrics;
        this.registry = registry;
        this.read = read;
        this.positions = positions;
        this.lag = lag;
        this.offsets = offsets;
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.putAll(KafkaSecurity.of(kafka));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "transform-accepted-records");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        // a topic is read once it exists (ingestion creates it), never created by being read
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // a crashed instance's partitions move to the others (or to its restart) after 10 s instead of Kafka's 45 s
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    }

    void start(@Observes StartupEvent startup) {
        begin();
    }

    /** Starts reading, in a thread of its own. */
    synchronized void begin() {
        running = true;
        Thread started = new Thread(this::run, "accepted-records");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /** The topics the consumer reads now. */
    public Set<String> subscribed() {
        return subscribed;
    }

    /** The partitions Kafka assigned to this consumer now. */
    public Set<TopicPartition> assigned() {
        return assigned;
    }

    /** How many records of the topic this consumer fetched since the service started. */
    public long fetched(String topic) {
        LongAdder count = fetched.get(topic);
        return count == null ? 0 : count.sum();
    }

    /**
     * Why the consumer does not read now (Kafka refused to create it, or its last try to read failed), or empty while
     * it reads.
     */
    public Optional<String> failure() {
        Thread started = thread;
        if (running && (started == null || !started.isAlive())) {
            return Optional.of("the accepted-records consumer is not running");
        }
        return Optional.ofNullable(failure);
    }

    /** Creates the consumer and reads with it; creates it again, after a while, when Kafka refuses to create it. */
    private void run() {
        while (running) {
            ExecutorService applyThread = Executors.newSingleThreadExecutor(work -> {
                Thread applying = new Thread(work, "accepted-records-apply");
                applying.setDaemon(true);
                return applying;
            });
            try (KafkaConsumer<String, AcceptedRecord> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
                    new LenientDeserializer(new AcceptedRecordDeserializer(read)))) {
                consumer = kafka;
                read(kafka, applyThread);
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                // a setting Kafka refuses (a security protocol without its credentials, say) or a broker not found
                failure = "the accepted-records consumer could not be created: " + KafkaFailures.describe(e);
                LOG.errorf("%s (created again in %s)", failure, CREATE_AGAIN_AFTER);
            } finally {
                finishApplying(applyThread);
                consumer = null;
                subscribed = Set.of();
                assigned = Set.of();
            }
            if (running) {
                pause(CREATE_AGAIN_AFTER);
            }
        }
    }

    private void read(KafkaConsumer<String, AcceptedRecord> kafka, ExecutorService applyThread) {
        long lookedAt = 0;
        while (running) {
            try {
                if (System.nanoTime() - lookedAt >= LOOK_EVERY.toNanos() || lookedAt == 0) {
                    follow(kafka);
                    handover.follow(kafka);
                    lookedAt = System.nanoTime();
                }
                if (subscribed.isEmpty()) {
                    settle(kafka, ConsumerRecords.empty());
                    failure = null;
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                handover.look(kafka);
                ConsumerRecords<String, AcceptedRecord> records = kafka.poll(POLL);
                settle(kafka, records);
                if (!records.isEmpty()) {
                    take(kafka, records, applyThread);
                }
                failure = null;
            } catch (WakeupException | InterruptedException e) {
                if (running) {
                    LOG.warnf("the accepted-records consumer was woken up while running: %s", e);
                }
            } catch (Exception | Error e) {
                if (!running) {
                    break;
                }
                // the broker or the catalog out of reach, or a rebalance under way: the next look tries again
                failure = "accepted records not read: " + KafkaFailures.describe(e);
                LOG.warnf("%s (tried again in %s)", failure, LOOK_EVERY);
                pause(LOOK_EVERY);
            }
        }
    }

    /** Subscribes to the topics the pipelines read now, when they are not those it reads. */
    private void follow(KafkaConsumer<String, AcceptedRecord> kafka) throws SQLException, InterruptedException {
        registry.current();
        Set<String> datasets = read.known().orElse(null);
        if (datasets == null) {
            return;
        }
        Set<String> existing = positions.names();
        Set<String> wanted = AcceptedTopics.chosen(datasets, existing,
                existing.contains(Channels.ACCEPTED_RECORDS) && lag.oldTopicLeft());
        if (wanted.equals(subscribed)) {
            return;
        }
        settle(kafka, ConsumerRecords.empty());
        if (wanted.isEmpty()) {
            kafka.unsubscribe();
            assigned = Set.of();
        } else {
            kafka.subscribe(wanted, new StoredOffsets(kafka));
        }
        LOG.infof("reading the accepted records of %s", wanted);
        subscribed = Set.copyOf(wanted);
    }

    /**
     * Hands the poll to the applier's thread, which applies each topic's records of it in a transaction; a topic whose
     * waiting records were handed to a build instead is passed over.
     */
    private void take(KafkaConsumer<String, AcceptedRecord> kafka, ConsumerRecords<String, AcceptedRecord> records,
            ExecutorService applyThread) {
        for (TopicPartition partition : records.partitions()) {
            fetched.computeIfAbsent(partition.topic(), t -> new LongAdder()).add(records.records(partition).size());
        }
        Map<String, List<Delivery>> byTopic = new LinkedHashMap<>();
        for (ConsumerRecord<String, AcceptedRecord> r : records) {
            AcceptedRecord record = r.value();
            String dataset = record != null
                    ? record.event().tributarydataset()
                    : AcceptedRecordDeserializer.datasetOf(r.headers());
            byTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>(records.count()))
                    .add(new Delivery(r.topic(), r.partition(), r.offset(), record, dataset));
        }
        Set<String> leftToBuild = new HashSet<>();
        byTopic.entrySet().removeIf(topic -> handover.takes(kafka, topic.getKey(), topic.getValue())
                && leftToBuild.add(topic.getKey()));
        applying = new Applying(records, leftToBuild, applyThread.submit(() -> {
            for (Map.Entry<String, List<Delivery>> topic : byTopic.entrySet()) {
                Map<String, PipelineProgress> applied = Retries.untilCommitted(
                        isolation -> applier.apply(topic.getKey(), topic.getValue(), isolation));
                metrics.record(applied);
            }
            metrics.recordPoll(records.count());
            return null;
        }));
    }

    /**
     * Waits until the poll being applied is, then tells Kafka how far the consumer got; when it could not be applied,
     * reads it again from its start, with {@code later}, fetched meanwhile, and throws why. What was applied of it is
     * skipped by the stored offsets.
     */
    private void settle(KafkaConsumer<String, AcceptedRecord> kafka, ConsumerRecords<String, AcceptedRecord> later)
            throws InterruptedException, SQLException {
        Applying done = applying;
        if (done == null) {
            return;
        }
        applying = null;
        try {
            done.end().get();
        } catch (InterruptedException e) {
            // still being applied: settled later, or awaited before the consumer closes; the later poll is read again
            applying = done;
            seek(kafka, PollOffsets.firsts(later));
            throw e;
        } catch (ExecutionException e) {
            seek(kafka, PollOffsets.readAgain(done.records(), later));
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        Map<TopicPartition, OffsetAndMetadata> applied = PollOffsets.nexts(done.records());
        applied.keySet().removeIf(partition -> done.leftToBuild().contains(partition.topic()));
        kafka.commitAsync(applied, null);
    }

    /**
     * Waits until the poll being applied is, so that a partition assigned starts at offsets stored after it; whether it
     * was applied is for {@link #settle} to see once the poll that moved the partitions returns.
     */
    private void awaitApplying() {
        Applying current = applying;
        if (current == null) {
            return;
        }
        try {
            current.end().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // seen by settle
        }
    }

    /** Lets the poll being applied end, for a while, before the consumer closes. */
    private void finishApplying(ExecutorService applyThread) {
        Applying last = applying;
        applying = null;
        applyThread.shutdown();
        if (last != null) {
            try {
                last.end().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // not applied: its offsets were not stored, so it is read again by whoever holds its partitions
                LOG.debugf("the last poll was not applied before the consumer closed: %s", e);
            }
        }
        applyThread.shutdownNow();
    }

    private static void seek(KafkaConsumer<String, AcceptedRecord> kafka, Map<TopicPartition, Long> starts) {
        Set<TopicPartition> assignment = kafka.assignment();
        starts.forEach((partition, offset) -> {
            if (assignment.contains(partition)) {
                kafka.seek(partition, offset);
            }
        });
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A partition assigned starts at the next offset stored with the curated rows, when one is. */
    private final class StoredOffsets implements ConsumerRebalanceListener {

        private final Consumer<String, AcceptedRecord> kafka;

        StoredOffsets(Consumer<String, AcceptedRecord> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            awaitApplying();
            assigned = Set.copyOf(kafka.assignment());
            Map<String, List<TopicPartition>> byTopic = new HashMap<>();
            partitions.forEach(p -> byTopic.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(p));
            for (Map.Entry<String, List<TopicPartition>> topic : byTopic.entrySet()) {
                Map<Integer, Long> stored;
                try {
                    stored = offsets.all(RecordApplier.CONSUMER, topic.getKey());
                } catch (SQLException e) {
                    // Kafka's committed offsets then: a record they say is not applied but is, is skipped
                    LOG.warnf("the stored offsets of %s could not be read: %s", topic.getKey(), e.getMessage());
                    continue;
                }
                for (TopicPartition partition : topic.getValue()) {
                    Long next = stored.get(partition.partition());
                    if (next != null) {
                        kafka.seek(partition, next);
                    }
                }
            }
            handover.assigned(kafka, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            awaitApplying();
            // nothing to hand over: what is applied is stored with the rows
            Set<TopicPartition> kept = new HashSet<>(assigned);
            kept.removeAll(partitions);
            assigned = Set.copyOf(kept);
        }
    }

    /** Stops reading, and leaves the consumer group. */
    @PreDestroy
    synchronized void stop() {
        running = false;
        KafkaConsumer<String, AcceptedRecord> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        Thread started = thread;
        if (started != null) {
            started.interrupt();
            try {
                started.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An unreadable message arrives as null and is counted, rather than stopping the consumer. */
    static final class LenientDeserializer implements Deserializer<AcceptedRecord> {

        private final AcceptedRecordDeserializer decoder;

        LenientDeserializer(AcceptedRecordDeserializer decoder) {
            this.decoder = decoder;
        }

        @Override
        public AcceptedRecord deserialize(String topic, byte[] data) {
            return deserialize(topic, null, data);
        }

        @Override
        public AcceptedRecord deserialize(String topic, Headers headers, byte[] data) {
            try {
                return decoder.deserialize(topic, headers, data);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
