package io.tributary.ingestion.messaging;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.awaitStatus;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.testinfra.SecuredKafkaProfile;
import io.tributary.testinfra.TestTokens;

/**
 * Ingestion given a wrong Kafka password (a rotated secret it has not read yet, a typing error): it says so, where an
 * operator looks, rather than dropping records or waiting on Kafka for ever.
 */
@QuarkusTest
@TestProfile(KafkaWrongPasswordTest.WrongPassword.class)
class KafkaWrongPasswordTest {

    /** PostgreSQL, tokens, and the secured broker, which does not know the service's password. */
    public static class WrongPassword extends SecuredKafkaProfile {

        public WrongPassword() {
            super("ingestion-service", false);
        }
    }

    @Inject
    CatalogFixtures fixtures;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @Test
    void failsTheBatchWithTheSignInRefusalRatherThanWaitingOnKafka() {
        fixtures.contract("notes", "/contracts/notes-with-note.yaml");
        String batch = upload(registerSource("notes"), "Ship Mode,Sales,Note\nFirst,10,ok\n");
        awaitStatus(batch, "FAILED")
                .body("error", containsString("Kafka refuses this batch's records and will go on refusing them"))
                .body("error", containsString("SaslAuthenticationException"));
    }

    @Test
    void isNotReadyAndSaysKafkaIsDown() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.find { it.name == 'Kafka connection health check' }.status", is("DOWN"));
    }
}
