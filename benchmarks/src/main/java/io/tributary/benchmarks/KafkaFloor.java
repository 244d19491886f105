package io.tributary.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.catalog.event.Channels;
import io.tributary.local.DemoLoader;
import io.tributary.local.SuiteConfig;

/**
 * The Kafka hop alone, as a second reference for the ingestion benchmark: a bare producer, configured as the
 * ingestion service's (idempotent, acks from all in-sync replicas, 5 ms linger, 256 KB batches, no compression),
 * sends as many records as the measured file has rows to a topic of its own on the same broker, and waits for every
 * acknowledgement. The records are the suite's own accepted events (keys, headers and values as ingestion wrote
 * them), a sample read back from the accepted-records topic and sent round and round. No parsing, no contract, no
 * serialisation: what is left is what it costs this machine to move the events through Kafka.
 */
final class KafkaFloor {

    private static final String TOPIC = "bench-kafka-floor";
    private static final int SAMPLE = 10_000;
    static final int WARM_UP = 200_000;

    private KafkaFloor() {
    }

    /** The measured sends: elapsed nanoseconds, the mean size of the events sent, the CPU before and after. */
    record Result(long nanos, double eventBytes, CpuAccounting.Snapshot from, CpuAccounting.Snapshot to) {
    }

    /** Sends {@code records} sampled events after a warm-up of {@link #WARM_UP}, which is not counted. */
    static Result measure(String bootstrap, long records, CpuAccounting cpu) throws InterruptedException, ExecutionException {
        List<ConsumerRecord<byte[], byte[]>> sample = sample(bootstrap);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, SuiteConfig.KAFKA_PARTITIONS, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            send(producer, sample, WARM_UP);
            CpuAccounting.Snapshot from = cpu.snapshot();
            long t0 = System.nanoTime();
            send(producer, sample, records);
            long elapsed = System.nanoTime() - t0;
            return new Result(elapsed, meanBytes(sample), from, cpu.snapshot());
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, List<ConsumerRecord<byte[], byte[]>> sample,
            long records) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (long i = 0; i < records; i++) {
            ConsumerRecord<byte[], byte[]> r = sample.get((int) (i % sample.size()));
            producer.send(new ProducerRecord<>(TOPIC, null, r.key(), r.value(), r.headers()), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused a record of the floor measure", failure.get());
        }
    }

    /** The first {@link #SAMPLE} accepted events of the benchmark dataset's topic. */
    private static List<ConsumerRecord<byte[], byte[]>> sample(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            String topic = Channels.acceptedRecordsOf(DemoLoader.DATASET);
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> sample = new ArrayList<>(SAMPLE);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (sample.size() < SAMPLE && System.nanoTime() - deadline < 0) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (sample.size() < SAMPLE) {
                        sample.add(r);
                    }
                }
            }
            if (sample.isEmpty()) {
                throw new IllegalStateException("no accepted event on " + topic + " to sample");
            }
            return sample;
        }
    }

    /** The mean bytes of a sampled event: key, value and headers' names and values. */
    private static double meanBytes(List<ConsumerRecord<byte[], byte[]>> sample) {
        long bytes = 0;
        for (ConsumerRecord<byte[], byte[]> r : sample) {
            bytes += (r.key() == null ? 0 : r.key().length) + r.value().length;
            for (Header header : r.headers()) {
                bytes += header.key().length() + header.value().length;
            }
        }
        return (double) bytes / sample.size();
    }
}
