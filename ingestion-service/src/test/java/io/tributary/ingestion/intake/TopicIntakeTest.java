package io.tributary.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class TopicIntakeTest {

    @Inject
    CatalogFixtures fixtures;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @BeforeEach
    void storeContract() {
        fixtures.contract("sales", "/contracts/sales.yaml");
    }

    @Test
    void consumesSourceTopicIntoBatches() {
        String source = registerSource("sales", Map.of("format", "NDJSON", "topic", "pos-events"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("pos-events", "1", """
                    {"Row ID": 1, "Order ID": "POS-1", "Order Date": "3/2/2024",
                     "Region": "Central", "Sales": 12.3400}"""));
            producer.send(new ProducerRecord<>("pos-events", "2", "not json at all"));
            producer.send(new ProducerRecord<>("pos-events", "3",
                    "{\"Row ID\": 3, \"Order ID\": \"POS-2\", \"Order Date\": \"3/2/2024\", \"Region\": \"East\", "
                            + "\"Sales\": 1}"));
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/sources/" + source + "/batches")
                .then().body("collect { it.received }.sum()", is(3))
                .body("collect { it.accepted }.sum()", is(2))
                .body("collect { it.quarantined }.sum()", is(1)));
    }

    @Test
    void refusesTopicForNonNdjsonSource() {
        given().contentType("application/json")
                .body(Map.of("name", "topic-csv", "dataset", "sales", "format", "CSV", "topic", "x"))
                .post("/api/sources")
                .then().statusCode(400);
    }

    @Test
    void refusesTributarysOwnTopics() {
        for (String topic : List.of(Channels.ACCEPTED_RECORDS, Channels.ALERTS, "tributary-anything")) {
            given().contentType("application/json")
                    .body(Map.of("name", "own-topic", "dataset", "sales", "format", "NDJSON", "topic", topic))
                    .post("/api/sources")
                    .then().statusCode(400).body(containsString("one of Tributary's own topics"));
        }
    }
}
