package io.tributary.transform.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.JsonEventSerializer;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;

/**
 * Through the live consumer, with a real broker and database: one topic of accepted records per dataset, of which the
 * transform reads only those of the datasets its pipelines read (decision 0054).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class DatasetTopicsTest {

    private static final String PROPERTIES = """
            - {name: id, logicalType: integer, required: true, primaryKey: true, primaryKeyPosition: 1}
            - {name: amount, logicalType: number}
            """;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AcceptedRecordsConsumer consumer;

    private CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        TestTokens.signInAs(Roles.STEWARD);
        catalog = new CatalogFixtures(dataSource);
    }

    private CatalogFixtures.Dataset dataset(String prefix) throws SQLException {
        return catalog.dataset(prefix + "_" + System.nanoTime() % 1_000_000L, "UTC", PROPERTIES);
    }

    private static void declare(CatalogFixtures.Dataset d) {
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                steps:
                  - derive: {doubled: "amount * 2"}
                """.formatted(d.name(), d.name()));
    }

    private static RecordEvent[] records(CatalogFixtures.Dataset d, int from, int to) {
        return IntStream.range(from, to).mapToObj(id -> d.record(Integer.toString(id), "id", id, "amount",
                BigDecimal.ONE)).toArray(RecordEvent[]::new);
    }

    private void awaitCurated(CatalogFixtures.Dataset d, long rows) {
        await().atMost(LIMIT).until(() -> Long.valueOf(rows).equals(catalog.single("select count(*) from curated."
                + d.name() + " where _status = 'curated'")));
    }

    private long received(CatalogFixtures.Dataset d) throws SQLException {
        return ((Number) catalog.single("select received from catalog.pipeline_state where name = '" + d.name()
                + "'")).longValue();
    }

    @Test
    void neverFetchesTheRecordsOfADatasetNoPipelineReads() throws SQLException {
        CatalogFixtures.Dataset read = dataset("read");
        CatalogFixtures.Dataset unread = dataset("unread");
        declare(read);
        String unreadTopic = Channels.acceptedRecordsOf(unread.name());
        String readTopic = Channels.acceptedRecordsOf(read.name());

        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(unread, 0, 200));
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(read, 0, 5));
        awaitCurated(read, 5);
        await().atMost(LIMIT).until(() -> consumer.fetched(readTopic) >= 5);

        assertTrue(consumer.subscribed().contains(readTopic), consumer.subscribed()::toString);
        assertFalse(consumer.subscribed().contains(unreadTopic), consumer.subscribed()::toString);
        assertTrue(consumer.assigned().stream().noneMatch(p -> p.topic().equals(unreadTopic)),
                consumer.assigned()::toString);
        assertEquals(0, consumer.fetched(unreadTopic));
    }

    @Test
    void appliesThePipelineDeclaredLaterOnADatasetWithoutARestart() throws SQLException {
        CatalogFixtures.Dataset later = dataset("later");
        String topic = Channels.acceptedRecordsOf(later.name());
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(later, 0, 3));
        assertFalse(consumer.subscribed().contains(topic), consumer.subscribed()::toString);

        declare(later);
        awaitCurated(later, 3);
        await().atMost(LIMIT).until(() -> consumer.subscribed().contains(topic));
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(later, 3, 5));
        awaitCurated(later, 5);
        await().atMost(LIMIT).until(() -> consumer.fetched(topic) >= 5);
    }

    @Test
    void appliesEachRecordOnceAcrossARestartThatForgetsKafkasOffsets() throws Exception {
        CatalogFixtures.Dataset d = dataset("restart");
        declare(d);
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(d, 0, 10));
        awaitCurated(d, 10);
        await().atMost(LIMIT).until(() -> received(d) == 10);

        consumer.stop();
        try {
            // the group's offsets in Kafka are gone: only those stored with the rows say what was applied
            forgetGroupOffsets();
            CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(d, 10, 15));
        } finally {
            consumer.begin();
        }
        awaitCurated(d, 15);
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(d, 15, 16));
        awaitCurated(d, 16);
        await().atMost(LIMIT).until(() -> received(d) >= 16);
        assertEquals(16, received(d));
    }

    @Test
    void measuresTheLagOfEachDatasetApart() throws SQLException {
        CatalogFixtures.Dataset a = dataset("lag_a");
        CatalogFixtures.Dataset b = dataset("lag_b");
        declare(a);
        declare(b);
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(a, 0, 1));
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(b, 0, 1));
        awaitCurated(a, 1);
        awaitCurated(b, 1);

        consumer.stop();
        try {
            CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(a, 1, 5));
            CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(b, 1, 3));
            given().get("/api/pipelines/" + a.name()).then().statusCode(200).body("lagRecords", is(4));
            given().get("/api/pipelines/" + b.name()).then().statusCode(200).body("lagRecords", is(2));
        } finally {
            consumer.begin();
        }
        awaitCurated(a, 5);
        awaitCurated(b, 3);
        await().atMost(LIMIT).untilAsserted(() -> given().get("/api/pipelines/" + a.name()).then()
                .body("lagRecords", is(0)));
    }

    @Test
    void appliesTheRecordsLeftOnTheSingleOldTopicThenStopsReadingIt() throws SQLException {
        CatalogFixtures.Dataset d = dataset("upgrade");
        declare(d);
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(d, 0, 1));
        awaitCurated(d, 1);

        // records an ingestion from before one topic per dataset wrote to the single topic of every dataset
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(),
                new JsonEventSerializer())) {
            for (RecordEvent event : records(d, 1, 4)) {
                producer.send(new ProducerRecord<>(Channels.ACCEPTED_RECORDS, event.subject(), event));
            }
        }
        awaitCurated(d, 4);
        await().atMost(LIMIT).until(() -> consumer.fetched(Channels.ACCEPTED_RECORDS) >= 3);
        await().atMost(LIMIT).until(() -> !consumer.subscribed().contains(Channels.ACCEPTED_RECORDS));
    }

    private static void forgetGroupOffsets() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerResource.bootstrapServers()))) {
            // the group empties once the consumer has left it
            await().atMost(LIMIT).until(() -> {
                try {
                    admin.deleteConsumerGroups(List.of(AcceptedRecordsConsumer.GROUP)).all().get();
                    return true;
                } catch (ExecutionException e) {
                    return e.getCause() instanceof GroupIdNotFoundException;
                }
            });
        }
    }
}
