package io.tributary.ingestion.messaging;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.acceptedRecordsOf;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.testinfra.SecuredKafkaBrokerResource;
import io.tributary.testinfra.SecuredKafkaProfile;
import io.tributary.testinfra.TestTokens;

/**
 * Ingestion signed in to a broker that asks for SCRAM-SHA-512 and holds the Kubernetes manifests' ACLs, as its
 * {@code KafkaUser} {@code ingestion-service}, through its ordinary Kafka configuration: it publishes accepted records
 * and is ready (decision 0051).
 */
@QuarkusTest
@TestProfile(KafkaSignInTest.SignedIn.class)
class KafkaSignInTest {

    /** PostgreSQL, tokens, and the secured broker instead of the plain-text one. */
    public static class SignedIn extends SecuredKafkaProfile {

        public SignedIn() {
            super("ingestion-service", true);
        }
    }

    @Inject
    CatalogFixtures fixtures;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @Test
    void publishesAcceptedRecordsSignedInAsItsOwnKafkaUser() {
        fixtures.contract("notes", "/contracts/notes-with-note.yaml");
        String batch = upload(registerSource("notes"), "Ship Mode,Sales,Note\nFirst,10,ok\nSecond,20,ok\n");
        awaitCompleted(batch).body("accepted", is(2)).body("quarantined", is(0));
        List<String> published = acceptedRecordsOf(UUID.fromString(batch),
                SecuredKafkaBrokerResource.kafka().adminConfig()).stream()
                .map(e -> String.valueOf(e.data().get("ship_mode"))).sorted().toList();
        assertEquals(List.of("First", "Second"), published);
    }

    @Test
    void isReadyWithItsKafkaConnectionUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("status", is("UP"));
    }
}
