package io.tributary.transform.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.JsonEventSerializer;
import io.tributary.catalog.event.KafkaSecurity;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.SecuredKafkaBrokerResource;
import io.tributary.testinfra.SecuredKafkaProfile;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;

/**
 * The transform signed in to a broker that asks for SCRAM-SHA-512 and holds the Kubernetes manifests' ACLs, as its
 * {@code KafkaUser} {@code transform-service}, through its ordinary Kafka configuration: its consumer group applies
 * what ingestion's principal published, its lag is read, and it is ready (decision 0051).
 */
@QuarkusTest
@TestProfile(KafkaSignInTest.SignedIn.class)
class KafkaSignInTest {

    /** PostgreSQL, tokens, and the secured broker instead of the plain-text one. */
    public static class SignedIn extends SecuredKafkaProfile {

        public SignedIn() {
            super("transform-service", true);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    @Test
    void appliesWhatIngestionsPrincipalPublishedAndReportsItsLag() throws Exception {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset("signed_" + System.nanoTime() % 1_000_000L, "UTC", """
                - {name: id, logicalType: integer, required: true, primaryKey: true, primaryKeyPosition: 1}
                - {name: day, logicalType: date}
                - {name: amount, logicalType: number}
                """);
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                eventTime: day
                aggregate: {dimensions: [], measures: [amount]}
                """.formatted(d.name(), d.name()));

        publishAsIngestion(
                d.record("1", "id", 1, "day", "2024-05-01", "amount", new BigDecimal("2.50")),
                d.record("2", "id", 2, "day", "2024-05-02", "amount", new BigDecimal("0.50")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2L, catalog.single(
                "select count(*) from curated." + d.name() + " where _status = 'curated'")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/pipelines/" + d.name()).then()
                .statusCode(200)
                .body("counts.curated", is(2))
                .body("lagRecords", is(0))
                .body("problems.size()", is(0)));
    }

    @Test
    void isReadyWithItsKafkaConnectionUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("status", is("UP"));
    }

    /**
     * Publishes to each record's dataset topic as ingestion does, signed in as its {@code KafkaUser} (which creates the
     * topic), and waits until Kafka has every record.
     */
    private static void publishAsIngestion(RecordEvent... events)
            throws InterruptedException, ExecutionException, SQLException {
        Map<String, Object> ingestion = SecuredKafkaBrokerResource.kafka().serviceConfig("ingestion-service");
        Map<String, Object> config = new HashMap<>(KafkaSecurity.of(ingestion));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ingestion.get("bootstrap.servers"));
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(),
                new JsonEventSerializer())) {
            for (RecordEvent event : events) {
                producer.send(new ProducerRecord<>(Channels.acceptedRecordsOf(event.tributarydataset()),
                        event.subject(), event)).get();
            }
        }
    }
}
