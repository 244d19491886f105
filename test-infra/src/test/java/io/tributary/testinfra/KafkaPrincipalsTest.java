package io.tributary.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.KafkaSecurity;

/**
 * The Kafka users and ACLs of the Kubernetes manifest ({@code deploy/k8s/platform/kafka-users.yaml}) on a real broker
 * that speaks TLS, asks for SCRAM-SHA-512 and authorizes every request (decision 0051): each service's principal does
 * its job and nothing else, and a refusal is an error at once, not a wait. The clients are configured as the services
 * configure theirs: the Kafka configuration the Kubernetes manifests give a service, its security taken by
 * {@link KafkaSecurity#of}.
 */
class KafkaPrincipalsTest {

    private static final String INGESTION = "ingestion-service";
    private static final String TRANSFORM = "transform-service";
    private static final String REQUIREMENTS = "requirements-service";
    private static final String SERVING = "serving-service";
    /** The transform's consumer group (its {@code AcceptedRecordsConsumer.GROUP}). */
    private static final String TRANSFORM_GROUP = "transform-service";
    /** Ingestion's group for the producers' topics that sources name. */
    private static final String SOURCES_GROUP = "tributary-ingestion-sources";
    /** A dataset's own topic of accepted records, under the shared topic's prefix (decision 0054). */
    private static final String DATASET_TOPIC = Channels.acceptedRecordsOf("orders");
    private static final String OTHER_DATASET_TOPIC = Channels.acceptedRecordsOf("returns");
    private static final String SOURCE_TOPIC = "sources.webshop";
    private static final Duration BOUND = Duration.ofSeconds(60);

    private static SecuredKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = SecuredKafka.start();
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            // a producer's topic, which its own system creates and writes: the administrator stands in for it
            admin.createTopics(List.of(new NewTopic(SOURCE_TOPIC, Optional.empty(), Optional.empty()))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void ingestionPublishesAcceptedRecordsToTheSharedTopicAndDatasetsOwnTopicsAndTheTransformConsumesThem()
            throws Exception {
        try (Admin admin = admin(INGESTION)) {
            // a dataset's topic, created by ingestion itself where the broker does not create it on first write
            admin.createTopics(List.of(new NewTopic(DATASET_TOPIC, Optional.of(2), Optional.empty()))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = producer(INGESTION)) {
            producer.send(record(Channels.ACCEPTED_RECORDS, "o-1")).get();
            producer.send(record(DATASET_TOPIC, "o-2")).get();
            // another dataset's topic, created by the broker on its first write, as ingestion may have it created
            producer.send(record(OTHER_DATASET_TOPIC, "r-1")).get();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(TRANSFORM, TRANSFORM_GROUP)) {
            consumer.subscribe(List.of(Channels.ACCEPTED_RECORDS, DATASET_TOPIC, OTHER_DATASET_TOPIC));
            List<String> keys = pollKeys(consumer, 3);
            consumer.commitSync();
            assertTrue(keys.containsAll(List.of("o-1", "o-2", "r-1")), keys.toString());
        }
    }

    @Test
    void theTransformReadsTheEndsOfAcceptedRecordsTopicsForItsLag() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(INGESTION)) {
            producer.send(record(Channels.ACCEPTED_RECORDS, "o-3")).get();
        }
        try (Admin admin = admin(TRANSFORM)) {
            // as TopicPositions does: the topic's partitions, then the end of each
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Channels.ACCEPTED_RECORDS)).allTopicNames().get()
                    .get(Channels.ACCEPTED_RECORDS).partitions()
                    .forEach(p -> latest.put(new TopicPartition(Channels.ACCEPTED_RECORDS, p.partition()),
                            OffsetSpec.latest()));
            long written = admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(end -> end.offset()).sum();
            assertEquals(partitionsOf(Channels.ACCEPTED_RECORDS), latest.size());
            assertTrue(written >= 1, "the ends are past the record written: " + written);
        }
    }

    @Test
    void ingestionReadsTheProducersSourceTopicsInItsGroupAndTheTransformMayNot() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.adminConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(record(SOURCE_TOPIC, "e-1")).get();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(INGESTION, SOURCES_GROUP)) {
            consumer.subscribe(List.of(SOURCE_TOPIC));
            assertEquals(List.of("e-1"), pollKeys(consumer, 1));
            consumer.commitSync();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(TRANSFORM, TRANSFORM_GROUP)) {
            consumer.subscribe(List.of(SOURCE_TOPIC));
            assertRefused(TopicAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
        }
    }

    @Test
    void theTransformIsRefusedWritingAcceptedRecordsOrAlerts() {
        // an idempotent producer allowed to write no topic at all is refused its producer id, before any topic
        for (String topic : List.of(Channels.ACCEPTED_RECORDS, DATASET_TOPIC, Channels.ALERTS)) {
            try (KafkaProducer<byte[], byte[]> producer = producer(TRANSFORM)) {
                assertRefused(AuthorizationException.class, () -> producer.send(record(topic, "forged")).get());
            }
        }
    }

    @Test
    void ingestionIsRefusedReadingAcceptedRecordsAndTheTransformsGroup() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(INGESTION, SOURCES_GROUP)) {
            consumer.subscribe(List.of(Channels.ACCEPTED_RECORDS));
            assertRefused(TopicAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(INGESTION, TRANSFORM_GROUP)) {
            consumer.subscribe(List.of(SOURCE_TOPIC));
            assertRefused(GroupAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
        }
    }

    @Test
    void requirementsWritesAlertsAndNothingElse() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(REQUIREMENTS)) {
            producer.send(record(Channels.ALERTS, "objective-at-risk")).get();
            assertRefused(TopicAuthorizationException.class,
                    () -> producer.send(record(Channels.ACCEPTED_RECORDS, "forged")).get());
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(REQUIREMENTS, TRANSFORM_GROUP)) {
            consumer.subscribe(List.of(Channels.ACCEPTED_RECORDS));
            assertRefused(AuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
        }
    }

    @Test
    void servingSignsInForItsHealthCheckAndIsAllowedNothing() throws Exception {
        try (Admin admin = admin(SERVING)) {
            assertEquals(1, admin.describeCluster().nodes().get().size());
        }
        try (KafkaProducer<byte[], byte[]> producer = producer(SERVING)) {
            assertRefused(AuthorizationException.class, () -> producer.send(record(Channels.ALERTS, "forged")).get());
        }
        for (String group : List.of("serving-service", TRANSFORM_GROUP)) {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(SERVING, group)) {
                consumer.subscribe(List.of(Channels.ACCEPTED_RECORDS));
                assertRefused(AuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
            }
        }
    }

    @Test
    void aServiceWithAWrongPasswordIsRefusedAtSignIn() {
        Map<String, Object> wrong = kafka.serviceConfig(INGESTION, SecuredKafka.password());
        try (KafkaProducer<byte[], byte[]> producer = producer(wrong)) {
            assertRefused(SaslAuthenticationException.class,
                    () -> producer.send(record(Channels.ACCEPTED_RECORDS, "o-x")).get());
        }
    }

    @Test
    void aUserTheBrokerDoesNotKnowIsRefusedAtSignIn() {
        Map<String, Object> stranger = kafka.serviceConfig("tributary-intruder", SecuredKafka.password());
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(stranger, TRANSFORM_GROUP)) {
            consumer.subscribe(List.of(Channels.ACCEPTED_RECORDS));
            assertRefused(SaslAuthenticationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
        }
    }

    @Test
    void aServiceThatDoesNotTrustTheClustersCertificateIsRefusedAtTheHandshake() {
        // the configuration of every service but the CA certificate: the JDK's own authorities do not know the broker's
        Map<String, Object> untrusting = new HashMap<>(kafka.serviceConfig(INGESTION));
        assertEquals("SASL_SSL", untrusting.get("security.protocol"), "the services speak TLS to Kafka");
        untrusting.remove("ssl.truststore.type");
        untrusting.remove("ssl.truststore.location");
        try (KafkaProducer<byte[], byte[]> producer = producer(untrusting)) {
            assertRefused(SslAuthenticationException.class,
                    () -> producer.send(record(Channels.ACCEPTED_RECORDS, "o-x")).get());
        }
    }

    @Test
    void aClientWithoutCredentialsIsCutOffBeforeAnyRequest() throws Exception {
        // a client that does not sign in gets no answer at all: it writes nothing, creates nothing, and gives up
        // after its own max.block.ms
        String topic = Channels.ACCEPTED_RECORDS + "-anonymous";
        Map<String, Object> anonymous = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = producer(anonymous)) {
            assertRefused(TimeoutException.class, () -> producer.send(record(topic, "o-x")).get());
        }
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            assertFalse(admin.listTopics().names().get().contains(topic), "the topic was not created");
        }
    }

    private static int partitionsOf(String topic) {
        return KafkaManifests.topics().stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow()
                .partitions();
    }

    private static void assertRefused(Class<? extends Throwable> refusal, Executable call) {
        Throwable thrown = assertTimeoutPreemptively(BOUND, () -> {
            try {
                call.execute();
            } catch (Throwable e) {
                return e;
            }
            return null;
        });
        if (thrown == null) {
            fail("allowed, where " + refusal.getSimpleName() + " was expected");
        }
        Throwable cause = thrown instanceof ExecutionException && thrown.getCause() != null
                ? thrown.getCause()
                : thrown;
        assertInstanceOf(refusal, cause, () -> "refused with " + cause);
    }

    private static List<String> pollKeys(KafkaConsumer<byte[], byte[]> consumer, int count) {
        List<String> keys = new ArrayList<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (keys.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> polled : consumer.poll(Duration.ofMillis(500))) {
                keys.add(new String(polled.key(), StandardCharsets.UTF_8));
            }
        }
        return keys;
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static Admin admin(String user) {
        Map<String, Object> service = kafka.serviceConfig(user);
        Map<String, Object> config = new HashMap<>(KafkaSecurity.of(service));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, service.get("bootstrap.servers"));
        return Admin.create(config);
    }

    private static KafkaProducer<byte[], byte[]> producer(String user) {
        return producer(kafka.serviceConfig(user));
    }

    /** A producer set up as ingestion's publisher is: idempotent, acknowledged by every in-sync replica. */
    private static KafkaProducer<byte[], byte[]> producer(Map<String, Object> service) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, service.get("bootstrap.servers"));
        config.putAll(KafkaSecurity.of(service));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String user, String group) {
        return consumer(kafka.serviceConfig(user), group);
    }

    /** A consumer set up as the services' are: in a group, committing itself, from the earliest record. */
    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> service, String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, service.get("bootstrap.servers"));
        config.putAll(KafkaSecurity.of(service));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
